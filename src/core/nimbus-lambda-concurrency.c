/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-lambda-concurrency"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nimbus-lambda-concurrency.h"

/* Lambda concurrency, the exam arithmetic: concurrency = requests per second x average
 * duration in seconds, rounded up to whole execution environments. A function may use its
 * reserved concurrency if it has one, else the account's pool (1,000 per Region by
 * default); reservations must leave 100 unreserved. Above that, requests are throttled.
 * Each function adds at most 1,000 environments every 10 seconds (since November 2023);
 * the first 1,000 come at once, and provisioned environments are ready in advance. */

static const NimbusCalcParam params[] = {
  { "rate", N_("requests per second"), NULL, TRUE },
  { "duration", N_("average duration of a request in seconds"), NULL, TRUE },
  { "account-limit", N_("the account's concurrent executions per Region"), "1000", FALSE },
  { "reserved", N_("the function's reserved concurrency"), NULL, FALSE },
  { "provisioned", N_("the function's provisioned concurrency"), NULL, FALSE },
};

const NimbusCalcParam *
nimbus_lambda_concurrency_params (guint *n_params)
{
  *n_params = G_N_ELEMENTS (params);
  return params;
}

void
nimbus_lambda_concurrency_input_init (NimbusLambdaConcurrencyInput *input)
{
  input->rate = NAN;
  input->duration = NAN;
  input->account_limit = NIMBUS_LAMBDA_ACCOUNT_CONCURRENCY;
  input->reserved = NAN;
  input->provisioned = NAN;
}

gboolean
nimbus_lambda_concurrency_parse (NimbusLambdaConcurrencyInput  *input,
                                 const char                    *name,
                                 const char                    *text,
                                 GError                       **error)
{
  g_return_val_if_fail (input != NULL && name != NULL, FALSE);

  if (g_str_equal (name, "rate"))
    return nimbus_calc_parse_number (name, text, NIMBUS_LAMBDA_MAX_RATE, 0,
                                     _("requests per second"), &input->rate, error);
  if (g_str_equal (name, "duration"))
    return nimbus_calc_parse_number (name, text, NIMBUS_LAMBDA_MAX_DURATION, 0, _("seconds"),
                                     &input->duration, error);
  if (g_str_equal (name, "account-limit"))
    return nimbus_calc_parse_number (name, text, NIMBUS_LAMBDA_MAX_ACCOUNT_LIMIT,
                                     NIMBUS_CALC_NUMBER_WHOLE, _("concurrent executions"),
                                     &input->account_limit, error);
  if (g_str_equal (name, "reserved") || g_str_equal (name, "provisioned"))
    return nimbus_calc_parse_number (name, text, NIMBUS_LAMBDA_MAX_ACCOUNT_LIMIT,
                                     NIMBUS_CALC_NUMBER_WHOLE | NIMBUS_CALC_NUMBER_ZERO_OK,
                                     _("concurrent executions"),
                                     g_str_equal (name, "reserved") ? &input->reserved
                                                                    : &input->provisioned,
                                     error);

  nimbus_calc_set_unknown ("lambda-concurrency", name, error);
  return FALSE;
}

static gboolean
check_optional (const char  *name,
                double       value,
                GError     **error)
{
  return isnan (value) ||
         nimbus_calc_check_number (name, value, NIMBUS_LAMBDA_MAX_ACCOUNT_LIMIT,
                                   NIMBUS_CALC_NUMBER_WHOLE | NIMBUS_CALC_NUMBER_ZERO_OK,
                                   _("concurrent executions"), error);
}

/* Reservations leave 100 unreserved; provisioned concurrency comes out of the reserved
 * share when there is one, else out of the same pool. */
static gboolean
check_input (const NimbusLambdaConcurrencyInput  *in,
             GError                             **error)
{
  double most = in->account_limit - NIMBUS_LAMBDA_UNRESERVED_MINIMUM;

  if (!nimbus_calc_check_number ("rate", in->rate, NIMBUS_LAMBDA_MAX_RATE, 0,
                                 _("requests per second"), error) ||
      !nimbus_calc_check_number ("duration", in->duration, NIMBUS_LAMBDA_MAX_DURATION, 0,
                                 _("seconds"), error) ||
      !nimbus_calc_check_number ("account-limit", in->account_limit,
                                 NIMBUS_LAMBDA_MAX_ACCOUNT_LIMIT, NIMBUS_CALC_NUMBER_WHOLE,
                                 _("concurrent executions"), error) ||
      !check_optional ("reserved", in->reserved, error) ||
      !check_optional ("provisioned", in->provisioned, error))
    return FALSE;

  if (in->reserved > most || in->provisioned > most)
    {
      g_autofree char *account = nimbus_calc_format (in->account_limit);
      g_autofree char *most_text = nimbus_calc_format (MAX (most, 0));

      g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
                   _("--%s must leave %d of the account’s %s concurrent executions unreserved, so "
                     "at most %s"),
                   in->reserved > most ? "reserved" : "provisioned",
                   NIMBUS_LAMBDA_UNRESERVED_MINIMUM, account, most_text);
      return FALSE;
    }

  if (in->provisioned > in->reserved)
    {
      g_autofree char *reserved = nimbus_calc_format (in->reserved);

      g_set_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID,
                   _("--provisioned cannot exceed the function’s reserved concurrency (%s)"),
                   reserved);
      return FALSE;
    }

  return TRUE;
}

/* The first 1,000 environments at once, then 1,000 more every 10 seconds. */
static guint64
scaling_seconds (guint64 environments)
{
  if (environments == 0)
    return 0;

  return (environments - 1) / NIMBUS_LAMBDA_SCALING_STEP * NIMBUS_LAMBDA_SCALING_SECONDS;
}

