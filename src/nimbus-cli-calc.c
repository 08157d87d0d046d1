/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-cli-calc"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nimbus-cli.h"
#include "nimbus-cli-calc.h"
#include "nimbus-api-throttling.h"
#include "nimbus-ebs-iops.h"
#include "nimbus-enum.h"
#include "nimbus-kinesis-shards.h"
#include "nimbus-lambda-concurrency.h"
#include "nimbus-sqs-visibility.h"

/* nimbus --calc NAME --PARAM VALUE ... [--json] (../shared/CLI.md): pure arithmetic, no
 * knowledge base. The answer is built here and printed by nimbus-cli.c; bad or missing
 * parameters are usage errors that name them. */

typedef gboolean (*ParseFunc) (gpointer     input,
                               const char  *name,
                               const char  *text,
                               GError     **error);
typedef const NimbusCalcParam *(*ParamsFunc) (guint *n_params);

typedef struct
{
  const char *name;
  const char *summary;
  ParamsFunc params;
  char *(*answer) (GHashTable  *given,
                   gboolean     json,
                   GError     **error);
} Calculator;

/* The given parameters in the calculator's order, so the first bad one is always the same;
 * names it does not take were refused before. */
static gboolean
parse_given (GHashTable  *given,
             ParamsFunc   params_func,
             ParseFunc    parse,
             gpointer     input,
             GError     **error)
{
  guint n_params;
  const NimbusCalcParam *params = params_func (&n_params);

  for (guint j = 0; j < n_params; j++)
    {
      const char *text = g_hash_table_lookup (given, params[j].name);

      if (text != NULL && !parse (input, params[j].name, text, error))
        return FALSE;
    }

  return TRUE;
}

/* {"calc": NAME, "inputs": {, ...} : the caller adds the inputs. */
static JsonBuilder *
begin_answer (const char *calculator)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  nimbus_cli_add_string (builder, "calc", calculator);
  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_object (builder);

  return builder;
}

/* }, "result": {"value": V, "unit": U, ... : the caller adds the details. */
static void
begin_result (JsonBuilder *builder,
              double       value,
              const char  *unit)
{
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  nimbus_cli_add_number (builder, "value", value);
  nimbus_cli_add_string (builder, "unit", unit);
}

/* }, "working": W} as text */
static char *
end_answer (JsonBuilder *builder,
            const char  *working)
{
  json_builder_end_object (builder);
  nimbus_cli_add_string (builder, "working", working);
  json_builder_end_object (builder);

  return nimbus_cli_dup_json (builder);
}

static gboolean
parse_lambda_concurrency (gpointer     input,
                          const char  *name,
                          const char  *text,
                          GError     **error)
{
  return nimbus_lambda_concurrency_parse (input, name, text, error);
}

static char *
answer_lambda_concurrency (GHashTable  *given,
                           gboolean     json,
                           GError     **error)
{
  g_autoptr(NimbusLambdaConcurrency) r = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  NimbusLambdaConcurrencyInput input;

  nimbus_lambda_concurrency_input_init (&input);
  if (!parse_given (given, nimbus_lambda_concurrency_params, parse_lambda_concurrency, &input,
                    error) ||
      (r = nimbus_lambda_concurrency_compute (&input, error)) == NULL)
    return NULL;

  if (!json)
    {
      g_autofree char *needed = g_strdup_printf ("%" G_GUINT64_FORMAT, r->needed);

      return g_strdup_printf (ngettext ("%s concurrent execution\n%s\n",
                                        "%s concurrent executions\n%s\n", r->needed),
                              needed, r->working);
    }

  builder = begin_answer ("lambda-concurrency");
  nimbus_cli_add_number (builder, "rate", r->input.rate);
  nimbus_cli_add_number (builder, "duration", r->input.duration);
  nimbus_cli_add_number (builder, "account_limit", r->input.account_limit);
  nimbus_cli_add_number (builder, "reserved", r->input.reserved);
  nimbus_cli_add_number (builder, "provisioned", r->input.provisioned);
  begin_result (builder, r->needed, r->unit);
  nimbus_cli_add_number (builder, "needed_exact", r->needed_exact);
  nimbus_cli_add_number (builder, "limit", r->limit);
  nimbus_cli_add_boolean (builder, "throttled", r->throttled);
  nimbus_cli_add_number (builder, "headroom", r->headroom);
  nimbus_cli_add_number (builder, "throttled_rate", r->throttled_rate);
  nimbus_cli_add_number (builder, "scaling_seconds", r->scaling_seconds);
  return end_answer (builder, r->working);
}

