/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-calc.h"

G_BEGIN_DECLS

/* Lambda concurrency quotas and scaling (data/kb/lambda.json, "concurrency"). */
#define NIMBUS_LAMBDA_ACCOUNT_CONCURRENCY 1000
#define NIMBUS_LAMBDA_UNRESERVED_MINIMUM 100
#define NIMBUS_LAMBDA_SCALING_STEP 1000        /* new execution environments per function ... */
#define NIMBUS_LAMBDA_SCALING_SECONDS 10       /* ... every 10 seconds */
#define NIMBUS_LAMBDA_MAX_DURATION 900         /* seconds, the longest timeout */
#define NIMBUS_LAMBDA_MAX_RATE 1e9
#define NIMBUS_LAMBDA_MAX_ACCOUNT_LIMIT 1e7

typedef struct
{
  double rate;               /* requests per second; NAN until given */
  double duration;           /* average seconds per request; NAN until given */
  double account_limit;      /* concurrent executions per Region */
  double reserved;           /* the function's reserved concurrency; NAN for none */
  double provisioned;        /* provisioned concurrency; NAN for none */
} NimbusLambdaConcurrencyInput;

typedef struct
{
  NimbusLambdaConcurrencyInput input;
  double needed_exact;       /* rate x duration, not rounded */
  guint64 needed;            /* the result: concurrent executions, rounded up */
  guint64 limit;             /* what the function may use: reserved, else the account's */
  gboolean throttled;
  gint64 headroom;           /* limit - needed; below 0 when throttled */
  double throttled_rate;     /* requests per second refused in steady state */
  guint64 scaling_seconds;   /* from zero to min (needed, limit) at the scaling rate */
  const char *unit;          /* "concurrent executions" */
  char *working;
} NimbusLambdaConcurrency;

/* Declared one by one: the type names are too long for aligned columns. */
const NimbusCalcParam *nimbus_lambda_concurrency_params (guint *n_params);
void nimbus_lambda_concurrency_input_init (NimbusLambdaConcurrencyInput *input);
gboolean nimbus_lambda_concurrency_parse (NimbusLambdaConcurrencyInput  *input,
                                          const char                    *name,
                                          const char                    *text,
                                          GError                       **error);
NimbusLambdaConcurrency *
nimbus_lambda_concurrency_compute (const NimbusLambdaConcurrencyInput  *input,
                                   GError                             **error);
void nimbus_lambda_concurrency_free (NimbusLambdaConcurrency *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusLambdaConcurrency, nimbus_lambda_concurrency_free)

G_END_DECLS
