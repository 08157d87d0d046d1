/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <math.h>

#include "nimbus-api-throttling.h"
#include "nimbus-ebs-iops.h"
#include "nimbus-enum.h"
#include "nimbus-kinesis-shards.h"
#include "nimbus-lambda-concurrency.h"
#include "nimbus-sqs-visibility.h"

#include "calc-cases.h"

/* The calculators' arithmetic against the hand-worked cases of calc-cases.h. */

static gboolean
kinesis_parse (NimbusKinesisShardsInput *input,
               const char               *name,
               const char               *text,
               GError                  **error)
{
  return text == NULL || nimbus_kinesis_shards_parse (input, name, text, error);
}

static void
test_kinesis_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinesis_cases); i++)
    {
      const KinesisCase *c = &kinesis_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(NimbusKinesisShards) r = NULL;
      NimbusKinesisShardsInput input;

      g_test_message ("case %u: %s MB/s, %s records/s", i, c->write_mb, c->records);
      nimbus_kinesis_shards_input_init (&input);
      g_assert_true (kinesis_parse (&input, "write-mb", c->write_mb, &error));
      g_assert_true (kinesis_parse (&input, "records", c->records, &error));
      g_assert_true (kinesis_parse (&input, "consumers", c->consumers, &error));
      g_assert_true (kinesis_parse (&input, "fan-out", c->fan_out, &error));
      g_assert_no_error (error);

      r = nimbus_kinesis_shards_compute (&input, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (r->write_shards, ==, c->write_shards);
      g_assert_cmpuint (r->records_shards, ==, c->records_shards);
      g_assert_cmpuint (r->read_shards, ==, c->read_shards);
      g_assert_cmpuint (r->shards, ==, c->shards);
      g_assert_cmpstr (r->unit, ==, "shards");
      if (c->working != NULL)
        g_assert_cmpstr (r->working, ==, c->working);
    }
}

