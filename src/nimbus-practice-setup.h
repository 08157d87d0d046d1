/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kb.h"

G_BEGIN_DECLS

/* A mock exam: as many questions and minutes as the real one. */
#define NIMBUS_PRACTICE_MOCK_QUESTIONS 65
#define NIMBUS_PRACTICE_MOCK_MINUTES 130

#define NIMBUS_TYPE_PRACTICE_SETUP (nimbus_practice_setup_get_type ())

G_DECLARE_FINAL_TYPE (NimbusPracticeSetup, nimbus_practice_setup, NIMBUS, PRACTICE_SETUP,
                      GtkWidget)

/* Declared one by one: the type names are too long for aligned columns. */
void nimbus_practice_setup_set_kb (NimbusPracticeSetup *self,
                                   NimbusKb            *kb);
void nimbus_practice_setup_set_exam (NimbusPracticeSetup *self,
                                     const char          *exam_id);
void nimbus_practice_setup_update (NimbusPracticeSetup *self);
guint nimbus_practice_setup_get_n_available (NimbusPracticeSetup *self);
const NimbusExam *nimbus_practice_setup_get_exam (NimbusPracticeSetup *self);
const NimbusExam *nimbus_practice_setup_find_exam (NimbusPracticeSetup *self,
                                                   const char          *exam_id);
GListModel *nimbus_practice_setup_pick_questions (NimbusPracticeSetup  *self,
                                                  gboolean             *mock,
                                                  GError              **error);

G_END_DECLS
