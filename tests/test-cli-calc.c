/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nimbus-api-throttling.h"
#include "nimbus-ebs-iops.h"
#include "nimbus-kinesis-shards.h"
#include "nimbus-lambda-concurrency.h"
#include "nimbus-sqs-visibility.h"
#include "nimbus-test-utils.h"

#include "calc-cases.h"

/* nimbus --calc as a real process without a display, against ../shared/CLI.md: the
 * hand-worked cases of calc-cases.h in text and JSON, every bad parameter refused with
 * exit 2, and the limits the calculators use equal to the knowledge base's facts. */

#define MAX_ARGS 24

typedef struct
{
  const char *argv[MAX_ARGS];
  guint len;
} Args;

static void
args_add (Args       *args,
          const char *name,
          const char *value)
{
  if (value == NULL)
    return;

  g_assert_cmpuint (args->len + 2, <, MAX_ARGS);
  args->argv[args->len++] = name;
  args->argv[args->len++] = value;
}

static int
run_args (Args  *args,
          char **out,
          char **err)
{
  const char *argv[MAX_ARGS + 2] = { g_getenv ("NIMBUS_BIN") };

  g_assert_nonnull (argv[0]);
  for (guint i = 0; i < args->len; i++)
    argv[i + 1] = args->argv[i];

  return nimbus_test_spawn (argv, out, err);
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *root = json_node_copy (json_parser_get_root (parser));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));

  return json_node_get_object (*root);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* Bad usage: status 2, nothing on stdout, one line on stderr naming the option. */
static void
assert_usage_error (int         status,
                    const char *out,
                    const char *err,
                    const char *named)
{
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "--help"));
  if (named != NULL)
    g_assert_nonnull (strstr (err, named));
}

/* The answer's common shape: the calculator, its inputs, the result with its unit and the
 * working, which the text answer prints after its first line. */
static JsonObject *
check_answer (Args        *args,
              const char  *calculator,
              const char  *unit,
              JsonNode   **root)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  JsonObject *object, *result;

  g_assert_cmpint (run_args (args, &text, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);

  args->argv[args->len++] = "--json";
  g_assert_cmpint (run_args (args, &out, &err), ==, 0);
  args->len--;
  g_assert_cmpstr (err, ==, "");

  object = parse_object (out, root);
  g_assert_cmpstr (json_object_get_string_member (object, "calc"), ==, calculator);
  g_assert_true (json_object_has_member (object, "inputs"));
  result = json_object_get_object_member (object, "result");
  g_assert_nonnull (result);
  g_assert_true (json_object_has_member (result, "value"));
  g_assert_cmpstr (json_object_get_string_member (result, "unit"), ==, unit);
  g_assert_nonnull (strstr (text, json_object_get_string_member (object, "working")));
  g_assert_true (g_str_has_suffix (text, "\n"));

  return object;
}

/* Each bad value refused with exit 2 naming its parameter, the calculator's other required
 * parameters given as valid: required is NULL-terminated pairs of name and value. */
