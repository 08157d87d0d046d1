/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-api-throttling"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nimbus-api-throttling.h"

/* API Gateway throttling, the exam arithmetic: a token bucket that holds the burst limit
 * (5,000 at account level) and refills at the rate limit (10,000 per second). Each request
 * takes a token or gets 429 Too Many Requests. A steady rate within the limit leaves the
 * bucket full, so a burst arriving at once gets as many requests through as there are
 * tokens; the bucket refills with what the steady rate leaves spare. Usage plans and stages
 * are smaller rate and burst limits. */

static const NimbusCalcParam params[] = {
  { "rate", N_("steady requests per second"), NULL, TRUE },
  { "burst", N_("requests arriving at once on top of the steady rate"), NULL, TRUE },
  { "rate-limit", N_("throttle rate in requests per second (account, stage or usage plan)"),
    "10000", FALSE },
  { "burst-limit", N_("throttle burst in requests, the bucket size"), "5000", FALSE },
};

const NimbusCalcParam *
nimbus_api_throttling_params (guint *n_params)
{
  *n_params = G_N_ELEMENTS (params);
  return params;
}

void
nimbus_api_throttling_input_init (NimbusApiThrottlingInput *input)
{
  input->rate = NAN;
  input->burst = NAN;
  input->rate_limit = NIMBUS_API_RATE_LIMIT;
  input->burst_limit = NIMBUS_API_BURST_LIMIT;
}

static gboolean
check_param (const char  *name,
             double       value,
             GError     **error)
{
  gboolean per_second = g_str_has_prefix (name, "rate");

  return nimbus_calc_check_number (name, value, NIMBUS_API_MAX,
                                   per_second ? 0 : NIMBUS_CALC_NUMBER_WHOLE,
                                   per_second ? _("requests per second") : _("requests"), error);
}

gboolean
nimbus_api_throttling_parse (NimbusApiThrottlingInput  *input,
                             const char                *name,
                             const char                *text,
                             GError                   **error)
{
  double *field = NULL;
  double value = 0;
  gboolean per_second;

  g_return_val_if_fail (input != NULL && name != NULL, FALSE);

  if (g_str_equal (name, "rate"))
    field = &input->rate;
  else if (g_str_equal (name, "burst"))
    field = &input->burst;
  else if (g_str_equal (name, "rate-limit"))
    field = &input->rate_limit;
  else if (g_str_equal (name, "burst-limit"))
    field = &input->burst_limit;

  if (field == NULL)
    {
      nimbus_calc_set_unknown ("api-throttling", name, error);
      return FALSE;
    }

  per_second = g_str_has_prefix (name, "rate");
  if (!nimbus_calc_parse_number (name, text, NIMBUS_API_MAX,
                                 per_second ? 0 : NIMBUS_CALC_NUMBER_WHOLE,
                                 per_second ? _("requests per second") : _("requests"), &value,
                                 error))
    return FALSE;

  *field = value;
  return TRUE;
}

static char *
dup_steady_line (const NimbusApiThrottling *r)
{
  g_autofree char *rate = nimbus_calc_format (r->input.rate);
  g_autofree char *excess = nimbus_calc_format (r->throttled_rate);

  if (r->input.rate > r->input.rate_limit)
    return g_strdup_printf (_("Steady rate: %s requests/s is above the rate limit: %s requests/s "
                              "get 429 and the bucket stays empty"),
                            rate, excess);
  if (r->input.rate == r->input.rate_limit)
    return g_strdup_printf (_("Steady rate: %s requests/s is the rate limit: it uses every token "
                              "added, and the bucket stays full"),
                            rate);

  return g_strdup_printf (_("Steady rate: %s requests/s is within the rate limit, so the bucket is "
                            "full when the burst comes"),
                          rate);
}

static char *
dup_working (const NimbusApiThrottling *r)
{
  g_autofree char *bucket = nimbus_calc_format (r->input.burst_limit);
  g_autofree char *refill = nimbus_calc_format (r->input.rate_limit);
  g_autofree char *steady = dup_steady_line (r);
  g_autofree char *burst = nimbus_calc_format (r->input.burst);
  g_autofree char *tokens = nimbus_calc_format (r->tokens);
  g_autofree char *accepted = nimbus_calc_format (r->accepted);
  g_autofree char *throttled = nimbus_calc_format (r->throttled);
  g_autofree char *spare = nimbus_calc_format (r->input.rate_limit - r->input.rate);
  g_autofree char *seconds = nimbus_calc_format (r->refill_seconds);
  g_autofree char *refilled = NULL;

  if (isinf (r->refill_seconds))
    refilled = g_strdup (_("Refill: never, while the steady rate uses every token added"));
  else
    refilled = g_strdup_printf (_("Refill: %s tokens / %s per second spare = %s seconds"),
                                accepted, spare, seconds);

  return g_strdup_printf (_("Bucket: %s tokens (the burst limit), %s added per second (the rate "
                            "limit)\n"
                            "%s\n"
                            "Burst: %s requests at once, %s tokens: %s accepted, %s get 429 Too "
                            "Many Requests\n"
                            "%s"),
                          bucket, refill, steady, burst, tokens, accepted, throttled, refilled);
}

NimbusApiThrottling *
nimbus_api_throttling_compute (const NimbusApiThrottlingInput  *input,
                               GError                         **error)
{
  g_autoptr(NimbusApiThrottling) r = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_param ("rate", input->rate, error) || !check_param ("burst", input->burst, error) ||
      !check_param ("rate-limit", input->rate_limit, error) ||
      !check_param ("burst-limit", input->burst_limit, error))
    return NULL;

  r = g_new0 (NimbusApiThrottling, 1);
  r->input = *input;
  r->unit = "requests";
  r->tokens = input->rate > input->rate_limit ? 0 : input->burst_limit;
  r->accepted = MIN (input->burst, r->tokens);
  r->throttled = input->burst - r->accepted;
  r->throttled_rate = MAX (input->rate - input->rate_limit, 0);
  if (input->rate >= input->rate_limit)
    r->refill_seconds = INFINITY;
  else
    r->refill_seconds = r->accepted / (input->rate_limit - input->rate);
  r->working = dup_working (r);

  return g_steal_pointer (&r);
}

void
nimbus_api_throttling_free (NimbusApiThrottling *result)
{
  if (result == NULL)
    return;

  g_free (result->working);
  g_free (result);
}

/* Tokens in the bucket this many seconds after the burst: what it left, refilled with
 * what the steady rate leaves spare, up to the burst limit. */
double
nimbus_api_throttling_tokens_at (const NimbusApiThrottling *result,
                                 double                     seconds)
{
  double spare;

  g_return_val_if_fail (result != NULL && seconds >= 0, 0);

  spare = MAX (result->input.rate_limit - result->input.rate, 0);
  return MIN (result->input.burst_limit, result->tokens - result->accepted + spare * seconds);
}
