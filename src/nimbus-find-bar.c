/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-find-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nimbus-find-bar.h"

/* Find in the page being read: every match in the page's labels highlighted, the current one
 * in another colour and scrolled into view, "3 of 7". The highlights are Pango attributes over
 * the text the labels show, so what is typed never becomes markup. */

typedef struct
{
  GtkLabel *label;
  guint start;      /* bytes into the label's text */
  guint end;
} Match;

struct _NimbusFindBar
{
  GtkWidget parent_instance;

  GtkSearchBar *search_bar;
  GtkSearchEntry *entry;
  GtkLabel *count_label;
  GtkWidget *previous_button;
  GtkWidget *next_button;

  GtkWidget *content;           /* what is searched; weak */
  GtkScrolledWindow *scroller;  /* what scrolls it; weak */
  GtkWidget *return_focus;      /* where the keyboard was before; weak */
  char *query;                  /* folded, as last searched */
  GArray *matches;              /* Match, in page order */
  GPtrArray *labels;            /* the labels highlighted, owned */
  GPtrArray *originals;         /* their own attributes, parallel to labels, maybe NULL */
  guint current;
};

G_DEFINE_FINAL_TYPE (NimbusFindBar, nimbus_find_bar, GTK_TYPE_WIDGET)

static void
attr_list_unref0 (gpointer list)
{
  if (list != NULL)
    pango_attr_list_unref (list);
}

/* Matches of query (case-folded) in text, case ignored, appended as byte ranges of text.
 * A match starts and ends on whole characters of text. */
static void
find_in_text (const char *text,
              const char *query,
              GtkLabel   *label,
              GArray     *matches)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  size_t length = strlen (query);
  const char *hit;

  /* For each byte of the folded text, the character of text it comes from. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *c = g_utf8_casefold (p, next - p);
      guint start = p - text;
      guint end = next - text;

      for (size_t i = 0; c[i] != '\0'; i++)
        {
          g_array_append_val (starts, start);
          g_array_append_val (ends, end);
        }
      g_string_append (folded, c);
    }

  for (hit = strstr (folded->str, query); hit != NULL; hit = strstr (hit, query))
    {
      guint first = hit - folded->str;
      guint last = first + length - 1;
      Match match = { label, g_array_index (starts, guint, first),
                     g_array_index (ends, guint, last) };

      /* "ss" in the folding of "ß" is not a match of "s". */
      if ((first > 0 && g_array_index (starts, guint, first - 1) == match.start) ||
          (last + 1 < starts->len && g_array_index (ends, guint, last + 1) == match.end))
        {
          hit++;
          continue;
        }
      g_array_append_val (matches, match);
      hit += length;
    }
}

/* The labels of the page, in reading order; not those of menus. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_visible (widget) || GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_ptr_array_add (labels, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static PangoAttribute *
ranged (PangoAttribute *attribute,
        const Match    *match)
{
  attribute->start_index = match->start;
  attribute->end_index = match->end;
  return attribute;
}

/* The label's own attributes, then a yellow background under each match, orange and
 * underlined under the current one; dark text on both, so that either style reads. */
static void
highlight_label (NimbusFindBar *self,
                 guint          index)
{
  GtkLabel *label = g_ptr_array_index (self->labels, index);
  PangoAttrList *original = g_ptr_array_index (self->originals, index);
  PangoAttrList *list = original != NULL ? pango_attr_list_copy (original) : pango_attr_list_new ();

  g_assert (NIMBUS_IS_FIND_BAR (self));

  for (guint i = 0; i < self->matches->len; i++)
    {
      const Match *match = &g_array_index (self->matches, Match, i);

      if (match->label != label)
        continue;
      if (i == self->current)
        {
          pango_attr_list_insert (list, ranged (pango_attr_background_new (0xffff, 0xa3a3, 0x4848),
                                                match));
          pango_attr_list_insert (list, ranged (pango_attr_underline_new (PANGO_UNDERLINE_SINGLE),
                                                match));
        }
      else
        pango_attr_list_insert (list, ranged (pango_attr_background_new (0xf8f8, 0xe4e4, 0x5c5c),
                                              match));
      pango_attr_list_insert (list, ranged (pango_attr_foreground_new (0x2424, 0x1f1f, 0x3131),
                                            match));
    }

  gtk_label_set_attributes (label, list);
  pango_attr_list_unref (list);
}

static void
highlight_label_of (NimbusFindBar *self,
                    GtkLabel      *label)
{
  guint index;

  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (g_ptr_array_find (self->labels, label, &index))
    highlight_label (self, index);
}

/* Every label as it was, and no matches. */
static void
clear_matches (NimbusFindBar *self)
{
  g_assert (NIMBUS_IS_FIND_BAR (self));

  for (guint i = 0; i < self->labels->len; i++)
    gtk_label_set_attributes (g_ptr_array_index (self->labels, i),
                              g_ptr_array_index (self->originals, i));
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->originals, 0);
  g_array_set_size (self->matches, 0);
  self->current = 0;
}