static void
assert_bad_values (const char          *calc,
                   const CalcBadValue  *values,
                   guint                n_values,
                   const char * const  *required)
{
  for (guint i = 0; i < n_values; i++)
    {
      const CalcBadValue *bad = &values[i];
      Args args = { { "--calc", calc }, 2 };
      g_autofree char *option = g_strconcat ("--", bad->name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_test_message ("%s «%s»", option, bad->text);
      for (guint r = 0; required[r] != NULL; r += 2)
        {
          if (!g_str_equal (bad->name, required[r] + strlen ("--")))
            args_add (&args, required[r], required[r + 1]);
        }
      args_add (&args, option, bad->text);
      status = run_args (&args, &out, &err);
      assert_usage_error (status, out, err, option);
    }
}

static void
test_cli_calc_kinesis (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinesis_cases); i++)
    {
      const KinesisCase *c = &kinesis_cases[i];
      Args args = { { "--calc", "kinesis-shards" }, 2 };
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object, *inputs, *result;

      g_test_message ("case %u", i);
      args_add (&args, "--write-mb", c->write_mb);
      args_add (&args, "--records", c->records);
      args_add (&args, "--consumers", c->consumers);
      args_add (&args, "--fan-out", c->fan_out);
      object = check_answer (&args, "kinesis-shards", "shards", &root);

      inputs = json_object_get_object_member (object, "inputs");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (inputs, "write_mb"),
                                      g_ascii_strtod (c->write_mb, NULL), 1e-12);
      g_assert_cmpint (json_object_get_int_member (inputs, "consumers"), ==,
                       c->consumers != NULL ? atoi (c->consumers) : 1);
      g_assert_cmpint (json_object_get_boolean_member (inputs, "fan_out"), ==,
                       g_strcmp0 (c->fan_out, "yes") == 0);
      result = json_object_get_object_member (object, "result");
      g_assert_cmpint (json_object_get_int_member (result, "value"), ==, c->shards);
      g_assert_cmpint (json_object_get_int_member (result, "write_shards"), ==, c->write_shards);
      g_assert_cmpint (json_object_get_int_member (result, "records_shards"), ==,
                       c->records_shards);
      g_assert_cmpint (json_object_get_int_member (result, "read_shards"), ==, c->read_shards);
      if (c->working != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "working"), ==, c->working);
    }
}

static void
test_cli_calc_kinesis_bad (void)
{
  const char * const required[] = { "--write-mb", "1", "--records", "1", NULL };

  assert_bad_values ("kinesis-shards", kinesis_bad_values, G_N_ELEMENTS (kinesis_bad_values),
                     required);
}

static void
test_cli_calc_lambda (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lambda_cases); i++)
    {
      const LambdaCase *c = &lambda_cases[i];
      Args args = { { "--calc", "lambda-concurrency" }, 2 };
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object, *inputs, *result;

      g_test_message ("case %u", i);
      args_add (&args, "--rate", c->rate);
      args_add (&args, "--duration", c->duration);
      args_add (&args, "--account-limit", c->account_limit);
      args_add (&args, "--reserved", c->reserved);
      args_add (&args, "--provisioned", c->provisioned);
      object = check_answer (&args, "lambda-concurrency", "concurrent executions", &root);

      inputs = json_object_get_object_member (object, "inputs");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (inputs, "rate"),
                                      g_ascii_strtod (c->rate, NULL), 1e-12);
      g_assert_cmpint (json_object_get_int_member (inputs, "account_limit"), ==,
                       c->account_limit != NULL ? atoi (c->account_limit) : 1000);
      g_assert_cmpint (json_object_get_null_member (inputs, "reserved"), ==, c->reserved == NULL);
      result = json_object_get_object_member (object, "result");
      g_assert_cmpint (json_object_get_int_member (result, "value"), ==, c->needed);
      g_assert_cmpint (json_object_get_int_member (result, "limit"), ==, c->limit);
      g_assert_cmpint (json_object_get_boolean_member (result, "throttled"), ==, c->throttled);
      g_assert_cmpint (json_object_get_int_member (result, "headroom"), ==, c->headroom);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "throttled_rate"),
                                      c->throttled_rate, 1e-9);
      g_assert_cmpint (json_object_get_int_member (result, "scaling_seconds"), ==,
                       c->scaling_seconds);
      if (c->working != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "working"), ==, c->working);
    }
}

static void
test_cli_calc_lambda_bad (void)
{
  const char * const required[] = { "--rate", "1", "--duration", "1", NULL };

  assert_bad_values ("lambda-concurrency", lambda_bad_values, G_N_ELEMENTS (lambda_bad_values),
                     required);

  for (guint i = 0; i < G_N_ELEMENTS (lambda_bad_pairs); i++)
    {
      Args args = { { "--calc", "lambda-concurrency", "--rate", "1", "--duration", "1" }, 6 };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      args_add (&args, "--reserved", lambda_bad_pairs[i].reserved);
      args_add (&args, "--provisioned", lambda_bad_pairs[i].provisioned);
      args_add (&args, "--account-limit", lambda_bad_pairs[i].account_limit);
      status = run_args (&args, &out, &err);
      assert_usage_error (status, out, err, lambda_bad_pairs[i].named);
    }
}

