/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-section-heading"

#include "config.h"

#include "nimbus-block-widgets.h"
#include "nimbus-section-heading.h"

/* A section's heading on the reading page: a heading for assistive technology and one stop
 * for Tab, where opening a search result puts the keyboard. Its text is not selectable, so
 * taking the focus shows a focus ring, not a caret or a selection. */
struct _NimbusSectionHeading
{
  GtkWidget parent_instance;
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
nimbus_section_heading_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nimbus_section_heading_parent_class)->dispose (object);
}

static void
nimbus_section_heading_class_init (NimbusSectionHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_section_heading_dispose;
  widget_class->focus = nimbus_section_heading_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "section-heading");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_HEADING);
}

static void
nimbus_section_heading_init (NimbusSectionHeading *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
nimbus_section_heading_new (const char *title)
{
  GtkWidget *self = g_object_new (NIMBUS_TYPE_SECTION_HEADING, NULL);
  GtkWidget *label = nimbus_text_label_new (title, "title-2");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_parent (label, self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);

  return self;
}