static char *
dup_limit_line (const NimbusLambdaConcurrency *r)
{
  g_autofree char *account = nimbus_calc_format (r->input.account_limit);
  g_autofree char *most = nimbus_calc_format (r->input.account_limit -
                                              NIMBUS_LAMBDA_UNRESERVED_MINIMUM);
  g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, r->limit);

  if (!isnan (r->input.reserved))
    return g_strdup_printf (_("Limit: the function’s reserved concurrency, %s (at most %s of the "
                              "account’s %s, which keeps %d unreserved)"),
                            limit, most, account, NIMBUS_LAMBDA_UNRESERVED_MINIMUM);

  return g_strdup_printf (_("Limit: the account’s %s concurrent executions per Region, shared by "
                            "its functions without reserved concurrency"),
                          limit);
}

static char *
dup_outcome_line (const NimbusLambdaConcurrency *r)
{
  g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, r->limit);
  g_autofree char *needed = g_strdup_printf ("%" G_GUINT64_FORMAT, r->needed);
  g_autofree char *refused = NULL;

  if (!r->throttled)
    {
      g_autofree char *headroom = g_strdup_printf ("%" G_GINT64_FORMAT, r->headroom);

      return g_strdup_printf (_("Headroom: %s - %s = %s concurrent executions to spare: no "
                                "throttling"),
                              limit, needed, headroom);
    }

  refused = nimbus_calc_format (r->throttled_rate);
  return g_strdup_printf (_("Throttled: %s needed > %s available, about %s requests per second "
                            "refused: synchronous callers get 429 TooManyRequestsException, "
                            "asynchronous events stay in Lambda’s queue and are retried"),
                          needed, limit, refused);
}

static char *
dup_working (const NimbusLambdaConcurrency *r)
{
  g_autofree char *rate = nimbus_calc_format (r->input.rate);
  g_autofree char *duration = nimbus_calc_format (r->input.duration);
  g_autofree char *exact = nimbus_calc_format (r->needed_exact);
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, r->needed);
  g_autofree char *needed = NULL;
  g_autofree char *limit = dup_limit_line (r);
  g_autofree char *outcome = dup_outcome_line (r);
  g_autofree char *provisioned = NULL;
  g_autofree char *scaling = NULL;
  guint64 ready = isnan (r->input.provisioned) ? 0 : (guint64) r->input.provisioned;
  guint64 reach = MIN (r->needed, r->limit);
  g_autofree char *on_demand = g_strdup_printf ("%" G_GUINT64_FORMAT, reach - MIN (ready, reach));

  if (r->needed_exact == (double) r->needed)
    needed =
      g_strdup_printf (ngettext ("Concurrency: %s requests/s x %s s = %s concurrent execution",
                                        "Concurrency: %s requests/s x %s s = %s concurrent "
                                        "executions",
                                        r->needed),
                              rate, duration, count);
  else
    needed =
      g_strdup_printf (ngettext ("Concurrency: %s requests/s x %s s = %s, rounded up to %s "
                                 "concurrent execution",
                                        "Concurrency: %s requests/s x %s s = %s, rounded up to %s "
                                        "concurrent executions",
                                        r->needed),
                              rate, duration, exact, count);

  if (ready > 0)
    {
      g_autofree char *ready_text = g_strdup_printf ("%" G_GUINT64_FORMAT, ready);

      provisioned =
        g_strdup_printf (_("\nProvisioned: %s environments are initialised in advance and serve "
                           "without cold starts"),
                                     ready_text);
    }

  if (r->scaling_seconds == 0)
    scaling =
      g_strdup_printf (_("Scaling from zero: 1000 new environments every 10 seconds per function, "
                         "the first 1000 at once: %s on demand come at once"),
                               on_demand);
  else
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GUINT64_FORMAT, r->scaling_seconds);

      scaling =
        g_strdup_printf (_("Scaling from zero: 1000 new environments every 10 seconds per "
                           "function, the first 1000 at once: %s on demand take %s seconds"),
                                 on_demand, seconds);
    }

  return g_strdup_printf ("%s\n%s\n%s%s\n%s", needed, limit, outcome,
                          provisioned != NULL ? provisioned : "", scaling);
}

NimbusLambdaConcurrency *
nimbus_lambda_concurrency_compute (const NimbusLambdaConcurrencyInput  *input,
                                   GError                             **error)
{
  g_autoptr(NimbusLambdaConcurrency) r = NULL;
  guint64 ready, reach;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_input (input, error))
    return NULL;

  r = g_new0 (NimbusLambdaConcurrency, 1);
  r->input = *input;
  r->unit = "concurrent executions";
  r->needed_exact = input->rate * input->duration;
  r->needed = MAX ((guint64) nimbus_calc_ceil (r->needed_exact), 1);
  r->limit = (guint64) (isnan (input->reserved) ? input->account_limit : input->reserved);
  r->throttled = r->needed > r->limit;
  r->headroom = (gint64) r->limit - (gint64) r->needed;
  r->throttled_rate = r->throttled ? input->rate - r->limit / input->duration : 0;

  ready = isnan (input->provisioned) ? 0 : (guint64) input->provisioned;
  reach = MIN (r->needed, r->limit);
  r->scaling_seconds = scaling_seconds (reach - MIN (ready, reach));
  r->working = dup_working (r);

  return g_steal_pointer (&r);
}

void
nimbus_lambda_concurrency_free (NimbusLambdaConcurrency *result)
{
  if (result == NULL)
    return;

  g_free (result->working);
  g_free (result);
}