static void
test_cli_calc_ebs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ebs_cases); i++)
    {
      const EbsCase *c = &ebs_cases[i];
      Args args = { { "--calc", "ebs-iops" }, 2 };
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object, *inputs, *result, *gp3;

      g_test_message ("case %u", i);
      args_add (&args, "--volume-size", c->size);
      args_add (&args, "--iops", c->iops);
      args_add (&args, "--throughput", c->throughput);
      object = check_answer (&args, "ebs-iops", "IOPS", &root);

      inputs = json_object_get_object_member (object, "inputs");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (inputs, "volume_size"),
                                      g_ascii_strtod (c->size, NULL), 1e-12);
      g_assert_cmpint (json_object_get_null_member (inputs, "throughput"), ==,
                       c->throughput == NULL);
      result = json_object_get_object_member (object, "result");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "value"),
                                      c->baseline, 1e-9);
      g_assert_cmpint (json_object_get_boolean_member (result, "meets"), ==, c->meets);
      g_assert_cmpint (json_object_get_boolean_member (result, "bursts"), ==, c->bursts);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "burst_seconds"),
                                      c->burst_seconds, 1e-6);
      gp3 = json_object_get_object_member (result, "gp3");
      g_assert_cmpfloat (json_object_get_double_member (gp3, "iops"), ==, c->gp3_iops);
      g_assert_cmpfloat (json_object_get_double_member (gp3, "throughput"), ==,
                         c->gp3_throughput);
      g_assert_cmpint (json_object_get_boolean_member (gp3, "fits"), ==, c->gp3_fits);
      if (c->working != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "working"), ==, c->working);
    }
}

static void
test_cli_calc_ebs_bad (void)
{
  const char * const required[] = { "--volume-size", "100", "--iops", "3000", NULL };

  assert_bad_values ("ebs-iops", ebs_bad_values, G_N_ELEMENTS (ebs_bad_values), required);
}

static void
test_cli_calc_api (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (api_cases); i++)
    {
      const ApiCase *c = &api_cases[i];
      Args args = { { "--calc", "api-throttling" }, 2 };
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object, *inputs, *result;

      g_test_message ("case %u", i);
      args_add (&args, "--rate", c->rate);
      args_add (&args, "--burst", c->burst);
      args_add (&args, "--rate-limit", c->rate_limit);
      args_add (&args, "--burst-limit", c->burst_limit);
      object = check_answer (&args, "api-throttling", "requests", &root);

      inputs = json_object_get_object_member (object, "inputs");
      g_assert_cmpfloat (json_object_get_double_member (inputs, "rate_limit"), ==,
                         c->rate_limit != NULL ? g_ascii_strtod (c->rate_limit, NULL) : 10000);
      g_assert_cmpint (json_object_get_int_member (inputs, "burst_limit"), ==,
                       c->burst_limit != NULL ? atoi (c->burst_limit) : 5000);
      result = json_object_get_object_member (object, "result");
      g_assert_cmpfloat (json_object_get_double_member (result, "value"), ==, c->throttled);
      g_assert_cmpfloat (json_object_get_double_member (result, "accepted"), ==, c->accepted);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "throttled_rate"),
                                      c->throttled_rate, 1e-9);
      if (c->refill_seconds < 0)
        g_assert_true (json_object_get_null_member (result, "refill_seconds"));
      else
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "refill_seconds"),
                                        c->refill_seconds, 1e-9);
      if (c->working != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "working"), ==, c->working);
    }
}

static void
test_cli_calc_api_bad (void)
{
  const char * const required[] = { "--rate", "1", "--burst", "1", NULL };

  assert_bad_values ("api-throttling", api_bad_values, G_N_ELEMENTS (api_bad_values), required);
}

