/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the exam-maths calculator widgets share besides NimbusCalculator: numbers in spin
 * buttons (and entry rows) shown and read as the core writes them (with the locale's
 * decimal separator), and the style's colours for drawing. Plain functions, no type. */

void      nimbus_calc_form_setup_spin      (GtkSpinButton *spin,
                                            GtkWidget     *row);
double    nimbus_calc_form_editable_value  (GtkEditable   *editable);
double    nimbus_calc_form_spin_value      (GtkSpinButton *spin);
gboolean  nimbus_calc_form_set_value       (GtkSpinButton *spin,
                                            double         value);
void      nimbus_calc_form_color           (GtkWidget     *widget,
                                            GdkRGBA       *color);
void      nimbus_calc_form_set_source      (cairo_t       *cr,
                                            const GdkRGBA *color,
                                            double         alpha);

G_END_DECLS
