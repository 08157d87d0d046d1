/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-note-editor.h"
#include "nimbus-window.h"

/* The editor of the note on one section or tip, in a popover from its note button: Save
 * (or Ctrl+Enter) keeps it, Delete removes it, Escape leaves it as it was. A note that
 * cannot be saved stays in the editor with the reason under it.
 *
 * The notes are those of the window's user store, looked up each time they are read or
 * written, never kept: whatever the page holding the button was built with.
 *
 * A popover placed at a button outside the visible part of the page would point at nothing,
 * and GDK on X11 finds no monitor for it at all (a critical in gdk_monitor_get_geometry): the
 * editor opens only once its button is on the page and in view, scrolling the page to it
 * first, and it closes when the page is scrolled away from it. */
struct _NimbusNoteEditor
{
  GtkPopover parent_instance;

  GtkTextView *text_view;
  GtkLabel *limit_label;
  GtkLabel *error_label;
  GtkButton *delete_button;
  GtkButton *save_button;

  char *id;
  guint reveal_tick;        /* on the button, while it is being scrolled into view */
  gint64 reveal_deadline;
  GtkAdjustment *followed;  /* the page's, while the editor is open */
};

G_DEFINE_FINAL_TYPE (NimbusNoteEditor, nimbus_note_editor, GTK_TYPE_POPOVER)

/* Long enough for a long page to be laid out on a loaded machine. */
#define REVEAL_PATIENCE_USEC (5 * G_USEC_PER_SEC)
#define REVEAL_MARGIN 12

/* The window's store, or NULL outside a window. */
static NimbusUserStore *
current_store (NimbusNoteEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  return NIMBUS_IS_WINDOW (root) ? nimbus_window_get_store (NIMBUS_WINDOW (root)) : NULL;
}

static gboolean
store_is_writable (NimbusNoteEditor *self)
{
  NimbusUserStore *store = current_store (self);

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  return store != NULL && nimbus_user_store_is_writable (store);
}

