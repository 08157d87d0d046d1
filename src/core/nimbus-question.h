/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_QUESTION (nimbus_question_get_type ())

G_DECLARE_FINAL_TYPE (NimbusQuestion, nimbus_question, NIMBUS, QUESTION, GObject)

/* One practice question of the knowledge base, immutable. Its id (sqs/q/SLUG) is stable:
 * the user store keeps answers by it. Options are numbered from 0 in the order shown. */
const char         *nimbus_question_get_id            (NimbusQuestion *self);
const char         *nimbus_question_get_service_id    (NimbusQuestion *self);
const char         *nimbus_question_get_stem          (NimbusQuestion *self);
guint               nimbus_question_get_choose        (NimbusQuestion *self);
guint               nimbus_question_get_n_options     (NimbusQuestion *self);
const char         *nimbus_question_get_option_text   (NimbusQuestion *self,
                                                       guint           option);
gboolean            nimbus_question_get_option_correct (NimbusQuestion *self,
                                                        guint           option);
const char         *nimbus_question_get_option_why    (NimbusQuestion *self,
                                                       guint           option);
const char * const *nimbus_question_get_section_ids   (NimbusQuestion *self);
const char * const *nimbus_question_get_exam_ids      (NimbusQuestion *self);
guint               nimbus_question_get_domain        (NimbusQuestion *self,
                                                       const char     *exam_id);
gboolean            nimbus_question_check_answer      (NimbusQuestion *self,
                                                       const guint    *chosen,
                                                       gsize           n_chosen);

G_END_DECLS
