/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-question.h"

G_BEGIN_DECLS

/* Built by the knowledge base as it reads a question (nimbus-kb-practice.c). */
NimbusQuestion *nimbus_question_new          (const char     *id,
                                              const char     *service_id,
                                              const char     *stem,
                                              guint           choose);
void            nimbus_question_add_option   (NimbusQuestion *self,
                                              const char     *text,
                                              gboolean        correct,
                                              const char     *why);
void            nimbus_question_add_section  (NimbusQuestion *self,
                                              const char     *section_id);
void            nimbus_question_add_exam     (NimbusQuestion *self,
                                              const char     *exam_id,
                                              guint           domain);

G_END_DECLS
