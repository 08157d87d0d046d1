/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kb.h"
#include "nimbus-practice-setup.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_PRACTICE_PAGE (nimbus_practice_page_get_type ())

G_DECLARE_FINAL_TYPE (NimbusPracticePage, nimbus_practice_page, NIMBUS, PRACTICE_PAGE, GtkWidget)

void     nimbus_practice_page_set_sources      (NimbusPracticePage *self,
                                                NimbusKb           *kb,
                                                NimbusUserStore    *store);
void     nimbus_practice_page_set_exam         (NimbusPracticePage *self,
                                                const char         *exam_id);
void     nimbus_practice_page_show_setup       (NimbusPracticePage *self);
gboolean nimbus_practice_page_start            (NimbusPracticePage *self);
gboolean nimbus_practice_page_is_running       (NimbusPracticePage *self);
NimbusQuestion *nimbus_practice_page_get_question  (NimbusPracticePage *self);
GListModel     *nimbus_practice_page_get_questions (NimbusPracticePage *self);
gint64   nimbus_practice_page_get_seconds_left (NimbusPracticePage *self);
gboolean nimbus_practice_page_get_paused       (NimbusPracticePage *self);
void     nimbus_practice_page_set_paused       (NimbusPracticePage *self,
                                                gboolean            paused);

G_END_DECLS