static char *
dup_text (NimbusNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (NimbusNoteEditor *self,
            const char       *message)
{
  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The length said in words, and Save only for a note that fits. */
static void
on_buffer_changed_cb (NimbusNoteEditor *self)
{
  g_autofree char *text = dup_text (self);
  glong length = g_utf8_strlen (g_strstrip (text), -1);
  g_autofree char *limit = NULL;

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  if (length > NIMBUS_STORE_NOTE_MAX_CHARS)
    limit = g_strdup_printf (ngettext ("Too long: a note holds at most %d character; "
                                       "this one has %ld",
                                       "Too long: a note holds at most %d characters; "
                                       "this one has %ld", NIMBUS_STORE_NOTE_MAX_CHARS),
                             NIMBUS_STORE_NOTE_MAX_CHARS, length);
  else
    limit = g_strdup_printf (ngettext ("%ld of at most %d character",
                                       "%ld of at most %d characters",
                                       NIMBUS_STORE_NOTE_MAX_CHARS),
                             length, NIMBUS_STORE_NOTE_MAX_CHARS);
  gtk_label_set_text (self->limit_label, limit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            length <= NIMBUS_STORE_NOTE_MAX_CHARS && store_is_writable (self));
}

void
nimbus_note_editor_set_text (NimbusNoteEditor *self,
                             const char       *text)
{
  g_return_if_fail (NIMBUS_IS_NOTE_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "",
                            -1);
}

/* Each time it opens, the editor shows the note as it is saved. */
static void
load (NimbusNoteEditor *self)
{
  NimbusUserStore *store = current_store (self);
  g_autofree char *note = store != NULL ? nimbus_user_store_get_note (store, self->id) : NULL;
  gboolean writable = store_is_writable (self);

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  nimbus_note_editor_set_text (self, note);
  show_error (self, writable ? NULL
                             : store != NULL && nimbus_user_store_get_problem (store)
                               ? nimbus_user_store_get_problem (store)
                               : _("Notes cannot be saved"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), note != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), writable);
  gtk_text_view_set_editable (self->text_view, writable);
}

/* Opening where the button is */

/* The scrolled window the button is in, and the widget its content is laid out in. */
static GtkScrolledWindow *
scroller_of (GtkWidget  *button,
             GtkWidget **content)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child;

  if (scroller == NULL)
    return NULL;
  if ((child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL)
    return NULL;
  if (GTK_IS_VIEWPORT (child) && gtk_viewport_get_child (GTK_VIEWPORT (child)) != NULL)
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  *content = child;
  return GTK_SCROLLED_WINDOW (scroller);
}

/* How far to scroll the page to bring the button into view, 0 when it is in view: from where
 * the button is on the page and where the page is scrolled to, so right after a scroll too,
 * before the page is laid out again. */
static double
scroll_needed (GtkWidget *button)
{
  GtkWidget *content = NULL;
  GtkScrolledWindow *scroller = scroller_of (button, &content);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (scroller == NULL || !gtk_widget_compute_bounds (button, content, &bounds))
    return 0;

  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    return bounds.origin.y - REVEAL_MARGIN - value;
  if (bounds.origin.y + bounds.size.height > value + page)
    return MIN (bounds.origin.y + bounds.size.height + REVEAL_MARGIN - value - page,
                bounds.origin.y - REVEAL_MARGIN - value);
  return 0;
}

/* Whether the button is shown, in view, and laid out where it is in view: what the popover
 * is placed by. */
static gboolean
button_in_view (GtkWidget *button)
{
  GtkWidget *content = NULL;
  GtkScrolledWindow *scroller;
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (button) || gtk_widget_get_width (button) <= 0)
    return FALSE;
  if ((scroller = scroller_of (button, &content)) == NULL)
    return TRUE;

  return scroll_needed (button) == 0 &&
         gtk_widget_compute_bounds (button, GTK_WIDGET (scroller), &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (scroller)) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (scroller));
}

static void
stop_revealing (NimbusNoteEditor *self)
{
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (self));

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  if (self->reveal_tick != 0 && button != NULL)
    gtk_widget_remove_tick_callback (button, self->reveal_tick);
  self->reveal_tick = 0;
}

static void
scroll_to_button (GtkWidget *button)
{
  GtkWidget *content = NULL;
  GtkScrolledWindow *scroller = scroller_of (button, &content);
  double delta = scroll_needed (button);
  GtkAdjustment *adjustment;

  if (scroller == NULL || delta == 0)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
}

/* Opens the editor once its button is in view; gives up, as if it had been closed, when the
 * button never comes into view. */
static gboolean
reveal_tick_cb (GtkWidget     *button,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  NimbusNoteEditor *self = user_data;

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  if (button_in_view (button))
    {
      self->reveal_tick = 0;
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      return G_SOURCE_REMOVE;
    }
  if (gdk_frame_clock_get_frame_time (clock) > self->reveal_deadline)
    {
      self->reveal_tick = 0;
      g_signal_emit_by_name (self, "closed");
      return G_SOURCE_REMOVE;
    }

  scroll_to_button (button);
  return G_SOURCE_CONTINUE;
}

/* Scrolled away from its button, the editor closes rather than point off the page. */
static void
on_page_scrolled_cb (NimbusNoteEditor *self)
{
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (self));

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  if (button != NULL && scroll_needed (button) != 0)
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
stop_following (NimbusNoteEditor *self)
{
  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  if (self->followed != NULL)
    g_signal_handlers_disconnect_by_func (self->followed, on_page_scrolled_cb, self);
  g_clear_object (&self->followed);
}

