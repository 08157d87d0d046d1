/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-calculator.h"

G_BEGIN_DECLS

/* For the calculators themselves: each has its own template, which holds the result,
 * problem and working labels this class keeps. */

void       nimbus_calculator_class_set_template (GtkWidgetClass   *widget_class,
                                                 const char       *name);
void       nimbus_calculator_init_template      (NimbusCalculator *self);
void       nimbus_calculator_setup_spins        (NimbusCalculator *self);
void       nimbus_calculator_show               (NimbusCalculator *self,
                                                 const char       *result,
                                                 const char       *working,
                                                 const GError     *error);
GtkWidget *nimbus_calculator_get_result_label   (NimbusCalculator *self);

G_END_DECLS