static void
test_kinesis_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinesis_bad_values); i++)
    {
      const CalcBadValue *bad = &kinesis_bad_values[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *option = g_strconcat ("--", bad->name, " ", NULL);
      NimbusKinesisShardsInput input;

      g_test_message ("--%s «%s»", bad->name, bad->text);
      nimbus_kinesis_shards_input_init (&input);
      g_assert_false (nimbus_kinesis_shards_parse (&input, bad->name, bad->text, &error));
      g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, option));
    }

  /* Missing, unknown, and more enhanced fan-out consumers than a stream registers. */
  {
    g_autoptr(GError) error = NULL;
    NimbusKinesisShardsInput input;

    nimbus_kinesis_shards_input_init (&input);
    g_assert_true (nimbus_kinesis_shards_parse (&input, "records", "1", NULL));
    g_assert_null (nimbus_kinesis_shards_compute (&input, &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "--write-mb is needed");
    g_clear_error (&error);

    g_assert_false (nimbus_kinesis_shards_parse (&input, "rate", "1", &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_UNKNOWN);
    g_clear_error (&error);

    g_assert_true (nimbus_kinesis_shards_parse (&input, "write-mb", "1", NULL));
    g_assert_true (nimbus_kinesis_shards_parse (&input, "consumers", "21", NULL));
    g_assert_true (nimbus_kinesis_shards_parse (&input, "fan-out", "yes", NULL));
    g_assert_null (nimbus_kinesis_shards_compute (&input, &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "--consumers "));
    g_clear_error (&error);

    /* compute () checks values set without the parser too. */
    input.consumers = 2.5;
    input.fan_out = FALSE;
    g_assert_null (nimbus_kinesis_shards_compute (&input, &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
    g_clear_error (&error);
    input.consumers = 1;
    input.write_mb = INFINITY;
    g_assert_null (nimbus_kinesis_shards_compute (&input, &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
  }
}

static gboolean
lambda_parse (NimbusLambdaConcurrencyInput  *input,
              const char                    *name,
              const char                    *text,
              GError                       **error)
{
  return text == NULL || nimbus_lambda_concurrency_parse (input, name, text, error);
}

static void
test_lambda_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lambda_cases); i++)
    {
      const LambdaCase *c = &lambda_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(NimbusLambdaConcurrency) r = NULL;
      NimbusLambdaConcurrencyInput input;

      g_test_message ("case %u: %s requests/s x %s s", i, c->rate, c->duration);
      nimbus_lambda_concurrency_input_init (&input);
      g_assert_true (lambda_parse (&input, "rate", c->rate, &error));
      g_assert_true (lambda_parse (&input, "duration", c->duration, &error));
      g_assert_true (lambda_parse (&input, "account-limit", c->account_limit, &error));
      g_assert_true (lambda_parse (&input, "reserved", c->reserved, &error));
      g_assert_true (lambda_parse (&input, "provisioned", c->provisioned, &error));
      g_assert_no_error (error);

      r = nimbus_lambda_concurrency_compute (&input, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (r->needed, ==, c->needed);
      g_assert_cmpuint (r->limit, ==, c->limit);
      g_assert_cmpint (r->throttled, ==, c->throttled);
      g_assert_cmpint (r->headroom, ==, c->headroom);
      g_assert_cmpfloat_with_epsilon (r->throttled_rate, c->throttled_rate, 1e-9);
      g_assert_cmpuint (r->scaling_seconds, ==, c->scaling_seconds);
      g_assert_cmpstr (r->unit, ==, "concurrent executions");
      if (c->working != NULL)
        g_assert_cmpstr (r->working, ==, c->working);
    }
}

static void
test_lambda_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lambda_bad_values); i++)
    {
      const CalcBadValue *bad = &lambda_bad_values[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(NimbusLambdaConcurrency) r = NULL;
      g_autofree char *option = g_strconcat ("--", bad->name, " ", NULL);
      NimbusLambdaConcurrencyInput input;

      g_test_message ("--%s «%s»", bad->name, bad->text);
      nimbus_lambda_concurrency_input_init (&input);
      g_assert_true (nimbus_lambda_concurrency_parse (&input, "rate", "1", NULL));
      g_assert_true (nimbus_lambda_concurrency_parse (&input, "duration", "1", NULL));
      /* Out of range against the others (901 reserved) is refused by compute (). */
      if (nimbus_lambda_concurrency_parse (&input, bad->name, bad->text, &error))
        r = nimbus_lambda_concurrency_compute (&input, &error);
      g_assert_null (r);
      g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, option));
    }

  for (guint i = 0; i < G_N_ELEMENTS (lambda_bad_pairs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *option = g_strconcat (lambda_bad_pairs[i].named, " ", NULL);
      NimbusLambdaConcurrencyInput input;

      nimbus_lambda_concurrency_input_init (&input);
      g_assert_true (lambda_parse (&input, "rate", "1", NULL));
      g_assert_true (lambda_parse (&input, "duration", "1", NULL));
      g_assert_true (lambda_parse (&input, "reserved", lambda_bad_pairs[i].reserved, NULL));
      g_assert_true (lambda_parse (&input, "provisioned", lambda_bad_pairs[i].provisioned, NULL));
      g_assert_true (lambda_parse (&input, "account-limit", lambda_bad_pairs[i].account_limit,
                                   NULL));
      g_assert_null (nimbus_lambda_concurrency_compute (&input, &error));
      g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, option));
    }

  {
    g_autoptr(GError) error = NULL;
    NimbusLambdaConcurrencyInput input;

    nimbus_lambda_concurrency_input_init (&input);
    g_assert_true (lambda_parse (&input, "rate", "1", NULL));
    g_assert_null (nimbus_lambda_concurrency_compute (&input, &error));
    g_assert_cmpstr (error->message, ==, "--duration is needed");
    g_clear_error (&error);
    g_assert_false (nimbus_lambda_concurrency_parse (&input, "records", "1", &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_UNKNOWN);
  }
}