static void
test_cli_calc_sqs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sqs_cases); i++)
    {
      const SqsCase *c = &sqs_cases[i];
      Args args = { { "--calc", "sqs-visibility" }, 2 };
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object, *inputs, *result;
      JsonArray *events;

      g_test_message ("case %u", i);
      args_add (&args, "--visibility-timeout", c->timeout);
      args_add (&args, "--processing", c->processing);
      args_add (&args, "--max-receive-count", c->max_receive_count);
      args_add (&args, "--failures", c->failures);
      object = check_answer (&args, "sqs-visibility", "receives", &root);

      inputs = json_object_get_object_member (object, "inputs");
      g_assert_cmpint (json_object_get_int_member (inputs, "visibility_timeout"), ==,
                       c->timeout != NULL ? atoi (c->timeout) : 30);
      if (c->max_receive_count == NULL)
        g_assert_true (json_object_get_null_member (inputs, "max_receive_count"));
      else
        g_assert_cmpint (json_object_get_int_member (inputs, "max_receive_count"), ==,
                         atoi (c->max_receive_count));
      result = json_object_get_object_member (object, "result");
      g_assert_cmpstr (json_object_get_string_member (result, "outcome"), ==, c->outcome);
      if (g_str_equal (c->outcome, "endless"))
        {
          g_assert_true (json_object_get_null_member (result, "value"));
          g_assert_true (json_object_get_null_member (result, "duplicates"));
        }
      else
        {
          g_assert_cmpint (json_object_get_int_member (result, "value"), ==, c->receives);
          g_assert_cmpint (json_object_get_int_member (result, "duplicates"), ==, c->duplicates);
        }
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "outcome_seconds"),
                                      c->outcome_seconds, 1e-9);
      events = json_object_get_array_member (result, "events");
      g_assert_cmpuint (json_array_get_length (events), ==, c->n_events);
      g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (events, 0),
                                                       "description"));
      if (c->working != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "working"), ==, c->working);
    }
}

static void
test_cli_calc_sqs_bad (void)
{
  const char * const required[] = { "--processing", "10", NULL };

  assert_bad_values ("sqs-visibility", sqs_bad_values, G_N_ELEMENTS (sqs_bad_values), required);
}

/* Requests that are not a calculation: missing or foreign parameters, unknown calculators,
 * parameters without --calc. */
