/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-calculator.h"
#include "nimbus-ebs-iops.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_EBS_CALCULATOR (nimbus_ebs_calculator_get_type ())

G_DECLARE_FINAL_TYPE (NimbusEbsCalculator, nimbus_ebs_calculator, NIMBUS, EBS_CALCULATOR,
                      NimbusCalculator)

/* Declared one by one: the type names are too long for aligned columns. */
GtkWidget *nimbus_ebs_calculator_new (void);
gboolean nimbus_ebs_calculator_set_input (NimbusEbsCalculator *self,
                                          const NimbusEbsIopsInput *input);

G_END_DECLS