/* Where the match is, from the top of the page (not of the view: that moves only once the
 * page is laid out again), in pixels; FALSE before it is laid out. */
static gboolean
match_position (NimbusFindBar *self,
                const Match   *match,
                double        *y,
                double        *height)
{
  GtkWidget *page = self->scroller != NULL ? gtk_scrolled_window_get_child (self->scroller) : NULL;
  PangoRectangle pos;
  graphene_point_t point;
  int x_offset, y_offset;

  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (GTK_IS_VIEWPORT (page))
    page = gtk_viewport_get_child (GTK_VIEWPORT (page));
  if (page == NULL || gtk_widget_get_height (GTK_WIDGET (match->label)) == 0)
    return FALSE;

  pango_layout_index_to_pos (gtk_label_get_layout (match->label), match->start, &pos);
  gtk_label_get_layout_offsets (match->label, &x_offset, &y_offset);
  if (!gtk_widget_compute_point (GTK_WIDGET (match->label), page,
                                 &GRAPHENE_POINT_INIT (0, y_offset + pos.y / (double) PANGO_SCALE),
                                 &point))
    return FALSE;

  *y = point.y;
  *height = pos.height / (double) PANGO_SCALE;
  return TRUE;
}

static void
scroll_to_current (NimbusFindBar *self)
{
  GtkAdjustment *adjustment;
  double y, height, top, page;

  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (self->current >= self->matches->len ||
      !match_position (self, &g_array_index (self->matches, Match, self->current), &y, &height))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  top = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (y >= top && y + height <= top + page)
    return;
  /* A third of the way down, with what leads to it above. */
  gtk_adjustment_set_value (adjustment, y - page / 3);
}

static void
update_count (NimbusFindBar *self)
{
  guint n = self->matches->len;
  g_autofree char *count = NULL;

  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (self->query == NULL || *self->query == '\0')
    count = g_strdup ("");
  else if (n == 0)
    count = g_strdup (_("No matches"));
  else
    /* Translators: the match shown and how many the page has: "3 of 7" */
    count = g_strdup_printf (_("%u of %u"), self->current + 1, n);

  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_sensitive (self->previous_button, n > 0);
  gtk_widget_set_sensitive (self->next_button, n > 0);
  if (n == 0 && self->query != NULL && *self->query != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

/* The first match from the top of the view down, so that finding starts where the reader is. */
static guint
first_in_view (NimbusFindBar *self)
{
  g_assert (NIMBUS_IS_FIND_BAR (self));

  for (guint i = 0; i < self->matches->len; i++)
    {
      double y, height;

      if (match_position (self, &g_array_index (self->matches, Match, i), &y, &height) &&
          y >= gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller)))
        return i;
    }

  return 0;
}

static void
search (NimbusFindBar *self,
        gboolean       scroll)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert (NIMBUS_IS_FIND_BAR (self));

  clear_matches (self);
  g_free (self->query);
  self->query = g_utf8_casefold (text, -1);

  if (*self->query != '\0' && self->content != NULL)
    collect_labels (self->content, labels);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      guint before = self->matches->len;
      PangoAttrList *original;

      find_in_text (gtk_label_get_text (label), self->query, label, self->matches);
      if (self->matches->len == before)
        continue;
      original = gtk_label_get_attributes (label);
      g_ptr_array_add (self->labels, g_object_ref (label));
      g_ptr_array_add (self->originals, original != NULL ? pango_attr_list_ref (original) : NULL);
    }

  self->current = scroll ? first_in_view (self) : 0;
  for (guint i = 0; i < self->labels->len; i++)
    highlight_label (self, i);
  if (scroll)
    scroll_to_current (self);
  update_count (self);
}

static void
on_entry_search_changed_cb (NimbusFindBar *self)
{
  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (gtk_search_bar_get_search_mode (self->search_bar))
    search (self, TRUE);
}

/* Goes to the next match (step 1) or the previous (-1), round from the last to the first;
 * FALSE when there is none. */
gboolean
nimbus_find_bar_step (NimbusFindBar *self,
                      int            step)
{
  GtkLabel *was;
  guint n;

  g_return_val_if_fail (NIMBUS_IS_FIND_BAR (self), FALSE);

  if ((n = self->matches->len) == 0)
    return FALSE;

  was = g_array_index (self->matches, Match, self->current).label;
  self->current = (self->current + n + (step < 0 ? n - 1 : 1)) % n;
  highlight_label_of (self, was);
  highlight_label_of (self, g_array_index (self->matches, Match, self->current).label);
  scroll_to_current (self);
  update_count (self);

  return TRUE;
}

static gboolean
is_searched (NimbusFindBar *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                                             -1);

  g_assert (NIMBUS_IS_FIND_BAR (self));

  return g_strcmp0 (folded, self->query) == 0;
}