static void
test_ebs_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ebs_cases); i++)
    {
      const EbsCase *c = &ebs_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(NimbusEbsIops) r = NULL;
      NimbusEbsIopsInput input;

      g_test_message ("case %u: %s GiB at %s IOPS", i, c->size, c->iops);
      nimbus_ebs_iops_input_init (&input);
      g_assert_true (nimbus_ebs_iops_parse (&input, "volume-size", c->size, &error));
      g_assert_true (nimbus_ebs_iops_parse (&input, "iops", c->iops, &error));
      g_assert_true (c->throughput == NULL ||
                     nimbus_ebs_iops_parse (&input, "throughput", c->throughput, &error));
      g_assert_no_error (error);

      r = nimbus_ebs_iops_compute (&input, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (r->baseline, c->baseline, 1e-9);
      g_assert_cmpint (r->meets, ==, c->meets);
      g_assert_cmpint (r->bursts, ==, c->bursts);
      g_assert_cmpfloat_with_epsilon (r->burst_seconds, c->burst_seconds, 1e-6);
      g_assert_cmpfloat (r->gp3_iops, ==, c->gp3_iops);
      g_assert_cmpfloat (r->gp3_throughput, ==, c->gp3_throughput);
      g_assert_cmpint (r->gp3_fits, ==, c->gp3_fits);
      g_assert_cmpstr (r->unit, ==, "IOPS");
      if (c->working != NULL)
        g_assert_cmpstr (r->working, ==, c->working);
    }
}

static void
test_ebs_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ebs_bad_values); i++)
    {
      const CalcBadValue *bad = &ebs_bad_values[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *option = g_strconcat ("--", bad->name, " ", NULL);
      NimbusEbsIopsInput input;

      g_test_message ("--%s «%s»", bad->name, bad->text);
      nimbus_ebs_iops_input_init (&input);
      g_assert_false (nimbus_ebs_iops_parse (&input, bad->name, bad->text, &error));
      g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, option));
    }

  {
    g_autoptr(GError) error = NULL;
    NimbusEbsIopsInput input;

    nimbus_ebs_iops_input_init (&input);
    g_assert_true (nimbus_ebs_iops_parse (&input, "iops", "100", NULL));
    g_assert_null (nimbus_ebs_iops_compute (&input, &error));
    g_assert_cmpstr (error->message, ==, "--volume-size is needed");
    g_clear_error (&error);
    g_assert_false (nimbus_ebs_iops_parse (&input, "rate", "1", &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_UNKNOWN);
  }
}

static void
test_api_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (api_cases); i++)
    {
      const ApiCase *c = &api_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(NimbusApiThrottling) r = NULL;
      NimbusApiThrottlingInput input;

      g_test_message ("case %u: %s requests/s, a burst of %s", i, c->rate, c->burst);
      nimbus_api_throttling_input_init (&input);
      g_assert_true (nimbus_api_throttling_parse (&input, "rate", c->rate, &error));
      g_assert_true (nimbus_api_throttling_parse (&input, "burst", c->burst, &error));
      g_assert_true (c->rate_limit == NULL ||
                     nimbus_api_throttling_parse (&input, "rate-limit", c->rate_limit, &error));
      g_assert_true (c->burst_limit == NULL ||
                     nimbus_api_throttling_parse (&input, "burst-limit", c->burst_limit, &error));
      g_assert_no_error (error);

      r = nimbus_api_throttling_compute (&input, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (r->accepted, ==, c->accepted);
      g_assert_cmpfloat (r->throttled, ==, c->throttled);
      g_assert_cmpfloat_with_epsilon (r->throttled_rate, c->throttled_rate, 1e-9);
      if (c->refill_seconds < 0)
        g_assert_true (isinf (r->refill_seconds));
      else
        g_assert_cmpfloat_with_epsilon (r->refill_seconds, c->refill_seconds, 1e-9);
      g_assert_cmpstr (r->unit, ==, "requests");
      if (c->working != NULL)
        g_assert_cmpstr (r->working, ==, c->working);
    }
}

