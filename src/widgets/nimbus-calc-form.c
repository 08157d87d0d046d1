/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-calc-form"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "nimbus-calc.h"
#include "nimbus-capacity.h"
#include "nimbus-calc-form.h"

/* The core's notation with the locale's decimal separator: 0.5 is "0,5" in German. */
static char *
dup_local_number (double value)
{
  g_autofree char *text = nimbus_calc_format (value);
  const char *radix = localeconv ()->decimal_point;
  g_auto(GStrv) parts = NULL;

  if (radix == NULL || *radix == '\0' || strcmp (radix, ".") == 0)
    return g_steal_pointer (&text);

  parts = g_strsplit (text, ".", -1);
  return g_strjoinv (radix, parts);
}

/* Without trailing zeros ("0.5", "200"), however many digits the button keeps. */
static gboolean
on_spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = dup_local_number (gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The spin button shows numbers as the core does and is named by the row it sits in, whose
 * title is its visible label. */
void
nimbus_calc_form_setup_spin (GtkSpinButton *spin,
                             GtkWidget     *row)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);
  on_spin_output_cb (spin);
  if (row != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    row, NULL, -1);
}

/* A number as typed: the core's notation (3.5), or the same with the locale's decimal
 * separator (3,5 in German); NAN for text that is not a number (the core names it). */
double
nimbus_calc_form_editable_value (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);
  const char *radix = localeconv ()->decimal_point;
  g_autofree char *c_text = NULL;
  double value;

  if (radix != NULL && *radix != '\0' && strcmp (radix, ".") != 0)
    {
      g_auto(GStrv) parts = g_strsplit (text, radix, -1);

      c_text = g_strjoinv (".", parts);
    }

  if (!nimbus_capacity_parse_number (c_text != NULL ? c_text : text, &value))
    return NAN;

  return value;
}

/* The value as typed so far, before the button takes it on Enter or leaving it, so that
 * the result follows each key. */
double
nimbus_calc_form_spin_value (GtkSpinButton *spin)
{
  return nimbus_calc_form_editable_value (GTK_EDITABLE (spin));
}

/* TRUE when the button holds exactly this value (within its range and digits). */
gboolean
nimbus_calc_form_set_value (GtkSpinButton *spin,
                            double         value)
{
  gtk_spin_button_set_value (spin, value);
  on_spin_output_cb (spin);
  return gtk_spin_button_get_value (spin) == value &&
         nimbus_calc_form_spin_value (spin) == value;
}

/* The CSS colour of a widget: its text, or that of a hidden swatch styled "accent",
 * "success", "warning" or "error", so that dark and high-contrast styles follow. */
void
nimbus_calc_form_color (GtkWidget *widget,
                        GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

void
nimbus_calc_form_set_source (cairo_t       *cr,
                             const GdkRGBA *color,
                             double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}
