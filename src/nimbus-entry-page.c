/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-entry-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-block-widgets.h"
#include "nimbus-entry-page.h"
#include "nimbus-note-editor.h"
#include "nimbus-note-view.h"
#include "nimbus-find-bar.h"
#include "nimbus-section-heading.h"

/* The reading page of one service: its sections and their blocks, sources, and buttons to
 * the related services. */
struct _NimbusEntryPage
{
  GtkWidget parent_instance;

  NimbusFindBar *find_bar;
  GtkScrolledWindow *scroller;
  GtkBox *content;

  NimbusEntry *entry;
  NimbusUserStore *store;
  gulong store_changed_id;
  GPtrArray *flag_buttons;
  GPtrArray *note_buttons;  /* with their note views, as "nimbus-note-view" */
  GHashTable *anchors;    /* section, tip and fact id -> widget */
  char *pending_scroll;
  guint scroll_tick;
  gint64 scroll_deadline;
  gint64 scroll_pinned_until;  /* the anchor kept in view until then; 0 until placed */
  double scroll_anchor_y;      /* where the anchor was, and the view, when last placed */
  double scroll_value;
  double zoom_scrolled;   /* Ctrl+wheel not yet a whole step */
};

G_DEFINE_FINAL_TYPE (NimbusEntryPage, nimbus_entry_page, GTK_TYPE_WIDGET)

enum {
  STORE_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SCROLL_PATIENCE_USEC (10 * G_USEC_PER_SEC)
#define SCROLL_PIN_USEC (3 * G_USEC_PER_SEC)

static void
append (NimbusEntryPage *self,
        GtkWidget       *widget)
{
  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  gtk_box_append (self->content, widget);
}

/* Weak-area flags */

static void on_flag_toggled_cb (GtkToggleButton *button,
                                NimbusEntryPage *self);

static void
sync_flag_button (NimbusEntryPage *self,
                  GtkWidget       *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "nimbus-id");
  gboolean flagged = self->store != NULL && nimbus_user_store_is_flagged (self->store, id);
  gboolean writable = self->store != NULL && nimbus_user_store_is_writable (self->store);

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  g_signal_handlers_block_by_func (button, on_flag_toggled_cb, self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), flagged);
  g_signal_handlers_unblock_by_func (button, on_flag_toggled_cb, self);

  gtk_widget_set_sensitive (button, writable);
  if (!writable)
    gtk_widget_set_tooltip_text (button, self->store != NULL
                                         ? nimbus_user_store_get_problem (self->store)
                                         : _("Weak areas cannot be saved"));
  else
    gtk_widget_set_tooltip_text (button, flagged ? _("Flagged as a weak area: click to remove")
                                                 : _("Flag as a weak area"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED, flagged, -1);
}

/* Notes */

static void
sync_note_button (NimbusEntryPage *self,
                  GtkWidget       *button)
{
  NimbusNoteView *view = g_object_get_data (G_OBJECT (button), "nimbus-note-view");
  const char *id = nimbus_note_editor_get_id (NIMBUS_NOTE_EDITOR (
                     gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));
  g_autofree char *note = self->store != NULL ? nimbus_user_store_get_note (self->store, id)
                                              : NULL;

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  nimbus_note_view_set_text (view, note);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button),
                                 note != NULL ? "document-edit-symbolic"
                                              : "list-add-symbolic");
  gtk_widget_set_tooltip_text (button, note != NULL ? _("Edit Note") : _("Add Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  note != NULL ? _("Edit Note") : _("Add Note"), -1);
}

static GtkWidget *
note_button_new (NimbusEntryPage *self,
                 const char      *id,
                 GtkWidget       *view)
{
  GtkWidget *button = gtk_menu_button_new ();

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), nimbus_note_editor_new (id));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "note-button");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "nimbus-note-view", view);
  g_ptr_array_add (self->note_buttons, button);
  sync_note_button (self, button);

  return button;
}

static void
sync_flags (NimbusEntryPage *self)
{
  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  for (guint i = 0; i < self->flag_buttons->len; i++)
    sync_flag_button (self, g_ptr_array_index (self->flag_buttons, i));
  for (guint i = 0; i < self->note_buttons->len; i++)
    sync_note_button (self, g_ptr_array_index (self->note_buttons, i));
}

