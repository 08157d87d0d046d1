/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_NOTE_EDITOR (nimbus_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (NimbusNoteEditor, nimbus_note_editor, NIMBUS, NOTE_EDITOR, GtkPopover)

GtkWidget  *nimbus_note_editor_new      (const char       *id);
const char *nimbus_note_editor_get_id   (NimbusNoteEditor *self);
void        nimbus_note_editor_set_text (NimbusNoteEditor *self,
                                         const char       *text);
gboolean    nimbus_note_editor_save     (NimbusNoteEditor *self);

G_END_DECLS
