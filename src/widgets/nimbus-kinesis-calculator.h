/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kinesis-shards.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_KINESIS_CALCULATOR (nimbus_kinesis_calculator_get_type ())

G_DECLARE_FINAL_TYPE (NimbusKinesisCalculator, nimbus_kinesis_calculator, NIMBUS,
                      KINESIS_CALCULATOR,
                      GtkWidget)

/* Declared one by one: the type names are too long for aligned columns. */
GtkWidget *nimbus_kinesis_calculator_new (void);
gboolean nimbus_kinesis_calculator_set_input (NimbusKinesisCalculator *self,
                                              const NimbusKinesisShardsInput *input);
const char *nimbus_kinesis_calculator_get_result (NimbusKinesisCalculator *self);
const char *nimbus_kinesis_calculator_get_working (NimbusKinesisCalculator *self);
const char *nimbus_kinesis_calculator_get_problem (NimbusKinesisCalculator *self);

G_END_DECLS