static gboolean
parse_kinesis_shards (gpointer     input,
                      const char  *name,
                      const char  *text,
                      GError     **error)
{
  return nimbus_kinesis_shards_parse (input, name, text, error);
}

static char *
answer_kinesis_shards (GHashTable  *given,
                       gboolean     json,
                       GError     **error)
{
  g_autoptr(NimbusKinesisShards) r = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  NimbusKinesisShardsInput input;

  nimbus_kinesis_shards_input_init (&input);
  if (!parse_given (given, nimbus_kinesis_shards_params, parse_kinesis_shards, &input, error) ||
      (r = nimbus_kinesis_shards_compute (&input, error)) == NULL)
    return NULL;

  if (!json)
    {
      g_autofree char *shards = g_strdup_printf ("%" G_GUINT64_FORMAT, r->shards);

      return g_strdup_printf (ngettext ("%s shard\n%s\n", "%s shards\n%s\n", r->shards),
                              shards, r->working);
    }

  builder = begin_answer ("kinesis-shards");
  nimbus_cli_add_number (builder, "write_mb", r->input.write_mb);
  nimbus_cli_add_number (builder, "records", r->input.records);
  nimbus_cli_add_number (builder, "consumers", r->input.consumers);
  nimbus_cli_add_boolean (builder, "fan_out", r->input.fan_out);
  begin_result (builder, r->shards, r->unit);
  nimbus_cli_add_number (builder, "write_shards", r->write_shards);
  nimbus_cli_add_number (builder, "records_shards", r->records_shards);
  nimbus_cli_add_number (builder, "read_shards", r->read_shards);
  nimbus_cli_add_number (builder, "write_need", r->write_need);
  nimbus_cli_add_number (builder, "records_need", r->records_need);
  nimbus_cli_add_number (builder, "read_need", r->read_need);
  return end_answer (builder, r->working);
}

static gboolean
parse_ebs_iops (gpointer     input,
                const char  *name,
                const char  *text,
                GError     **error)
{
  return nimbus_ebs_iops_parse (input, name, text, error);
}

static char *
answer_ebs_iops (GHashTable  *given,
                 gboolean     json,
                 GError     **error)
{
  g_autoptr(NimbusEbsIops) r = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *baseline = NULL;
  NimbusEbsIopsInput input;

  nimbus_ebs_iops_input_init (&input);
  if (!parse_given (given, nimbus_ebs_iops_params, parse_ebs_iops, &input, error) ||
      (r = nimbus_ebs_iops_compute (&input, error)) == NULL)
    return NULL;

  if (!json)
    {
      baseline = nimbus_calc_format (r->baseline);
      /* Translators: the first line of the answer, "300 IOPS gp2 baseline" */
      return g_strdup_printf (_("%s IOPS gp2 baseline\n%s\n"), baseline, r->working);
    }

  builder = begin_answer ("ebs-iops");
  nimbus_cli_add_number (builder, "volume_size", r->input.size);
  nimbus_cli_add_number (builder, "iops", r->input.iops);
  nimbus_cli_add_number (builder, "throughput", r->input.throughput);
  begin_result (builder, r->baseline, r->unit);
  nimbus_cli_add_boolean (builder, "meets", r->meets);
  nimbus_cli_add_boolean (builder, "bursts", r->bursts);
  nimbus_cli_add_number (builder, "burst_iops", r->burst_iops);
  nimbus_cli_add_number (builder, "burst_seconds", r->burst_seconds);
  json_builder_set_member_name (builder, "gp3");
  json_builder_begin_object (builder);
  nimbus_cli_add_number (builder, "iops", r->gp3_iops);
  nimbus_cli_add_number (builder, "throughput", r->gp3_throughput);
  nimbus_cli_add_number (builder, "max_iops", r->gp3_max_iops);
  nimbus_cli_add_boolean (builder, "fits", r->gp3_fits);
  json_builder_end_object (builder);
  return end_answer (builder, r->working);
}

static gboolean
parse_api_throttling (gpointer     input,
                      const char  *name,
                      const char  *text,
                      GError     **error)
{
  return nimbus_api_throttling_parse (input, name, text, error);
}