static void
test_cli_calc_usage (void)
{
  const struct { const char *named; const char *argv[13]; } cases[] = {
    { "--write-mb", { "--calc", "kinesis-shards", "--records", "1" } },
    { "--records", { "--calc", "kinesis-shards", "--write-mb", "1" } },
    { "--rate",
     { "--calc", "kinesis-shards", "--write-mb", "1", "--records", "1", "--rate", "1" } },
    { "--consumers", { "--calc", "kinesis-shards", "--write-mb", "1", "--records", "1",
                       "--consumers", "21", "--fan-out", "yes" } },
    { "--item-size", { "--calc", "kinesis-shards", "--write-mb", "1", "--records", "1",
                       "--item-size", "1" } },
    { "kinesis-shards", { "--calc", "kinesis" } },
    { "kinesis-shards", { "--calc", "" } },
    { "--write-mb", { "--write-mb", "1" } },
    { "--duration", { "--calc", "lambda-concurrency", "--rate", "1" } },
    { "--rate", { "--calc", "lambda-concurrency", "--duration", "1" } },
    { "--records", { "--calc", "lambda-concurrency", "--rate", "1", "--duration", "1",
                     "--records", "1" } },
    { "--consistency", { "--calc", "lambda-concurrency", "--rate", "1", "--duration", "1",
                         "--consistency", "strong" } },
    { "lambda-concurrency", { "--calc", "lambda" } },
    { "ebs-iops", { "--calc", "gp2" } },
    { "sqs-visibility", { "--calc", "sqs" } },
    { "--processing", { "--calc", "sqs-visibility" } },
    { "--processing", { "--calc", "sqs-visibility", "--visibility-timeout", "30" } },
    { "--rate", { "--calc", "sqs-visibility", "--processing", "1", "--rate", "1" } },
    { "--processing", { "--calc", "lambda-concurrency", "--rate", "1", "--duration", "1",
                        "--processing", "1" } },
    { "--burst", { "--calc", "api-throttling", "--rate", "1" } },
    { "--duration", { "--calc", "api-throttling", "--rate", "1", "--burst", "1",
                      "--duration", "1" } },
    { "--burst", { "--calc", "lambda-concurrency", "--rate", "1", "--duration", "1",
                   "--burst", "1" } },
    { "--iops", { "--calc", "ebs-iops", "--volume-size", "100" } },
    { "--rate", { "--calc", "ebs-iops", "--volume-size", "100", "--iops", "1", "--rate", "1" } },
    { "--duration", { "--calc", "ebs-iops", "--volume-size", "100", "--iops", "1",
                      "--duration", "1" } },
    { "--duration", { "--capacity", "read", "--consistency", "strong", "--item-size", "1",
                      "--rate", "1", "--duration", "1" } },
    { "--records", { "--capacity", "read", "--consistency", "strong", "--item-size", "1",
                     "--rate", "1", "--records", "1" } },
    { "--calc", { "--calc", "help", "--list" } },
    { "--calc", { "--calc" } },
    { "--write-mb", { "--calc", "help", "--write-mb", "1" } },
    { "--write-mb", { "--calc", "kinesis-shards", "--write-mb", "1", "--write-mb", "2",
                      "--records", "1" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Args args = { { NULL }, 0 };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      for (guint j = 0; cases[i].argv[j] != NULL; j++)
        args.argv[args.len++] = cases[i].argv[j];

      g_test_message ("case %u: %s", i, cases[i].named);
      status = run_args (&args, &out, &err);
      assert_usage_error (status, out, err, cases[i].named);
    }
}

/* --calc help names every calculator and every parameter, with its default. */
static void
test_cli_calc_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *calculators;
  gboolean found = FALSE;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--calc", "help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "kinesis-shards\t"));
  g_assert_nonnull (strstr (out, "  --write-mb\t"));
  g_assert_nonnull (strstr (out, "  --fan-out\t"));
  g_assert_nonnull (strstr (out, "(default no)"));
  g_assert_nonnull (strstr (out, "lambda-concurrency\t"));
  g_assert_nonnull (strstr (out, "  --account-limit\t"));
  g_assert_nonnull (strstr (out, "(default 1000)"));
  g_assert_nonnull (strstr (out, "ebs-iops\t"));
  g_assert_nonnull (strstr (out, "  --volume-size\t"));
  g_assert_nonnull (strstr (out, "  --throughput\t"));
  g_assert_nonnull (strstr (out, "api-throttling\t"));
  g_assert_nonnull (strstr (out, "  --burst-limit\t"));
  g_assert_nonnull (strstr (out, "(default 5000)"));
  g_assert_nonnull (strstr (out, "sqs-visibility\t"));
  g_assert_nonnull (strstr (out, "  --visibility-timeout\t"));
  g_assert_nonnull (strstr (out, "  --max-receive-count\t"));
  g_assert_nonnull (strstr (out, "(default 30)"));

  g_assert_cmpint (nimbus_test_run_nimbus (&json, NULL, "--calc", "help", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  calculators = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (calculators); i++)
    {
      JsonObject *calculator = json_array_get_object_element (calculators, i);
      JsonArray *params = json_object_get_array_member (calculator, "params");

      g_assert_nonnull (json_object_get_string_member (calculator, "summary"));
      g_assert_cmpuint (json_array_get_length (params), >, 0);
      if (g_str_equal (json_object_get_string_member (calculator, "name"), "kinesis-shards"))
        {
          JsonObject *consumers = json_array_get_object_element (params, 2);

          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (consumers, "name"), ==, "consumers");
          g_assert_cmpstr (json_object_get_string_member (consumers, "default"), ==, "1");
        }
    }
  g_assert_true (found);

  /* --help lists the options. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--calc=NAME"));
  g_assert_nonnull (strstr (out, "--write-mb=MB"));
  g_assert_nonnull (strstr (out, "--duration=SECONDS"));
  g_assert_nonnull (strstr (out, "--volume-size=GiB"));
  g_assert_nonnull (strstr (out, "--rate-limit=N"));
  g_assert_nonnull (strstr (out, "--visibility-timeout=SECONDS"));
  g_assert_nonnull (strstr (out, "--max-receive-count=N"));
}

/* A fact block of the knowledge base, as `nimbus --show SECTION --json` gives it. */
static JsonObject *
kb_fact_block (const char  *section,
               const char  *fact,
               JsonNode   **root)
{
  g_autofree char *out = NULL;
  g_autofree char *id = g_strconcat (section, "#", fact, NULL);
  JsonObject *entry;
  JsonArray *blocks;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--show", section, "--json", NULL), ==, 0);
  entry = parse_object (out, root);
  blocks = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (entry, "sections"), 0),
    "blocks");

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      if (g_str_equal (json_object_get_string_member (block, "type"), "fact") &&
          g_str_equal (json_object_get_string_member_with_default (block, "id", ""), id))
        return block;
    }

  g_error ("No fact %s in the knowledge base", id);
}