static void
test_api_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (api_bad_values); i++)
    {
      const CalcBadValue *bad = &api_bad_values[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *option = g_strconcat ("--", bad->name, " ", NULL);
      NimbusApiThrottlingInput input;

      g_test_message ("--%s «%s»", bad->name, bad->text);
      nimbus_api_throttling_input_init (&input);
      g_assert_false (nimbus_api_throttling_parse (&input, bad->name, bad->text, &error));
      g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, option));
    }

  {
    g_autoptr(GError) error = NULL;
    NimbusApiThrottlingInput input;

    nimbus_api_throttling_input_init (&input);
    g_assert_true (nimbus_api_throttling_parse (&input, "rate", "1", NULL));
    g_assert_null (nimbus_api_throttling_compute (&input, &error));
    g_assert_cmpstr (error->message, ==, "--burst is needed");
    g_clear_error (&error);
    g_assert_false (nimbus_api_throttling_parse (&input, "duration", "1", &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_UNKNOWN);
  }
}

static gboolean
sqs_parse (NimbusSqsVisibilityInput  *input,
           const char                *name,
           const char                *text,
           GError                   **error)
{
  return text == NULL || nimbus_sqs_visibility_parse (input, name, text, error);
}

/* The events are in time order, every receive has its end, and the last receive's timeout
 * or a delete closes the timeline. */
static void
check_sqs_events (const NimbusSqsVisibility *r)
{
  guint n_receives = 0, n_ends = 0;

  for (guint i = 0; i < r->events->len; i++)
    {
      const NimbusSqsEvent *event = g_ptr_array_index (r->events, i);

      g_assert_nonnull (event->description);
      g_assert_cmpuint (event->receive, >=, 1);
      if (i > 0)
        g_assert_cmpfloat (event->time, >=,
                           ((NimbusSqsEvent *) g_ptr_array_index (r->events, i - 1))->time);
      n_receives += event->kind == NIMBUS_SQS_EVENT_RECEIVE;
      n_ends += event->kind == NIMBUS_SQS_EVENT_FAIL || event->kind == NIMBUS_SQS_EVENT_DELETE ||
                event->kind == NIMBUS_SQS_EVENT_LATE;
    }

  g_assert_cmpuint (n_receives, ==, n_ends);
  if (r->outcome != NIMBUS_SQS_OUTCOME_ENDLESS)
    g_assert_cmpuint (n_receives, ==, r->receives);
}

static void
test_sqs_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sqs_cases); i++)
    {
      const SqsCase *c = &sqs_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(NimbusSqsVisibility) r = NULL;
      NimbusSqsVisibilityInput input;

      g_test_message ("case %u: %s s processing", i, c->processing);
      nimbus_sqs_visibility_input_init (&input);
      g_assert_true (sqs_parse (&input, "visibility-timeout", c->timeout, &error));
      g_assert_true (sqs_parse (&input, "processing", c->processing, &error));
      g_assert_true (sqs_parse (&input, "max-receive-count", c->max_receive_count, &error));
      g_assert_true (sqs_parse (&input, "failures", c->failures, &error));
      g_assert_no_error (error);

      r = nimbus_sqs_visibility_compute (&input, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (r->receives, ==, c->receives);
      g_assert_cmpuint (r->duplicates, ==, c->duplicates);
      g_assert_cmpstr (nimbus_enum_get_nick (NIMBUS_TYPE_SQS_OUTCOME, r->outcome), ==, c->outcome);
      g_assert_cmpfloat_with_epsilon (r->outcome_seconds, c->outcome_seconds, 1e-9);
      g_assert_cmpuint (r->events->len, ==, c->n_events);
      g_assert_cmpstr (r->unit, ==, "receives");
      check_sqs_events (r);
      if (c->working != NULL)
        g_assert_cmpstr (r->working, ==, c->working);
    }
}

