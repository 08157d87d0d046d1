/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-calc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <float.h>
#include <math.h>

#include "nimbus-calc.h"
#include "nimbus-capacity.h"

G_DEFINE_QUARK (nimbus-calc-error-quark, nimbus_calc_error)

/* Messages name the parameter as the command line spells it ("--write-mb"), so a student
 * who typed it finds it, and say what it takes. what is a plural unit ("MB per second"). */
gboolean
nimbus_calc_check_number (const char             *name,
                          double                  value,
                          double                  max,
                          NimbusCalcNumberFlags   flags,
                          const char             *what,
                          GError                **error)
{
  g_autofree char *max_text = nimbus_calc_format (max);
  g_autofree char *value_text = NULL;

  g_return_val_if_fail (name != NULL && what != NULL, FALSE);

  if (isnan (value))
    {
      nimbus_calc_set_missing (name, error);
      return FALSE;
    }

  value_text = isfinite (value) ? nimbus_calc_format (value) : g_strdup_printf ("%g", value);
  if (!isfinite (value) || ((flags & NIMBUS_CALC_NUMBER_WHOLE) && value != floor (value)))
    {
      g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
                   (flags & NIMBUS_CALC_NUMBER_WHOLE)
                     ? _("--%s takes a whole number of %s, not “%s”")
                                                     : _("--%s takes a number of %s, not “%s”"),
                   name, what, value_text);
      return FALSE;
    }

  if (value < 0 || (value == 0 && !(flags & NIMBUS_CALC_NUMBER_ZERO_OK)))
    {
      g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
                   (flags & NIMBUS_CALC_NUMBER_ZERO_OK) ? _("--%s takes 0 or more %s, not “%s”")
                                                        : _("--%s takes a number of %s above 0, "
                                                            "not “%s”"),
                   name, what, value_text);
      return FALSE;
    }

  if (value > max)
    {
      g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
                   _("--%s takes at most %s %s, not “%s”"), name, max_text, what, value_text);
      return FALSE;
    }

  return TRUE;
}

/* The whole text is a decimal number in the C locale: no hexadecimal, "inf", "nan" or
 * spaces (nimbus_capacity_parse_number ()), then checked as above. */
gboolean
nimbus_calc_parse_number (const char             *name,
                          const char             *text,
                          double                  max,
                          NimbusCalcNumberFlags   flags,
                          const char             *what,
                          double                 *value,
                          GError                **error)
{
  double number = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  if (!nimbus_capacity_parse_number (text, &number) || !isfinite (number))
    {
      g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
                   (flags & NIMBUS_CALC_NUMBER_WHOLE)
                     ? _("--%s takes a whole number of %s, not “%s”")
                                                     : _("--%s takes a number of %s, not “%s”"),
                   name, what, text != NULL ? text : "");
      return FALSE;
    }

  if (!nimbus_calc_check_number (name, number, max, flags, what, error))
    return FALSE;

  *value = number;
  return TRUE;
}

gboolean
nimbus_calc_parse_yes_no (const char  *name,
                          const char  *text,
                          gboolean    *value,
                          GError     **error)
{
  if (g_strcmp0 (text, "yes") == 0 || g_strcmp0 (text, "no") == 0)
    {
      *value = g_str_equal (text, "yes");
      return TRUE;
    }

  g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
               _("--%s takes yes or no, not “%s”"), name, text != NULL ? text : "");
  return FALSE;
}

void
nimbus_calc_set_unknown (const char  *calculator,
                         const char  *name,
                         GError     **error)
{
  g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_UNKNOWN,
               _("--%s does not go with --calc %s"), name, calculator);
}

void
nimbus_calc_set_missing (const char  *name,
                         GError     **error)
{
  g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID, _("--%s is needed"), name);
}

/* Rounding a need up is honest, but a quotient of decimals may land a few units in the
 * last place above a whole number (0.3 / 0.1), which says nothing about demand. */
double
nimbus_calc_ceil (double value)
{
  return ceil (value * (1.0 - 4.0 * DBL_EPSILON));
}

/* 10, 0.5, 1.25: no trailing zeros, at most three decimals, C locale. */
char *
nimbus_calc_format (double value)
{
  return nimbus_capacity_format_number (value);
}