/* A fact's value as a number: "16,000" is 16000. */
static double
kb_fact (const char *section,
         const char *fact)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *block = kb_fact_block (section, fact, &root);
  g_autoptr(GString) value = g_string_new (json_object_get_string_member (block, "value"));
  char *end = NULL;
  double number;

  g_string_replace (value, ",", "", 0);
  number = g_ascii_strtod (value->str, &end);
  g_assert_true (end != value->str && *end == '\0');

  return number;
}

/* A fact's note, which holds figures that are not its value. */
static char *
kb_fact_note (const char *section,
              const char *fact)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *block = kb_fact_block (section, fact, &root);

  return g_strdup (json_object_get_string_member_with_default (block, "note", ""));
}

/* The limits the calculators use are the knowledge base's key numbers. */
static void
test_cli_calc_kb_facts (void)
{
  g_autofree char *note = NULL;

  g_assert_cmpfloat (kb_fact ("ebs/gp2-performance", "iops-per-gib"), ==, NIMBUS_GP2_IOPS_PER_GIB);
  g_assert_cmpfloat (kb_fact ("ebs/gp2-performance", "min-iops"), ==, NIMBUS_GP2_MIN_IOPS);
  g_assert_cmpfloat (kb_fact ("ebs/gp2-performance", "max-iops"), ==, NIMBUS_GP2_MAX_IOPS);
  g_assert_cmpfloat (kb_fact ("ebs/gp2-performance", "max-iops-size"), ==,
                     ceil (NIMBUS_GP2_MAX_IOPS / NIMBUS_GP2_IOPS_PER_GIB));
  g_assert_cmpfloat (kb_fact ("ebs/gp2-performance", "burst-iops"), ==, NIMBUS_GP2_BURST_IOPS);
  note = kb_fact_note ("ebs/gp2-performance", "burst-iops");
  g_assert_cmpfloat (NIMBUS_GP2_CREDITS, ==, 5.4e6);
  g_assert_nonnull (strstr (note, "5.4 million credits"));
  g_assert_cmpfloat (kb_fact ("ebs/gp3", "baseline-iops"), ==, NIMBUS_GP3_BASELINE_IOPS);
  g_assert_cmpfloat (kb_fact ("ebs/gp3", "baseline-throughput"), ==, NIMBUS_GP3_BASELINE_MIBS);
  g_assert_cmpfloat (kb_fact ("ebs/gp3", "max-iops"), ==, NIMBUS_GP3_MAX_IOPS);
  g_assert_cmpfloat (kb_fact ("ebs/gp3", "max-throughput"), ==, NIMBUS_GP3_MAX_MIBS);
  g_assert_cmpfloat (kb_fact ("ebs/provisioned-iops", "io2-max-iops"), ==, NIMBUS_EBS_MAX_IOPS);
  g_assert_cmpfloat (kb_fact ("ebs/provisioned-iops", "io2-max-throughput"), ==,
                     NIMBUS_EBS_MAX_MIBS);
  g_assert_cmpfloat (kb_fact ("api-gateway/throttling", "steady-state"), ==,
                     NIMBUS_API_RATE_LIMIT);
  g_assert_cmpfloat (kb_fact ("api-gateway/throttling", "burst"), ==, NIMBUS_API_BURST_LIMIT);
  g_assert_cmpfloat (kb_fact ("lambda/concurrency", "account-concurrency"), ==,
                     NIMBUS_LAMBDA_ACCOUNT_CONCURRENCY);
  g_assert_cmpfloat (kb_fact ("lambda/concurrency", "unreserved-minimum"), ==,
                     NIMBUS_LAMBDA_UNRESERVED_MINIMUM);
  g_assert_cmpfloat (kb_fact ("lambda/concurrency", "scaling-rate"), ==,
                     NIMBUS_LAMBDA_SCALING_STEP);
  g_assert_cmpfloat (kb_fact ("lambda/quotas", "timeout-max"), ==, NIMBUS_LAMBDA_MAX_DURATION);
  g_assert_cmpfloat (kb_fact ("kinesis/shards", "shard-write-mb"), ==,
                     NIMBUS_KINESIS_SHARD_WRITE_MB);
  g_assert_cmpfloat (kb_fact ("kinesis/shards", "shard-write-records"), ==,
                     NIMBUS_KINESIS_SHARD_WRITE_RECORDS);
  g_assert_cmpfloat (kb_fact ("kinesis/shards", "shard-read"), ==, NIMBUS_KINESIS_SHARD_READ_MB);
  g_assert_cmpfloat (kb_fact ("kinesis/consumers-and-kcl", "efo-consumers"), ==,
                     NIMBUS_KINESIS_MAX_FAN_OUT_CONSUMERS);
  g_assert_cmpfloat (kb_fact ("sqs/visibility-timeout", "default"), ==,
                     NIMBUS_SQS_DEFAULT_TIMEOUT);
  g_assert_cmpfloat (kb_fact ("sqs/visibility-timeout", "minimum"), ==, 0);
  g_assert_cmpfloat (kb_fact ("sqs/visibility-timeout", "maximum") * 3600, ==,
                     NIMBUS_SQS_MAX_TIMEOUT);
  {
    g_autoptr(JsonNode) root = NULL;
    JsonObject *block = kb_fact_block ("sqs/visibility-timeout", "maximum", &root);
    g_autoptr(JsonNode) range_root = NULL;
    JsonObject *range = kb_fact_block ("sqs/dead-letter-queues", "max-receive-count",
                                       &range_root);
    g_autofree char *most = g_strdup_printf ("1-%d,%03d",
                                             (int) NIMBUS_SQS_MAX_RECEIVE_COUNT / 1000,
                                             (int) NIMBUS_SQS_MAX_RECEIVE_COUNT % 1000);

    g_assert_cmpstr (json_object_get_string_member (block, "unit"), ==, "hours");
    g_assert_cmpstr (json_object_get_string_member (range, "value"), ==, most);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/cli/calc/lambda-concurrency", test_cli_calc_lambda);
  g_test_add_func ("/nimbus/cli/calc/lambda-concurrency-bad", test_cli_calc_lambda_bad);
  g_test_add_func ("/nimbus/cli/calc/ebs-iops", test_cli_calc_ebs);
  g_test_add_func ("/nimbus/cli/calc/ebs-iops-bad", test_cli_calc_ebs_bad);
  g_test_add_func ("/nimbus/cli/calc/kinesis-shards", test_cli_calc_kinesis);
  g_test_add_func ("/nimbus/cli/calc/kinesis-shards-bad", test_cli_calc_kinesis_bad);
  g_test_add_func ("/nimbus/cli/calc/api-throttling", test_cli_calc_api);
  g_test_add_func ("/nimbus/cli/calc/api-throttling-bad", test_cli_calc_api_bad);
  g_test_add_func ("/nimbus/cli/calc/sqs-visibility", test_cli_calc_sqs);
  g_test_add_func ("/nimbus/cli/calc/sqs-visibility-bad", test_cli_calc_sqs_bad);
  g_test_add_func ("/nimbus/cli/calc/usage", test_cli_calc_usage);
  g_test_add_func ("/nimbus/cli/calc/help", test_cli_calc_help);
  g_test_add_func ("/nimbus/cli/calc/kb-facts", test_cli_calc_kb_facts);

  return g_test_run ();
}
