/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-note-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-block-widgets.h"
#include "nimbus-note-view.h"

/* The student's note under its section or tip: plain text, selectable, hidden when there is
 * none. */
struct _NimbusNoteView
{
  GtkWidget parent_instance;

  GtkWidget *text;
};

G_DEFINE_FINAL_TYPE (NimbusNoteView, nimbus_note_view, GTK_TYPE_WIDGET)

void
nimbus_note_view_set_text (NimbusNoteView *self,
                           const char     *text)
{
  g_return_if_fail (NIMBUS_IS_NOTE_VIEW (self));

  /* Text, never markup. */
  gtk_label_set_text (GTK_LABEL (self->text), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL && *text != '\0');
}

const char *
nimbus_note_view_get_text (NimbusNoteView *self)
{
  g_return_val_if_fail (NIMBUS_IS_NOTE_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (GTK_LABEL (self->text))
                                                    : NULL;
}

static void
nimbus_note_view_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nimbus_note_view_parent_class)->dispose (object);
}

static void
nimbus_note_view_class_init (NimbusNoteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_note_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "note-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nimbus_note_view_init (NimbusNoteView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *caption = nimbus_text_label_new (_("Your note"), "caption-heading");

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_label_set_selectable (GTK_LABEL (caption), FALSE);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_parent (caption, GTK_WIDGET (self));

  self->text = nimbus_text_label_new ("", NULL);
  gtk_label_set_selectable (GTK_LABEL (self->text), TRUE);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your note"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
nimbus_note_view_new (void)
{
  return g_object_new (NIMBUS_TYPE_NOTE_VIEW, NULL);
}
