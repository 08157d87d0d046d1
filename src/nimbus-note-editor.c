/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-note-editor.h"

/* The editor of the note on one section or tip, in a popover from its note button: Save
 * (or Ctrl+Enter) keeps it, Delete removes it, Escape leaves it as it was. A note that
 * cannot be saved stays in the editor with the reason under it. */
struct _NimbusNoteEditor
{
  GtkPopover parent_instance;

  GtkTextView *text_view;
  GtkLabel *limit_label;
  GtkLabel *error_label;
  GtkButton *delete_button;
  GtkButton *save_button;

  NimbusUserStore *store;
  char *id;
};

G_DEFINE_FINAL_TYPE (NimbusNoteEditor, nimbus_note_editor, GTK_TYPE_POPOVER)

static char *
dup_text (NimbusNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (NimbusNoteEditor *self,
            const char       *message)
{
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
                            length <= NIMBUS_STORE_NOTE_MAX_CHARS &&
                            self->store != NULL && nimbus_user_store_is_writable (self->store));
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
on_show_cb (NimbusNoteEditor *self)
{
  g_autofree char *note = self->store != NULL ? nimbus_user_store_get_note (self->store, self->id)
                                              : NULL;
  gboolean writable = self->store != NULL && nimbus_user_store_is_writable (self->store);

  nimbus_note_editor_set_text (self, note);
  show_error (self, writable ? NULL
                             : self->store != NULL && nimbus_user_store_get_problem (self->store)
                               ? nimbus_user_store_get_problem (self->store)
                               : _("Notes cannot be saved"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), note != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), writable);
  gtk_text_view_set_editable (self->text_view, writable);
}

/* Saves the text as the note (blank text deletes it); FALSE, with the reason shown, when it
 * could not be saved. */
gboolean
nimbus_note_editor_save (NimbusNoteEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NIMBUS_IS_NOTE_EDITOR (self), FALSE);

  text = dup_text (self);
  if (self->store == NULL)
    {
      show_error (self, _("Notes cannot be saved"));
      return FALSE;
    }
  if (!nimbus_user_store_set_note (self->store, self->id, text, &error))
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
  nimbus_note_editor_save (self);
}

static void
on_delete_button_clicked_cb (NimbusNoteEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!nimbus_user_store_clear_note (self->store, self->id, &error))
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

  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_NOTE_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (nimbus_note_editor_parent_class)->dispose (object);
}

static void
nimbus_note_editor_class_init (NimbusNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_note_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/nimbus-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, limit_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusNoteEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
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
nimbus_note_editor_new (NimbusUserStore *store,
                        const char      *id)
{
  NimbusNoteEditor *self = g_object_new (NIMBUS_TYPE_NOTE_EDITOR, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->id = g_strdup (id);
  on_buffer_changed_cb (self);

  return GTK_WIDGET (self);
}
