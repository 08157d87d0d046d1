/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-calc.h"

G_BEGIN_DECLS

/* API Gateway account-level throttling (data/kb/api-gateway.json, "throttling"). */
#define NIMBUS_API_RATE_LIMIT 10000.0     /* requests per second, the bucket's refill */
#define NIMBUS_API_BURST_LIMIT 5000.0     /* requests, the bucket's size */
#define NIMBUS_API_MAX 1e9

typedef struct
{
  double rate;               /* steady requests per second; NAN until given */
  double burst;              /* requests arriving at once on top of it; NAN until given */
  double rate_limit;         /* tokens added per second */
  double burst_limit;        /* tokens the bucket holds */
} NimbusApiThrottlingInput;

typedef struct
{
  NimbusApiThrottlingInput input;
  double tokens;             /* in the bucket when the burst arrives */
  double accepted;           /* requests of the burst served */
  double throttled;          /* the result: requests of the burst refused with 429 */
  double throttled_rate;     /* steady requests per second refused, above the rate limit */
  double refill_seconds;     /* to refill what the burst took; INFINITY when it never does */
  const char *unit;          /* "requests" */
  char *working;
} NimbusApiThrottling;

const NimbusCalcParam *nimbus_api_throttling_params     (guint                          *n_params);
void                   nimbus_api_throttling_input_init (NimbusApiThrottlingInput       *input);
gboolean               nimbus_api_throttling_parse      (NimbusApiThrottlingInput       *input,
                                                         const char                     *name,
                                                         const char                     *text,
                                                         GError                        **error);
NimbusApiThrottling   *nimbus_api_throttling_compute    (const NimbusApiThrottlingInput *input,
                                                         GError                        **error);
double                 nimbus_api_throttling_tokens_at  (const NimbusApiThrottling      *result,
                                                         double                          seconds);
void                   nimbus_api_throttling_free       (NimbusApiThrottling            *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusApiThrottling, nimbus_api_throttling_free)

G_END_DECLS
