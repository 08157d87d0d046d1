/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-kb-reader.h"

G_BEGIN_DECLS

typedef struct
{
  char *text;
  gboolean correct;
  char *why;
} NimbusKbOption;

typedef struct
{
  char *exam_id;
  guint domain;
  NimbusKbPos pos;
} NimbusKbQuestionExam;

/* One practice question as read from questions/SERVICE.json, with where its parts were so
 * that the checks across files can say where a problem is. */
typedef struct
{
  char *id;            /* "sqs/q/duplicates-after-slow-processing" */
  char *service_id;
  guint position;      /* in its file */
  char *stem;
  guint choose;
  GPtrArray *options;  /* NimbusKbOption */
  GArray *exams;       /* NimbusKbQuestionExam */
  GStrv sections;      /* full section ids */
  GArray *section_pos; /* NimbusKbPos of each section */
  GStrv key_terms;
  GArray *key_term_pos;
  char *filename;
  NimbusKbPos pos;     /* of the question object */
  NimbusKbPos stem_pos;
  NimbusKbPos service_pos;
} NimbusKbQuestion;

void       nimbus_kb_question_free    (NimbusKbQuestion *question);

void       nimbus_kb_questions_read   (GPtrArray        *questions,
                                       GPtrArray        *errors,
                                       const char       *filename,
                                       const char       *data,
                                       gsize             length);

void       nimbus_kb_questions_check  (GPtrArray        *questions,
                                       GPtrArray        *errors,
                                       GPtrArray        *exams,
                                       GPtrArray        *entries);

G_END_DECLS