static void
on_flag_toggled_cb (GtkToggleButton *button,
                    NimbusEntryPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "nimbus-id");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  if (gtk_toggle_button_get_active (button))
    ok = nimbus_user_store_flag (self->store, id, NULL, &error);
  else
    ok = nimbus_user_store_unflag (self->store, id, &error);

  if (!ok)
    g_signal_emit (self, signals[STORE_ERROR], 0, error->message);
  sync_flag_button (self, GTK_WIDGET (button));
}

/* What a flag button is called for assistive technology: after the section or tip it flags. */
static char *
flag_name (const char *section_title,
           const char *tip_text)
{
  g_autofree char *start = NULL;
  const char *end;

  if (tip_text == NULL)
    return g_strdup_printf (_("Flag “%s” as a weak area"), section_title);

  /* The tip's first words, enough to tell it from the others of its section. */
  end = g_utf8_offset_to_pointer (tip_text, MIN (g_utf8_strlen (tip_text, -1), 60));
  while (*end != '\0' && *end != ' ')
    end = g_utf8_next_char (end);
  start = g_strndup (tip_text, end - tip_text);
  return g_strdup_printf (*end != '\0' ? _("Flag the exam tip “%s…” as a weak area")
                                        : _("Flag the exam tip “%s” as a weak area"), start);
}

static GtkWidget *
flag_button_new (NimbusEntryPage *self,
                 const char      *id,
                 const char      *name)
{
  GtkWidget *button = gtk_toggle_button_new ();

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  gtk_button_set_icon_name (GTK_BUTTON (button), "emoji-flags-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "flag-button");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  g_object_set_data_full (G_OBJECT (button), "nimbus-id", g_strdup (id), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (on_flag_toggled_cb), self);
  g_ptr_array_add (self->flag_buttons, button);
  sync_flag_button (self, button);

  return button;
}

/* A widget with its flag and note buttons beside it, the flag first as the one used most;
 * the note shows in note_view, for the caller to place. */
static GtkWidget *
with_flag (NimbusEntryPage  *self,
           GtkWidget        *widget,
           const char       *id,
           const char       *name,
           GtkWidget       **note_view)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  *note_view = nimbus_note_view_new ();
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_box_append (GTK_BOX (row), widget);
  gtk_box_append (GTK_BOX (row), flag_button_new (self, id, name));
  gtk_box_append (GTK_BOX (row), note_button_new (self, id, *note_view));

  return row;
}

void
nimbus_entry_page_set_store (NimbusEntryPage *self,
                             NimbusUserStore *store)
{
  g_return_if_fail (NIMBUS_IS_ENTRY_PAGE (self));

  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->store_changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (sync_flags),
                                                       self);
  sync_flags (self);
}

static void
append_sources (NimbusEntryPage     *self,
                const NimbusSection *section)
{
  GString *markup;
  GtkWidget *label;

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  if (section->sources->len == 0)
    return;

  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", _("Sources"));
  for (guint i = 0; i < section->sources->len; i++)
    {
      const NimbusSource *source = g_ptr_array_index (section->sources, i);
      g_autofree char *url = g_markup_escape_text (source->url, -1);
      g_autofree char *title = g_markup_escape_text (source->title != NULL ? source->title
                                                                            : source->url, -1);
      g_autofree char *checked = NULL;

      /* Translators: when a source was last checked, after its link */
      checked = g_strdup_printf (_("checked %s"), source->checked);
      g_string_append_printf (markup, "\n<a href=\"%s\">%s</a> · %s", url, title, checked);
    }

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "sources");
  gtk_widget_add_css_class (label, "dim-label");
  append (self, label);
  g_string_free (markup, TRUE);
}

/* The section's AWS documentation: its first source on the web, NULL for none. */
static const char *
docs_url (const NimbusSection *section)
{
  for (guint i = 0; i < section->sources->len; i++)
    {
      const NimbusSource *source = g_ptr_array_index (section->sources, i);

      if (g_str_has_prefix (source->url, "https://"))
        return source->url;
    }

  return NULL;
}