/* Enter before the search has caught up with the typing finds what is typed; after, it goes
 * on to the next match. */
static void
on_entry_activate_cb (NimbusFindBar *self)
{
  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (!is_searched (self))
    search (self, TRUE);
  else
    nimbus_find_bar_step (self, 1);
}

static void
on_entry_next_match_cb (NimbusFindBar *self)
{
  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (!is_searched (self))
    search (self, TRUE);
  nimbus_find_bar_step (self, 1);
}

static void
on_entry_previous_match_cb (NimbusFindBar *self)
{
  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (!is_searched (self))
    search (self, TRUE);
  nimbus_find_bar_step (self, -1);
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         NimbusFindBar         *self)
{
  g_assert (NIMBUS_IS_FIND_BAR (self));

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_MODIFIER_MASK) == GDK_SHIFT_MASK)
    {
      on_entry_previous_match_cb (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* Closed, the page reads as before and the keyboard goes back where it was. */
static void
on_search_bar_search_mode_enabled_cb (NimbusFindBar *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_assert (NIMBUS_IS_FIND_BAR (self));

  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  clear_matches (self);
  g_clear_pointer (&self->query, g_free);
  update_count (self);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  if (self->return_focus != NULL && gtk_widget_get_root (self->return_focus) == root &&
      gtk_widget_get_mapped (self->return_focus) && gtk_widget_grab_focus (self->return_focus))
    return;
  if (root != NULL)
    gtk_root_set_focus (root, NULL);
}

/* What to search, and what scrolls it. */
void
nimbus_find_bar_set_content (NimbusFindBar     *self,
                             GtkWidget         *content,
                             GtkScrolledWindow *scroller)
{
  g_return_if_fail (NIMBUS_IS_FIND_BAR (self));

  g_set_weak_pointer (&self->content, content);
  g_set_weak_pointer (&self->scroller, scroller);
}

/* Shows the bar with the keyboard in it, its text selected to type over, and finds that text
 * again. */
void
nimbus_find_bar_open (NimbusFindBar *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (NIMBUS_IS_FIND_BAR (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    g_set_weak_pointer (&self->return_focus, focus);
  else if (!gtk_search_bar_get_search_mode (self->search_bar))
    g_clear_weak_pointer (&self->return_focus);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  search (self, TRUE);
}

void
nimbus_find_bar_close (NimbusFindBar *self)
{
  g_return_if_fail (NIMBUS_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

gboolean
nimbus_find_bar_is_open (NimbusFindBar *self)
{
  g_return_val_if_fail (NIMBUS_IS_FIND_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

/* The page shows something new: find the text in that, from its top. */
void
nimbus_find_bar_refresh (NimbusFindBar *self)
{
  g_return_if_fail (NIMBUS_IS_FIND_BAR (self));

  if (gtk_search_bar_get_search_mode (self->search_bar))
    search (self, FALSE);
  else
    clear_matches (self);
}

guint
nimbus_find_bar_get_n_matches (NimbusFindBar *self)
{
  g_return_val_if_fail (NIMBUS_IS_FIND_BAR (self), 0);

  return self->matches->len;
}

/* The match shown, from 0; meaningless when there are none. */
guint
nimbus_find_bar_get_current (NimbusFindBar *self)
{
  g_return_val_if_fail (NIMBUS_IS_FIND_BAR (self), 0);

  return self->current;
}

/* The label that holds the match shown, NULL when there is none. */
GtkLabel *
nimbus_find_bar_get_current_label (NimbusFindBar *self)
{
  g_return_val_if_fail (NIMBUS_IS_FIND_BAR (self), NULL);

  if (self->current >= self->matches->len)
    return NULL;
  return g_array_index (self->matches, Match, self->current).label;
}

static void
nimbus_find_bar_dispose (GObject *object)
{
  NimbusFindBar *self = NIMBUS_FIND_BAR (object);

  if (self->labels != NULL)
    clear_matches (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_FIND_BAR);
  g_clear_weak_pointer (&self->content);
  g_clear_weak_pointer (&self->scroller);
  g_clear_weak_pointer (&self->return_focus);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->originals, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (nimbus_find_bar_parent_class)->dispose (object);
}

static void
nimbus_find_bar_class_init (NimbusFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_find_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/nimbus-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, NimbusFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, NimbusFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusFindBar, previous_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusFindBar, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_search_mode_enabled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_previous_match_cb);
  gtk_widget_class_set_css_name (widget_class, "find-bar");
}

static void
nimbus_find_bar_init (NimbusFindBar *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->originals = g_ptr_array_new_with_free_func (attr_list_unref0);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);
  update_count (self);
}

GtkWidget *
nimbus_find_bar_new (void)
{
  return g_object_new (NIMBUS_TYPE_FIND_BAR, NULL);
}
