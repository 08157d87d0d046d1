/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_NOTE_VIEW (nimbus_note_view_get_type ())

G_DECLARE_FINAL_TYPE (NimbusNoteView, nimbus_note_view, NIMBUS, NOTE_VIEW, GtkWidget)

GtkWidget  *nimbus_note_view_new      (void);
void        nimbus_note_view_set_text (NimbusNoteView *self,
                                       const char     *text);
const char *nimbus_note_view_get_text (NimbusNoteView *self);

G_END_DECLS
