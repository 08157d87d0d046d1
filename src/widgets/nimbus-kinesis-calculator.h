/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-calculator.h"
#include "nimbus-kinesis-shards.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_KINESIS_CALCULATOR (nimbus_kinesis_calculator_get_type ())

G_DECLARE_FINAL_TYPE (NimbusKinesisCalculator, nimbus_kinesis_calculator, NIMBUS,
                      KINESIS_CALCULATOR, NimbusCalculator)

/* Declared one by one: the type names are too long for aligned columns. */
GtkWidget *nimbus_kinesis_calculator_new (void);
gboolean nimbus_kinesis_calculator_set_input (NimbusKinesisCalculator *self,
                                              const NimbusKinesisShardsInput *input);

G_END_DECLS
