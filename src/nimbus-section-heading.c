/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-section-heading"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-block-widgets.h"
#include "nimbus-link.h"
#include "nimbus-section-heading.h"

/* A section's heading on the reading page: a heading for assistive technology and one stop
 * for Tab, where opening a search result puts the keyboard. Its text is not selectable, so
 * taking the focus shows a focus ring, not a caret or a selection.
 *
 * Once it knows its section, it has a menu (Copy Link, Open AWS Documentation): from the small
 * button beside its title, a right click or long press, or Menu and Shift+F10 while it has the
 * keyboard. The button is not a stop for Tab: the heading itself is. */
struct _NimbusSectionHeading
{
  GtkWidget parent_instance;

  GtkWidget *label;
  GtkWidget *menu_button;
  GtkWidget *context_menu;
  char *id;
  char *docs_url;
};

G_DEFINE_FINAL_TYPE (NimbusSectionHeading, nimbus_section_heading, GTK_TYPE_WIDGET)

/* The heading takes the focus itself; its label never does. */
static gboolean
nimbus_section_heading_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  if (gtk_widget_is_focus (widget))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
popup_at (NimbusSectionHeading *self,
          double                x,
          double                y)
{
  g_assert (NIMBUS_IS_SECTION_HEADING (self));

  if (self->context_menu == NULL)
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_secondary_pressed_cb (GtkGestureClick      *gesture,
                         int                   n_press,
                         double                x,
                         double                y,
                         NimbusSectionHeading *self)
{
  g_assert (NIMBUS_IS_SECTION_HEADING (self));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (self, x, y);
}

static void
on_long_pressed_cb (GtkGestureLongPress  *gesture,
                    double                x,
                    double                y,
                    NimbusSectionHeading *self)
{
  g_assert (NIMBUS_IS_SECTION_HEADING (self));

  popup_at (self, x, y);
}

/* From the keyboard, the menu opens under the title's start. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NimbusSectionHeading *self = NIMBUS_SECTION_HEADING (widget);

  popup_at (self, 12, gtk_widget_get_height (self->label));
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NimbusSectionHeading *self = NIMBUS_SECTION_HEADING (widget);
  g_autofree char *uri = NULL;

  if (self->id == NULL)
    return;

  uri = nimbus_link_dup_uri (self->id);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), uri);
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Link copied"));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the AWS documentation: %s"),
                                                  error->message);

      gtk_widget_activate_action (self, "win.show-toast", "s", message);
    }
}
#endif

static void
open_docs_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NimbusSectionHeading *self = NIMBUS_SECTION_HEADING (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (self->docs_url == NULL)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (self->docs_url);

    gtk_uri_launcher_launch (launcher, window, NULL, launch_done_cb, g_object_ref (widget));
  }
#else
  gtk_show_uri (window, self->docs_url, GDK_CURRENT_TIME);
#endif
}

static void
nimbus_section_heading_dispose (GObject *object)
{
  NimbusSectionHeading *self = NIMBUS_SECTION_HEADING (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  self->label = NULL;
  self->menu_button = NULL;
  self->context_menu = NULL;
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->docs_url, g_free);

  G_OBJECT_CLASS (nimbus_section_heading_parent_class)->dispose (object);
}

static void
nimbus_section_heading_class_init (NimbusSectionHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_section_heading_dispose;
  widget_class->focus = nimbus_section_heading_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "section-heading");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_HEADING);

  gtk_widget_class_install_action (widget_class, "heading.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "heading.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "heading.open-docs", NULL, open_docs_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "heading.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "heading.menu",
                                       NULL);
}

static void
nimbus_section_heading_init (NimbusSectionHeading *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              4);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "heading.open-docs", FALSE);
}

GtkWidget *
nimbus_section_heading_new (const char *title)
{
  NimbusSectionHeading *self = g_object_new (NIMBUS_TYPE_SECTION_HEADING, NULL);

  self->label = nimbus_text_label_new (title, "title-2");
  gtk_label_set_selectable (GTK_LABEL (self->label), FALSE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);

  return GTK_WIDGET (self);
}

/* The section the heading heads, and its AWS documentation (NULL for none): from then on
 * the heading has its menu. */
void
nimbus_section_heading_set_link (NimbusSectionHeading *self,
                                 const char           *id,
                                 const char           *docs_url)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (NIMBUS_IS_SECTION_HEADING (self));
  g_return_if_fail (nimbus_id_is_valid (id));
  g_return_if_fail (self->menu_button == NULL);

  self->id = g_strdup (id);
  self->docs_url = g_strdup (docs_url);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "heading.open-docs", docs_url != NULL);

  g_menu_append (menu, _("Copy Link"), "heading.copy-link");
  if (docs_url != NULL)
    g_menu_append (menu, _("Open AWS Documentation"), "heading.open-docs");

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->menu_button), FALSE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_can_focus (self->menu_button, FALSE);
  gtk_widget_add_css_class (self->menu_button, "heading-menu");
  gtk_widget_set_tooltip_text (self->menu_button, _("Section Menu"));
  name = g_strdup_printf (_("Menu of “%s”"), gtk_label_get_text (GTK_LABEL (self->label)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
}

/* The id of the section headed, NULL until it is known. */
const char *
nimbus_section_heading_get_id (NimbusSectionHeading *self)
{
  g_return_val_if_fail (NIMBUS_IS_SECTION_HEADING (self), NULL);

  return self->id;
}

/* The menu the heading opens from a right click or the keyboard, NULL until it has one. */
GtkPopover *
nimbus_section_heading_get_context_menu (NimbusSectionHeading *self)
{
  g_return_val_if_fail (NIMBUS_IS_SECTION_HEADING (self), NULL);

  return self->context_menu != NULL ? GTK_POPOVER (self->context_menu) : NULL;
}
