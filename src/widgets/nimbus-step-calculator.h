/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-calculator.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_STEP_CALCULATOR (nimbus_step_calculator_get_type ())

G_DECLARE_DERIVABLE_TYPE (NimbusStepCalculator, nimbus_step_calculator, NIMBUS, STEP_CALCULATOR,
                          NimbusCalculator)

struct _NimbusStepCalculatorClass
{
  NimbusCalculatorClass parent_class;

  /* What step POSITION (from 1) shows; with 0, how to begin. */
  const char *(*describe_step) (NimbusStepCalculator *self,
                                guint                 position);
};

gboolean    nimbus_step_calculator_step          (NimbusStepCalculator *self);
const char *nimbus_step_calculator_get_step_text (NimbusStepCalculator *self);

G_END_DECLS
