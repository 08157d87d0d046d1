/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-page-contents"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-page-contents.h"

/* The contents of the page being read: its sections, the one being read marked; choosing
 * one goes there with the keyboard on its heading. */
struct _NimbusPageContents
{
  GtkPopover parent_instance;

  GtkListBox *list;
  NimbusEntryPage *page;   /* not owned: the window holds both */
};

G_DEFINE_FINAL_TYPE (NimbusPageContents, nimbus_page_contents, GTK_TYPE_POPOVER)

#define SECTION_KEY "nimbus-section"

static GtkWidget *
row_new (const NimbusSection *section,
         gboolean             current)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (section->title);
  GtkWidget *mark = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  /* The section being read is told in words too, not by the mark alone. */
  gtk_widget_set_visible (mark, current);
  gtk_widget_set_tooltip_text (mark, _("Being read"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), SECTION_KEY, g_strdup (section->id), g_free);
  if (current)
    {
      g_autofree char *name = g_strdup_printf (_("%s, being read"), section->title);

      gtk_widget_add_css_class (label, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }

  return row;
}

/* Made when it opens, so the mark follows the reading. */
static void
nimbus_page_contents_show (GtkWidget *widget)
{
  NimbusPageContents *self = NIMBUS_PAGE_CONTENTS (widget);
  const NimbusEntry *entry = self->page != NULL ? nimbus_entry_page_get_entry (self->page) : NULL;
  const char *current = self->page != NULL ? nimbus_entry_page_get_section_in_view (self->page)
    : NULL;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));

  for (guint i = 0; entry != NULL && i < entry->sections->len; i++)
    {
      const NimbusSection *section = g_ptr_array_index (entry->sections, i);
      GtkWidget *child = row_new (section, g_strcmp0 (section->id, current) == 0);

      gtk_list_box_append (self->list, child);
      if (g_strcmp0 (section->id, current) == 0)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (child));
    }

  GTK_WIDGET_CLASS (nimbus_page_contents_parent_class)->show (widget);
}

static void
on_row_activated_cb (GtkListBox         *list,
                     GtkListBoxRow      *row,
                     NimbusPageContents *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), SECTION_KEY));

  g_assert (NIMBUS_IS_PAGE_CONTENTS (self));

  gtk_popover_popdown (GTK_POPOVER (self));
  if (self->page != NULL)
    nimbus_entry_page_scroll_to (self->page, id);
}

static void
nimbus_page_contents_class_init (NimbusPageContentsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->show = nimbus_page_contents_show;
}

static void
nimbus_page_contents_init (NimbusPageContents *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Contents"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_popover_set_child (GTK_POPOVER (self), scroller);
}

/* page: the reading page whose contents to show; it outlives the popover. */
void
nimbus_page_contents_set_page (NimbusPageContents *self,
                               NimbusEntryPage    *page)
{
  g_return_if_fail (NIMBUS_IS_PAGE_CONTENTS (self));

  self->page = page;
}

GtkListBox *
nimbus_page_contents_get_list (NimbusPageContents *self)
{
  g_return_val_if_fail (NIMBUS_IS_PAGE_CONTENTS (self), NULL);

  return self->list;
}