static char *
answer_api_throttling (GHashTable  *given,
                       gboolean     json,
                       GError     **error)
{
  g_autoptr(NimbusApiThrottling) r = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  NimbusApiThrottlingInput input;

  nimbus_api_throttling_input_init (&input);
  if (!parse_given (given, nimbus_api_throttling_params, parse_api_throttling, &input, error) ||
      (r = nimbus_api_throttling_compute (&input, error)) == NULL)
    return NULL;

  if (!json)
    {
      g_autofree char *throttled = nimbus_calc_format (r->throttled);
      g_autofree char *burst = nimbus_calc_format (r->input.burst);

      /* Translators: the first line of the answer, "1000 of 6000 requests get 429" */
      return g_strdup_printf (_("%s of %s requests get 429\n%s\n"), throttled, burst, r->working);
    }

  builder = begin_answer ("api-throttling");
  nimbus_cli_add_number (builder, "rate", r->input.rate);
  nimbus_cli_add_number (builder, "burst", r->input.burst);
  nimbus_cli_add_number (builder, "rate_limit", r->input.rate_limit);
  nimbus_cli_add_number (builder, "burst_limit", r->input.burst_limit);
  begin_result (builder, r->throttled, r->unit);
  nimbus_cli_add_number (builder, "accepted", r->accepted);
  nimbus_cli_add_number (builder, "throttled", r->throttled);
  nimbus_cli_add_number (builder, "tokens", r->tokens);
  nimbus_cli_add_number (builder, "throttled_rate", r->throttled_rate);
  /* null: the bucket never refills while the steady rate uses every token. */
  nimbus_cli_add_number (builder, "refill_seconds",
                         isinf (r->refill_seconds) ? NAN : r->refill_seconds);
  return end_answer (builder, r->working);
}

static gboolean
parse_sqs_visibility (gpointer     input,
                      const char  *name,
                      const char  *text,
                      GError     **error)
{
  return nimbus_sqs_visibility_parse (input, name, text, error);
}

static void
add_events (JsonBuilder               *builder,
            const NimbusSqsVisibility *r)
{
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < r->events->len; i++)
    {
      const NimbusSqsEvent *event = g_ptr_array_index (r->events, i);

      json_builder_begin_object (builder);
      nimbus_cli_add_number (builder, "time", event->time);
      nimbus_cli_add_string (builder, "kind",
                             nimbus_enum_get_nick (NIMBUS_TYPE_SQS_EVENT_KIND, event->kind));
      nimbus_cli_add_number (builder, "receive", event->receive);
      nimbus_cli_add_string (builder, "description", event->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
answer_sqs_visibility (GHashTable  *given,
                       gboolean     json,
                       GError     **error)
{
  g_autoptr(NimbusSqsVisibility) r = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean endless;
  NimbusSqsVisibilityInput input;

  nimbus_sqs_visibility_input_init (&input);
  if (!parse_given (given, nimbus_sqs_visibility_params, parse_sqs_visibility, &input, error) ||
      (r = nimbus_sqs_visibility_compute (&input, error)) == NULL)
    return NULL;

  endless = r->outcome == NIMBUS_SQS_OUTCOME_ENDLESS;
  if (!json && endless)
    return g_strdup_printf (_("Received by every poll\n%s\n"), r->working);
  if (!json)
    return g_strdup_printf (ngettext ("%u receive\n%s\n", "%u receives\n%s\n", r->receives),
                            r->receives, r->working);

  builder = begin_answer ("sqs-visibility");
  nimbus_cli_add_number (builder, "visibility_timeout", r->input.timeout);
  nimbus_cli_add_number (builder, "processing", r->input.processing);
  nimbus_cli_add_number (builder, "max_receive_count", r->input.max_receive_count);
  nimbus_cli_add_number (builder, "failures", r->input.failures);
  /* null: without end, a timeout of 0 and no dead-letter queue. */
  begin_result (builder, endless ? NAN : r->receives, r->unit);
  nimbus_cli_add_number (builder, "duplicates", endless ? NAN : r->duplicates);
  nimbus_cli_add_string (builder, "outcome",
                         nimbus_enum_get_nick (NIMBUS_TYPE_SQS_OUTCOME, r->outcome));
  nimbus_cli_add_number (builder, "outcome_seconds", r->outcome_seconds);
  nimbus_cli_add_number (builder, "margin", r->margin);
  add_events (builder, r);
  return end_answer (builder, r->working);
}

static const Calculator calculators[] = {
  { "lambda-concurrency",
    N_("Lambda concurrent executions for a request rate, throttling and scaling time"),
    nimbus_lambda_concurrency_params, answer_lambda_concurrency },
  { "kinesis-shards", N_("Kinesis Data Streams provisioned shards for a write and read load"),
    nimbus_kinesis_shards_params, answer_kinesis_shards },
  { "ebs-iops", N_("gp2 baseline and burst for a volume size and IOPS demand, with gp3 to compare"),
    nimbus_ebs_iops_params, answer_ebs_iops },
  { "sqs-visibility",
    N_("SQS visibility timeout against processing time: receives, duplicates and the DLQ"),
    nimbus_sqs_visibility_params, answer_sqs_visibility },
  { "api-throttling",
    N_("API Gateway token bucket: requests of a burst accepted or throttled, and refill time"),
    nimbus_api_throttling_params, answer_api_throttling },
};

static char *
dup_param_default (const NimbusCalcParam *param)
{
  if (param->default_value != NULL)
    return g_strdup_printf (_("default %s"), param->default_value);

  return g_strdup (param->required ? _("required") : _("optional"));
}

static char *
dup_help_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (calculators); i++)
    {
      guint n_params;
      const NimbusCalcParam *params = calculators[i].params (&n_params);

      g_string_append_printf (text, "%s\t%s\n", calculators[i].name, _(calculators[i].summary));
      for (guint j = 0; j < n_params; j++)
        {
          g_autofree char *note = dup_param_default (&params[j]);

          g_string_append_printf (text, "  --%s\t%s (%s)\n", params[j].name,
                                  _(params[j].meaning), note);
        }
    }

  return g_string_free (text, FALSE);
}

