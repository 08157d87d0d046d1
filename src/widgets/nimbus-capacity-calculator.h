/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-calculator.h"
#include "nimbus-capacity.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_CAPACITY_CALCULATOR (nimbus_capacity_calculator_get_type ())

G_DECLARE_FINAL_TYPE (NimbusCapacityCalculator, nimbus_capacity_calculator, NIMBUS,
                      CAPACITY_CALCULATOR, NimbusCalculator)

GtkWidget  *nimbus_capacity_calculator_new         (void);
void        nimbus_capacity_calculator_set_input   (NimbusCapacityCalculator *self,
                                                    NimbusCapacityOp          op,
                                                    NimbusConsistency         consistency,
                                                    const char               *item_size_kb,
                                                    const char               *rate);

G_END_DECLS
