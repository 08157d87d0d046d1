/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "nimbus-test-utils.h"

/* Search as the contract promises it: corrections said on stderr, scopes, a service's own
 * name opening its page. */

static JsonArray *
search_json (JsonParser  *parser,
             char       **err,
             int          expected_status,
             const char  *first_arg,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  const char *arg;
  va_list list;

  g_ptr_array_add (args, (char *) g_getenv ("NIMBUS_BIN"));
  va_start (list, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  g_ptr_array_add (args, "--json");
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (nimbus_test_spawn ((const char * const *) args->pdata, &out, err), ==,
                   expected_status);
  if (expected_status != 0)
    return NULL;
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  return json_node_get_array (json_parser_get_root (parser));
}

static const char *
hit_member (JsonArray  *hits,
            guint       index,
            const char *member)
{
  return json_object_get_string_member (json_array_get_object_element (hits, index), member);
}

static void
test_cli_search_corrected (void)
{
  static const char * const cases[][3] = {
    { "visibilty timout", "visibility timeout", "sqs/visibility-timeout" },
    { "dynamo db streams", "dynamodb streams", "dynamodb/streams" },
    { "cloud front signed cookies", "cloudfront signed cookies", "cloudfront" },
    { "lambda reserved concurency", "lambda reserved concurrency", "lambda" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *err = NULL;
      g_autofree char *expected = g_strdup_printf ("Showing results for “%s”\n", cases[i][1]);
      JsonArray *hits = search_json (parser, &err, 0, "--search", cases[i][0], NULL);

      g_assert_cmpstr (err, ==, expected);
      g_assert_cmpuint (json_array_get_length (hits), >, 0);
      g_assert_true (g_str_has_prefix (hit_member (hits, 0, "id"), cases[i][2]));
    }

  /* Spelt right, nothing is said. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *err = NULL;

    search_json (parser, &err, 0, "--search", "visibility timeout", NULL);
    g_assert_cmpstr (err, ==, "");
  }
}

static void
test_cli_search_scope (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) typed_parser = json_parser_new ();
  g_autofree char *err = NULL;
  JsonArray *hits = search_json (parser, &err, 0, "--search", "ordering", "--service", "sqs",
                                 "--limit", "50", NULL);
  JsonArray *typed = search_json (typed_parser, NULL, 0, "--search", "in:sqs ordering",
                                  "--limit", "50", NULL);

  g_assert_cmpuint (json_array_get_length (hits), >, 2);
  g_assert_cmpuint (json_array_get_length (hits), ==, json_array_get_length (typed));
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      g_assert_cmpstr (hit_member (hits, i, "service"), ==, "sqs");
      g_assert_cmpstr (hit_member (hits, i, "id"), ==, hit_member (typed, i, "id"));
    }

  g_clear_pointer (&err, g_free);
  search_json (parser, &err, 1, "--search", "ordering", "--service", "no-such-service", NULL);
  g_assert_nonnull (strstr (err, "no-such-service"));
  g_clear_pointer (&err, g_free);
  search_json (parser, &err, 1, "--search", "ordering", "--service", "sqs/fifo", NULL);
  g_clear_pointer (&err, g_free);
  search_json (parser, &err, 2, "--service", "sqs", NULL);
  g_assert_nonnull (strstr (err, "--service"));
}

/* A service's own name, however it is written, opens with that service's page; another
 * name that means it (a feature, an acronym) keeps to its pages. */
static void
test_cli_search_service_names (void)
{
  static const char * const pages[][2] = {
    { "dynamodb", "dynamodb" }, { "DynamoDB", "dynamodb" }, { "lambda", "lambda" },
    { "Amazon Simple Queue Service", "sqs" }, { "Simple Queue Service", "sqs" },
    { "amazon sqs", "sqs" }, { "cloudwatch", "cloudwatch" }, { "Route 53", "route53" },
    { "AWS Elastic Beanstalk", "elastic-beanstalk" },
  };
  static const char * const services[][2] = {
    { "ALB", "elb" }, { "Parameter Store", "systems-manager" },
    { "AWS SSO", "iam-identity-center" },
    { "dynamodb streams", "dynamodb" }, { "Fargate", "ecs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *hits = search_json (parser, NULL, 0, "--search", pages[i][0], NULL);

      g_test_message ("%s", pages[i][0]);
      g_assert_cmpuint (json_array_get_length (hits), >, 0);
      g_assert_cmpstr (hit_member (hits, 0, "id"), ==, pages[i][1]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *hits = search_json (parser, NULL, 0, "--search", services[i][0], NULL);

      g_test_message ("%s", services[i][0]);
      g_assert_cmpuint (json_array_get_length (hits), >, 1);
      g_assert_cmpstr (hit_member (hits, 0, "service"), ==, services[i][1]);
      g_assert_cmpstr (hit_member (hits, 1, "service"), ==, services[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/cli-search/corrected", test_cli_search_corrected);
  g_test_add_func ("/nimbus/cli-search/scope", test_cli_search_scope);
  g_test_add_func ("/nimbus/cli-search/service-names", test_cli_search_service_names);

  return g_test_run ();
}