static char *
dup_help_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (calculators); i++)
    {
      guint n_params;
      const NimbusCalcParam *params = calculators[i].params (&n_params);

      json_builder_begin_object (builder);
      nimbus_cli_add_string (builder, "name", calculators[i].name);
      nimbus_cli_add_string (builder, "summary", _(calculators[i].summary));
      json_builder_set_member_name (builder, "params");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_params; j++)
        {
          json_builder_begin_object (builder);
          nimbus_cli_add_string (builder, "name", params[j].name);
          nimbus_cli_add_string (builder, "meaning", _(params[j].meaning));
          json_builder_set_member_name (builder, "default");
          if (params[j].default_value != NULL)
            json_builder_add_string_value (builder, params[j].default_value);
          else
            json_builder_add_null_value (builder);
          nimbus_cli_add_boolean (builder, "required", params[j].required);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

static const Calculator *
find_calculator (const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (calculators); i++)
    {
      if (g_str_equal (name, calculators[i].name))
        return &calculators[i];
      g_strv_builder_add (builder, calculators[i].name);
    }

  names = g_strv_builder_end (builder);
  list = g_strjoinv (", ", names);
  nimbus_cli_usage_error (_("no calculator “%s”; the calculators are %s and help"), name, list);
  return NULL;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A parameter the calculator does not take is named, the first in alphabetical order. */
static gboolean
check_unknown (const Calculator *calculator,
               GHashTable       *given)
{
  g_autoptr(GError) error = NULL;
  guint n_names, n_params;
  g_autofree gpointer *names = g_hash_table_get_keys_as_array (given, &n_names);
  const NimbusCalcParam *params = calculator->params (&n_params);

  qsort (names, n_names, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n_names; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < n_params && !known; j++)
        known = g_str_equal (params[j].name, names[i]);

      if (!known)
        {
          nimbus_calc_set_unknown (calculator->name, names[i], &error);
          nimbus_cli_usage_error ("%s", error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/* The answer (text or JSON) in *answer for nimbus-cli.c to print, or a usage error. */
int
nimbus_cli_calc_run (const char  *name,
                     GHashTable  *params,
                     gboolean     json,
                     char       **answer)
{
  g_autoptr(GError) error = NULL;
  const Calculator *calculator;

  g_return_val_if_fail (name != NULL && answer != NULL, NIMBUS_EXIT_USAGE);

  if (g_str_equal (name, "help"))
    {
      g_autofree gpointer *names = (gpointer *) g_hash_table_get_keys_as_array (params, NULL);

      if (names[0] != NULL)
        {
          nimbus_cli_usage_error (_("--%s does not go with --calc help"), (char *) names[0]);
          return NIMBUS_EXIT_USAGE;
        }
      *answer = json ? dup_help_json () : dup_help_text ();
      return NIMBUS_EXIT_OK;
    }

  if ((calculator = find_calculator (name)) == NULL)
    return NIMBUS_EXIT_USAGE;

  if (!check_unknown (calculator, params))
    return NIMBUS_EXIT_USAGE;

  if ((*answer = calculator->answer (params, json, &error)) == NULL)
    {
      nimbus_cli_usage_error ("%s", error->message);
      return NIMBUS_EXIT_USAGE;
    }

  return NIMBUS_EXIT_OK;
}