static void
append_section (NimbusEntryPage     *self,
                const NimbusSection *section)
{
  GtkWidget *title = nimbus_section_heading_new (section->title);
  g_autofree char *name = flag_name (section->title, NULL);
  GtkWidget *header;
  GtkWidget *note;

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  nimbus_section_heading_set_link (NIMBUS_SECTION_HEADING (title), section->id,
                                   docs_url (section));
  header = with_flag (self, title, section->id, name, &note);
  gtk_widget_add_css_class (header, "section-title");
  gtk_widget_set_valign (gtk_widget_get_last_child (header), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (header)),
                         GTK_ALIGN_CENTER);
  append (self, header);
  append (self, note);
  g_hash_table_insert (self->anchors, section->id, title);

  for (guint i = 0; i < section->blocks->len; i++)
    {
      const NimbusBlock *block = g_ptr_array_index (section->blocks, i);
      GtkWidget *widget = nimbus_block_widget_new (block);

      if (widget == NULL)
        continue;

      if (block->type == NIMBUS_BLOCK_TIP)
        {
          g_autofree char *tip_name = flag_name (section->title, block->text);
          GtkWidget *row = with_flag (self, widget, block->id, tip_name, &note);

          widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          gtk_box_append (GTK_BOX (widget), row);
          gtk_box_append (GTK_BOX (widget), note);
        }
      append (self, widget);
      if (block->id != NULL)
        g_hash_table_insert (self->anchors, block->id, widget);
    }

  append_sources (self, section);
}

static void
append_related (NimbusEntryPage *self)
{
  GtkWidget *box;

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  if (self->entry->related[0] == NULL)
    return;

  append (self, nimbus_text_label_new (_("Related Services"), "title-2"));
  box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);

  for (guint i = 0; self->entry->related[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (self->entry->related_names[i]);

      gtk_widget_add_css_class (button, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", self->entry->related[i]);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }

  append (self, box);
}

static void
clear (NimbusEntryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  /* GTK 4.8's viewport keeps following a focused child it no longer holds: take the
   * focus off the page before emptying it. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content)))
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_hash_table_remove_all (self->anchors);
  g_ptr_array_set_size (self->flag_buttons, 0);
  g_ptr_array_set_size (self->note_buttons, 0);
}

/* Shows entry, taking it over; NULL shows nothing. */
void
nimbus_entry_page_set_entry (NimbusEntryPage *self,
                             NimbusEntry     *entry)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (NIMBUS_IS_ENTRY_PAGE (self));

  clear (self);
  g_clear_pointer (&self->entry, nimbus_entry_free);
  self->entry = entry;
  if (entry == NULL)
    {
      nimbus_find_bar_refresh (self->find_bar);
      return;
    }

  {
    GtkWidget *title = nimbus_text_label_new (entry->name, "title-1");

    gtk_label_set_selectable (GTK_LABEL (title), FALSE);
    append (self, title);
  }
  subtitle = g_strdup_printf ("%s · %s", entry->full_name, entry->category_name);
  append (self, nimbus_text_label_new (subtitle, "dim-label"));
  if (entry->exam_names != NULL && entry->exam_names[0] != NULL)
    {
      guint n = g_strv_length (entry->exam_names);
      g_autofree char *names = g_strjoinv (", ", entry->exam_names);
      g_autofree char *exams = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "On the exam: %s",
                                                             "On the exams: %s", n), names);
      GtkWidget *label = nimbus_text_label_new (exams, "exams");

      append (self, label);
    }
  append (self, nimbus_text_label_new (entry->summary, "summary"));

  for (guint i = 0; i < entry->sections->len; i++)
    append_section (self, g_ptr_array_index (entry->sections, i));

  append_related (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  nimbus_find_bar_refresh (self->find_bar);
}

const NimbusEntry *
nimbus_entry_page_get_entry (NimbusEntryPage *self)
{
  g_return_val_if_fail (NIMBUS_IS_ENTRY_PAGE (self), NULL);

  return self->entry;
}

/* The keyboard goes to the heading of the section that holds id, with its focus ring
 * shown, and Tab goes on from there. */
static void
focus_heading (NimbusEntryPage *self,
               const char      *id)
{
  g_autofree char *section_id = nimbus_id_dup_section_id (id);
  GtkWidget *heading = section_id != NULL ? g_hash_table_lookup (self->anchors, section_id) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  if (heading == NULL || !gtk_widget_grab_focus (heading))
    return;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

/* A new page is laid out only over the next frames: scroll once the anchor has its place
 * and the page its height, giving up after ten seconds (a loaded machine lays out long pages
 * slowly). For a while after, the text above the anchor may still be laid out again (the
 * window taking its size) and move it: it is kept in place then, unless the reader has
 * scrolled away. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  NimbusEntryPage *self = NIMBUS_ENTRY_PAGE (widget);
  GtkWidget *anchor = g_hash_table_lookup (self->anchors, self->pending_scroll);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  graphene_point_t point;
  gboolean placed = self->scroll_pinned_until != 0;

  if (anchor == NULL ||
      !gtk_widget_compute_point (anchor, GTK_WIDGET (self->content),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    goto done;

  if (!placed && (point.y <= 0 || gtk_adjustment_get_upper (adjustment) < point.y) &&
      now < self->scroll_deadline)
    return G_SOURCE_CONTINUE;

  /* GTK 4.8's viewport scrolls to the child given the focus, by where it was last laid out:
   * the focus first, then the view where it belongs. */
  if (!placed)
    {
      focus_heading (self, self->pending_scroll);
      self->scroll_pinned_until = now + SCROLL_PIN_USEC;
    }
  if (placed && ABS (point.y - self->scroll_anchor_y) < 0.5)
    {
      /* The anchor has not moved: if the view has, the reader moved it. */
      if (ABS (gtk_adjustment_get_value (adjustment) - self->scroll_value) > 0.5)
        goto done;
    }
  else
    {
      gtk_adjustment_set_value (adjustment, MAX (point.y - 12, 0));
      self->scroll_value = gtk_adjustment_get_value (adjustment);
      self->scroll_anchor_y = point.y;
    }

  if (now < self->scroll_pinned_until)
    return G_SOURCE_CONTINUE;

done:
  self->scroll_tick = 0;
  g_clear_pointer (&self->pending_scroll, g_free);
  return G_SOURCE_REMOVE;
}

/* Back to the top of the page shown; the keyboard, if it was on the page, to the first
 * heading. */
void
nimbus_entry_page_scroll_to_top (NimbusEntryPage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (NIMBUS_IS_ENTRY_PAGE (self));

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer (&self->pending_scroll, g_free);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) && self->entry != NULL &&
      self->entry->sections->len > 0)
    {
      const NimbusSection *first = g_ptr_array_index (self->entry->sections, 0);
      GtkWidget *heading = g_hash_table_lookup (self->anchors, first->id);

      if (heading != NULL)
        gtk_widget_grab_focus (heading);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Scrolls to a section, tip or fact of the page shown. */
void
nimbus_entry_page_scroll_to (NimbusEntryPage *self,
                             const char      *id)
{
  g_return_if_fail (NIMBUS_IS_ENTRY_PAGE (self));

  g_free (self->pending_scroll);
  self->pending_scroll = g_strdup (id);
  self->scroll_pinned_until = 0;
  self->scroll_deadline = g_get_monotonic_time () + SCROLL_PATIENCE_USEC;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL,
                                                      NULL);
}