static void
test_sqs_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sqs_bad_values); i++)
    {
      const CalcBadValue *bad = &sqs_bad_values[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *option = g_strconcat ("--", bad->name, " ", NULL);
      NimbusSqsVisibilityInput input;

      g_test_message ("--%s «%s»", bad->name, bad->text);
      nimbus_sqs_visibility_input_init (&input);
      g_assert_true (nimbus_sqs_visibility_parse (&input, "processing", "10", NULL));
      g_assert_false (nimbus_sqs_visibility_parse (&input, bad->name, bad->text, &error));
      g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, option));
    }

  {
    g_autoptr(GError) error = NULL;
    NimbusSqsVisibilityInput input;

    nimbus_sqs_visibility_input_init (&input);
    g_assert_null (nimbus_sqs_visibility_compute (&input, &error));
    g_assert_cmpstr (error->message, ==, "--processing is needed");
    g_clear_error (&error);
    g_assert_false (nimbus_sqs_visibility_parse (&input, "rate", "1", &error));
    g_assert_error (error, NIMBUS_CALC_ERROR, NIMBUS_CALC_ERROR_UNKNOWN);
    g_clear_error (&error);

    /* compute () checks values set without the parser too. */
    input.processing = 10;
    input.timeout = 0.5;
    g_assert_null (nimbus_sqs_visibility_compute (&input, &error));
    g_assert_true (g_str_has_prefix (error->message, "--visibility-timeout "));
  }
}

/* The CLI prints these nicks ("kind", "outcome"): renaming a value must not change them. */
static void
test_sqs_nicks (void)
{
  static const struct
  {
    int value;
    const char *nick;
  } outcomes[] = {
    { NIMBUS_SQS_OUTCOME_DELETED, "deleted" },
    { NIMBUS_SQS_OUTCOME_DEAD_LETTER, "dead-letter" },
    { NIMBUS_SQS_OUTCOME_ENDLESS, "endless" },
  }, kinds[] = {
    { NIMBUS_SQS_EVENT_RECEIVE, "receive" },
    { NIMBUS_SQS_EVENT_FAIL, "fail" },
    { NIMBUS_SQS_EVENT_DELETE, "delete" },
    { NIMBUS_SQS_EVENT_LATE, "late" },
    { NIMBUS_SQS_EVENT_VISIBLE, "visible" },
    { NIMBUS_SQS_EVENT_DEAD_LETTER, "dead-letter" },
    { NIMBUS_SQS_EVENT_ENDLESS, "endless" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    g_assert_cmpstr (nimbus_enum_get_nick (NIMBUS_TYPE_SQS_OUTCOME, outcomes[i].value), ==,
                     outcomes[i].nick);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpstr (nimbus_enum_get_nick (NIMBUS_TYPE_SQS_EVENT_KIND, kinds[i].value), ==,
                     kinds[i].nick);
  g_assert_null (nimbus_enum_get_nick (NIMBUS_TYPE_SQS_OUTCOME, G_N_ELEMENTS (outcomes)));
  g_assert_null (nimbus_enum_get_nick (NIMBUS_TYPE_SQS_EVENT_KIND, G_N_ELEMENTS (kinds)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/calc/kinesis-shards/cases", test_kinesis_cases);
  g_test_add_func ("/nimbus/calc/kinesis-shards/bad-input", test_kinesis_bad_input);

  g_test_add_func ("/nimbus/calc/lambda-concurrency/cases", test_lambda_cases);
  g_test_add_func ("/nimbus/calc/lambda-concurrency/bad-input", test_lambda_bad_input);

  g_test_add_func ("/nimbus/calc/ebs-iops/cases", test_ebs_cases);
  g_test_add_func ("/nimbus/calc/ebs-iops/bad-input", test_ebs_bad_input);

  g_test_add_func ("/nimbus/calc/api-throttling/cases", test_api_cases);
  g_test_add_func ("/nimbus/calc/api-throttling/bad-input", test_api_bad_input);

  g_test_add_func ("/nimbus/calc/sqs-visibility/cases", test_sqs_cases);
  g_test_add_func ("/nimbus/calc/sqs-visibility/bad-input", test_sqs_bad_input);
  g_test_add_func ("/nimbus/calc/sqs-visibility/nicks", test_sqs_nicks);

  return g_test_run ();
}
