/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-step-calculator.h"
#include "nimbus-sqs-visibility.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_SQS_TIMELINE (nimbus_sqs_timeline_get_type ())

G_DECLARE_FINAL_TYPE (NimbusSqsTimeline, nimbus_sqs_timeline, NIMBUS, SQS_TIMELINE,
                      NimbusStepCalculator)

/* Declared one by one: the type names are too long for aligned columns. */
GtkWidget *nimbus_sqs_timeline_new (void);
gboolean nimbus_sqs_timeline_set_input (NimbusSqsTimeline *self,
                                        const NimbusSqsVisibilityInput *input);

G_END_DECLS
