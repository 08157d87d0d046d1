/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_CALCULATOR (nimbus_calculator_get_type ())

G_DECLARE_DERIVABLE_TYPE (NimbusCalculator, nimbus_calculator, NIMBUS, CALCULATOR, GtkWidget)

struct _NimbusCalculatorClass
{
  GtkWidgetClass parent_class;
};

const char *nimbus_calculator_get_result  (NimbusCalculator *self);
const char *nimbus_calculator_get_working (NimbusCalculator *self);
const char *nimbus_calculator_get_problem (NimbusCalculator *self);

G_END_DECLS
