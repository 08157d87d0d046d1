/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kb.h"

G_BEGIN_DECLS

/* How a question of a practice went. */
typedef enum
{
  NIMBUS_PRACTICE_UNANSWERED,
  NIMBUS_PRACTICE_RIGHT,
  NIMBUS_PRACTICE_WRONG,
} NimbusPracticeOutcome;

#define NIMBUS_TYPE_PRACTICE_RESULTS (nimbus_practice_results_get_type ())

G_DECLARE_FINAL_TYPE (NimbusPracticeResults, nimbus_practice_results, NIMBUS, PRACTICE_RESULTS,
                      GtkWidget)

void nimbus_practice_results_set_session (NimbusPracticeResults *self,
                                          NimbusKb              *kb,
                                          const NimbusExam      *exam,
                                          GListModel            *questions,
                                          const guint8          *outcomes);

G_END_DECLS