static void
nimbus_note_editor_show (GtkWidget *widget)
{
  NimbusNoteEditor *self = NIMBUS_NOTE_EDITOR (widget);
  GtkWidget *button = gtk_widget_get_parent (widget);
  GtkWidget *content = NULL;
  GtkScrolledWindow *scroller;

  if (button != NULL && !button_in_view (button))
    {
      if (self->reveal_tick == 0)
        self->reveal_tick = gtk_widget_add_tick_callback (button, reveal_tick_cb, self, NULL);
      self->reveal_deadline = g_get_monotonic_time () + REVEAL_PATIENCE_USEC;
      scroll_to_button (button);
      return;
    }

  stop_revealing (self);
  load (self);
  GTK_WIDGET_CLASS (nimbus_note_editor_parent_class)->show (widget);

  stop_following (self);
  if (button != NULL && (scroller = scroller_of (button, &content)) != NULL)
    {
      self->followed = g_object_ref (gtk_scrolled_window_get_vadjustment (scroller));
      g_signal_connect_swapped (self->followed, "value-changed",
                                G_CALLBACK (on_page_scrolled_cb), self);
    }
}

static void
nimbus_note_editor_hide (GtkWidget *widget)
{
  NimbusNoteEditor *self = NIMBUS_NOTE_EDITOR (widget);

  stop_following (self);
  GTK_WIDGET_CLASS (nimbus_note_editor_parent_class)->hide (widget);
}

/* Saves the text as the note (blank text deletes it); FALSE, with the reason shown, when it
 * could not be saved. */
gboolean
nimbus_note_editor_save (NimbusNoteEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  NimbusUserStore *store;

  g_return_val_if_fail (NIMBUS_IS_NOTE_EDITOR (self), FALSE);

  text = dup_text (self);
  store = current_store (self);
  if (store == NULL)
    {
      show_error (self, _("Notes cannot be saved"));
      return FALSE;
    }
  if (!nimbus_user_store_set_note (store, self->id, text, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
on_save_button_clicked_cb (NimbusNoteEditor *self)
{
  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  nimbus_note_editor_save (self);
}

static void
on_delete_button_clicked_cb (NimbusNoteEditor *self)
{
  NimbusUserStore *store = current_store (self);
  g_autoptr(GError) error = NULL;

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  if (store == NULL)
    {
      show_error (self, _("Notes cannot be saved"));
      return;
    }
  if (!nimbus_user_store_clear_note (store, self->id, &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  NimbusNoteEditor *self = user_data;

  g_assert (NIMBUS_IS_NOTE_EDITOR (self));

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    nimbus_note_editor_save (self);
  return TRUE;
}

const char *
nimbus_note_editor_get_id (NimbusNoteEditor *self)
{
  g_return_val_if_fail (NIMBUS_IS_NOTE_EDITOR (self), NULL);

  return self->id;
}

static void
nimbus_note_editor_dispose (GObject *object)
{
  NimbusNoteEditor *self = NIMBUS_NOTE_EDITOR (object);

  stop_revealing (self);
  stop_following (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_NOTE_EDITOR);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (nimbus_note_editor_parent_class)->dispose (object);
}

static void
nimbus_note_editor_class_init (NimbusNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_note_editor_dispose;
  widget_class->show = nimbus_note_editor_show;
  widget_class->hide = nimbus_note_editor_hide;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, limit_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_button_clicked_cb);
}

static void
nimbus_note_editor_init (NimbusNoteEditor *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutAction *save;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_buffer_changed_cb), self);

  /* Ahead of the text view, which would take Ctrl+Enter as a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  save = gtk_callback_action_new (save_shortcut_cb, self, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return,
                                                                                  GDK_CONTROL_MASK),
                                                          g_object_ref (save)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter,
                                                                                  GDK_CONTROL_MASK),
                                                          save));
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), shortcuts);
}

GtkWidget *
nimbus_note_editor_new (const char *id)
{
  NimbusNoteEditor *self = g_object_new (NIMBUS_TYPE_NOTE_EDITOR, NULL);

  self->id = g_strdup (id);
  on_buffer_changed_cb (self);

  return GTK_WIDGET (self);
}
