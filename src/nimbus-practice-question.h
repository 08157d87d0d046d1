/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kb.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_PRACTICE_QUESTION (nimbus_practice_question_get_type ())

G_DECLARE_FINAL_TYPE (NimbusPracticeQuestion, nimbus_practice_question, NIMBUS,
                      PRACTICE_QUESTION, GtkWidget)

/* Declared one by one: the type names are too long for aligned columns. */
void nimbus_practice_question_show (NimbusPracticeQuestion *self,
                                    NimbusKb               *kb,
                                    const char             *exam_id,
                                    const NimbusExam       *exam,
                                    NimbusQuestion         *question);
void nimbus_practice_question_pick (NimbusPracticeQuestion *self,
                                    guint                   option);
gboolean nimbus_practice_question_has_choice (NimbusPracticeQuestion *self);
GArray *nimbus_practice_question_dup_choice (NimbusPracticeQuestion *self);
void nimbus_practice_question_show_verdict (NimbusPracticeQuestion *self,
                                            gboolean                right);
GtkWidget *nimbus_practice_question_link_new (const char *text,
                                              const char *section_id);

G_END_DECLS