/* The section being read: the one whose heading is the last above the top of the view, or
 * the one the keyboard is in. NULL when no page is shown. */
const char *
nimbus_entry_page_get_section_in_view (NimbusEntryPage *self)
{
  GtkRoot *root;
  GtkWidget *focus;
  double top;
  const char *in_view = NULL;

  g_return_val_if_fail (NIMBUS_IS_ENTRY_PAGE (self), NULL);

  if (self->entry == NULL || self->entry->sections->len == 0)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  top = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  for (guint i = 0; i < self->entry->sections->len; i++)
    {
      const NimbusSection *section = g_ptr_array_index (self->entry->sections, i);
      GtkWidget *heading = g_hash_table_lookup (self->anchors, section->id);
      graphene_point_t point;

      if (focus != NULL && heading != NULL &&
          (focus == heading || gtk_widget_is_ancestor (focus, gtk_widget_get_parent (heading))))
        return section->id;
      if (heading != NULL && (in_view == NULL ||
                              (gtk_widget_compute_point (heading, GTK_WIDGET (self->content),
                                                         &GRAPHENE_POINT_INIT (0, 0), &point) &&
                               point.y <= top + 24)))
        in_view = section->id;
    }

  return in_view;
}

/* Goes to the next (step 1) or previous (-1) section from the one being read. */
void
nimbus_entry_page_move_section (NimbusEntryPage *self,
                                int              step)
{
  const char *current;

  g_return_if_fail (NIMBUS_IS_ENTRY_PAGE (self));

  if ((current = nimbus_entry_page_get_section_in_view (self)) == NULL)
    return;

  for (guint i = 0; i < self->entry->sections->len; i++)
    {
      const NimbusSection *section = g_ptr_array_index (self->entry->sections, i);
      int next = (int) i + step;

      if (g_str_equal (section->id, current) && next >= 0
          && next < (int) self->entry->sections->len)
        {
          nimbus_entry_page_scroll_to (self,
                                       ((NimbusSection *) g_ptr_array_index (self->entry->sections,
                                                                                  next))->id);
          return;
        }
    }
}

/* Flags the section being read as a weak area, or unflags it; FALSE when there is none or
 * flags cannot be saved. */
