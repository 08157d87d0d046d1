/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-calculator.h"
#include "nimbus-lambda-concurrency.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_LAMBDA_CALCULATOR (nimbus_lambda_calculator_get_type ())

G_DECLARE_FINAL_TYPE (NimbusLambdaCalculator, nimbus_lambda_calculator, NIMBUS, LAMBDA_CALCULATOR,
                      NimbusCalculator)

/* Declared one by one: the type names are too long for aligned columns. */
GtkWidget *nimbus_lambda_calculator_new (void);
gboolean nimbus_lambda_calculator_set_input (NimbusLambdaCalculator *self,
                                             const NimbusLambdaConcurrencyInput *input);

G_END_DECLS
