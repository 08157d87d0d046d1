/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-calculator-private.h"
#include "nimbus-step-calculator.h"

G_BEGIN_DECLS

/* For the stepwise calculators themselves: their template also holds the drawing area, the
 * step's label, the Play button and the colour swatches this class keeps. */

typedef enum
{
  NIMBUS_STEP_COLOR_FOREGROUND,
  NIMBUS_STEP_COLOR_ACCENT,
  NIMBUS_STEP_COLOR_SUCCESS,
  NIMBUS_STEP_COLOR_WARNING,
  NIMBUS_STEP_COLOR_ERROR,
} NimbusStepColor;

void            nimbus_step_calculator_class_set_template (GtkWidgetClass       *widget_class,
                                                           const char           *name);
void            nimbus_step_calculator_init_template      (NimbusStepCalculator *self);
void            nimbus_step_calculator_set_n_steps        (NimbusStepCalculator *self,
                                                           guint                 n_steps);
guint           nimbus_step_calculator_get_position       (NimbusStepCalculator *self);
GtkDrawingArea *nimbus_step_calculator_get_area           (NimbusStepCalculator *self);
void            nimbus_step_calculator_get_color          (NimbusStepCalculator *self,
                                                           NimbusStepColor       color,
                                                           GdkRGBA              *rgba);

G_END_DECLS