gboolean
nimbus_entry_page_toggle_flag_in_view (NimbusEntryPage *self)
{
  const char *current;

  g_return_val_if_fail (NIMBUS_IS_ENTRY_PAGE (self), FALSE);

  if ((current = nimbus_entry_page_get_section_in_view (self)) == NULL)
    return FALSE;

  for (guint i = 0; i < self->flag_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->flag_buttons, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "nimbus-id"), current) == 0)
        {
          if (!gtk_widget_is_sensitive (button))
            return FALSE;
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                        !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
          return TRUE;
        }
    }

  return FALSE;
}

/* Find in page: the bar opens with the keyboard in it. */
void
nimbus_entry_page_find (NimbusEntryPage *self)
{
  g_return_if_fail (NIMBUS_IS_ENTRY_PAGE (self));

  nimbus_find_bar_open (self->find_bar);
}

/* The next (step 1) or previous (-1) match of an open find bar; FALSE when there is none. */
gboolean
nimbus_entry_page_find_step (NimbusEntryPage *self,
                             int              step)
{
  g_return_val_if_fail (NIMBUS_IS_ENTRY_PAGE (self), FALSE);

  return nimbus_find_bar_is_open (self->find_bar) && nimbus_find_bar_step (self->find_bar, step);
}

/* Ctrl and the wheel zoom the reading text, a step a wheel click, as in a web browser. */
static gboolean
on_scroller_scroll_cb (GtkEventControllerScroll *controller,
                       double                    dx,
                       double                    dy,
                       NimbusEntryPage          *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  g_assert (NIMBUS_IS_ENTRY_PAGE (self));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return GDK_EVENT_PROPAGATE;

  self->zoom_scrolled += dy;
  for (; self->zoom_scrolled <= -1; self->zoom_scrolled += 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.zoom-in", NULL);
  for (; self->zoom_scrolled >= 1; self->zoom_scrolled -= 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.zoom-out", NULL);

  return GDK_EVENT_STOP;
}

/* Tab off the end of the page goes round to its first heading, rather than on into the
 * sidebar, where the Space meant to page down would open a service. */
static gboolean
nimbus_entry_page_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  NimbusEntryPage *self = NIMBUS_ENTRY_PAGE (widget);
  const NimbusSection *first;
  GtkWidget *heading;

  if (GTK_WIDGET_CLASS (nimbus_entry_page_parent_class)->focus (widget, direction))
    return TRUE;

  if (direction != GTK_DIR_TAB_FORWARD || self->entry == NULL || self->entry->sections->len == 0 ||
      gtk_widget_get_focus_child (widget) == NULL)
    return FALSE;

  first = g_ptr_array_index (self->entry->sections, 0);
  heading = g_hash_table_lookup (self->anchors, first->id);
  if (heading == NULL || !gtk_widget_grab_focus (heading))
    return FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  return TRUE;
}

static void
nimbus_entry_page_dispose (GObject *object)
{
  NimbusEntryPage *self = NIMBUS_ENTRY_PAGE (object);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_ENTRY_PAGE);
  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_clear_pointer (&self->flag_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->note_buttons, g_ptr_array_unref);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->entry, nimbus_entry_free);
  g_clear_pointer (&self->pending_scroll, g_free);

  G_OBJECT_CLASS (nimbus_entry_page_parent_class)->dispose (object);
}

static void
nimbus_entry_page_class_init (NimbusEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_entry_page_dispose;
  widget_class->focus = nimbus_entry_page_focus;

  /* Flagging failed: the message says why. */
  signals[STORE_ERROR] = g_signal_new ("store-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-entry-page.ui");
  g_type_ensure (NIMBUS_TYPE_FIND_BAR);
  gtk_widget_class_bind_template_child (widget_class, NimbusEntryPage, find_bar);
  gtk_widget_class_bind_template_child (widget_class, NimbusEntryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NimbusEntryPage, content);
}

static void
nimbus_entry_page_init (NimbusEntryPage *self)
{
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->anchors = g_hash_table_new (g_str_hash, g_str_equal);
  self->flag_buttons = g_ptr_array_new ();
  self->note_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  nimbus_find_bar_set_content (self->find_bar, GTK_WIDGET (self->content), self->scroller);

  /* Capturing, so that Ctrl and the wheel over a table zoom too. */
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroller_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);
}

GtkWidget *
nimbus_entry_page_new (void)
{
  return g_object_new (NIMBUS_TYPE_ENTRY_PAGE, NULL);
}
