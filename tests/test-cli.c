/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nimbus-test-utils.h"

#include "capacity-cases.h"

/* The built nimbus binary, run as a real process without a display, against ../shared/CLI.md. */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* Bad usage: status 2, nothing on stdout, one line on stderr that points at --help. */
static void
assert_usage_error (const char *err,
                    const char *out)
{
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "--help"));
}

static void
test_cli_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "nimbus " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_list (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json_out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *array;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 72 + 1);
  g_assert_cmpstr (lines[0], ==, "acm\tACM\tSecurity, Identity & Compliance");

  g_assert_cmpint (nimbus_test_run_nimbus (&json_out, NULL, "--list", "--json", NULL), ==, 0);
  root = parse_json (json_out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 72);
  for (guint i = 0; i < 72; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, fields[0]);
      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, fields[1]);
      g_assert_cmpstr (json_object_get_string_member (object, "category"), ==, fields[2]);
    }
}

/* How many services of a --list --json answer are on exam; every service is on one at least,
 * and only on exams the knowledge base knows. */
static guint
count_on_exam (JsonArray  *array,
               const char *exam)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonArray *exams = json_object_get_array_member (json_array_get_object_element (array, i),
                                                       "exams");

      g_assert_cmpuint (json_array_get_length (exams), >=, 1);
      for (guint j = 0; j < json_array_get_length (exams); j++)
        {
          const char *id = json_array_get_string_element (exams, j);

          g_assert_true (g_str_equal (id, "dva-c02") || g_str_equal (id, "saa-c03"));
          n += g_str_equal (id, exam);
        }
    }

  return n;
}

static void
test_cli_list_exam (void)
{
  g_autofree char *all_json = NULL;
  g_autoptr(JsonNode) all = NULL;
  const char * const exams[] = { "dva-c02", "saa-c03" };
  /* One service only the Developer exam tests, one only the Architect's, one on both. */
  const char * const dva_only = "codecommit", * const saa_only = "direct-connect",
  * const both = "lambda";

  g_assert_cmpint (nimbus_test_run_nimbus (&all_json, NULL, "--list", "--json", NULL), ==, 0);
  all = parse_json (all_json);

  for (guint e = 0; e < G_N_ELEMENTS (exams); e++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *json_out = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      JsonArray *array;
      guint expected = count_on_exam (json_node_get_array (all), exams[e]);

      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--list", "--exam", exams[e], NULL), ==,
                       0);
      g_assert_cmpstr (err, ==, "");
      lines = g_strsplit (out, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, expected + 1);
      g_assert_cmpuint (expected, <, 72);
      for (guint i = 0; i < expected; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          g_ptr_array_add (ids, g_strdup (fields[0]));
        }
      g_ptr_array_add (ids, NULL);
      g_assert_true (g_strv_contains ((const char * const *) ids->pdata, both));
      g_assert_true (g_strv_contains ((const char * const *) ids->pdata, dva_only) == (e == 0));
      g_assert_true (g_strv_contains ((const char * const *) ids->pdata, saa_only) == (e == 1));
      g_ptr_array_set_free_func (ids, g_free);

      g_assert_cmpint (nimbus_test_run_nimbus (&json_out, NULL, "--list", "--exam", exams[e],
                                               "--json", NULL), ==, 0);
      root = parse_json (json_out);
      array = json_node_get_array (root);
      g_assert_cmpuint (json_array_get_length (array), ==, expected);
      g_assert_cmpuint (count_on_exam (array, exams[e]), ==, expected);
    }
}

static void
test_cli_list_exam_unknown (void)
{
  const char * const bad[] = { "dva-c01", "DVA-C02", "", "saa-c03 ", "all", "’; DROP TABLE" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--list", "--exam", bad[i], NULL), ==,
                       2);
      assert_usage_error (err, out);
      g_assert_nonnull (strstr (err, "dva-c02, saa-c03"));
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--exam", "dva-c02",
                                               i == 0 ? NULL : "--search", "sqs", NULL), ==, 2);
      assert_usage_error (err, out);
      g_assert_nonnull (strstr (err, "--exam goes with --list"));
    }
}

static void
test_cli_show (void)
{
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *entry;
  JsonArray *sections;
  gboolean has_fact = FALSE;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--show", "sqs", "--json", NULL), ==, 0);
  root = parse_json (out);
  entry = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, "sqs");
  g_assert_cmpstr (json_object_get_string_member (entry, "category"), ==,
                   "Application Integration");
  g_assert_true (json_object_has_member (entry, "summary"));
  g_assert_true (json_object_has_member (entry, "related"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "exams")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (entry, "exams"), 0),
                   ==, "dva-c02");
  sections = json_object_get_array_member (entry, "sections");
  g_assert_cmpuint (json_array_get_length (sections), >=, 5);

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      JsonArray *blocks = json_object_get_array_member (section, "blocks");

      g_assert_true (g_str_has_prefix (json_object_get_string_member (section, "id"), "sqs/"));
      for (guint j = 0; j < json_array_get_length (blocks); j++)
        {
          JsonObject *block = json_array_get_object_element (blocks, j);
          const char *type = json_object_get_string_member (block, "type");

          g_assert_true (g_strv_contains ((const char *[]) { "paragraph", "list", "table", "tip",
                                                             "fact", "widget", NULL }, type));
          if (g_str_equal (type, "fact") &&
              g_str_equal (json_object_get_string_member (block, "value"), "12"))
            {
              g_assert_cmpstr (json_object_get_string_member (block, "unit"), ==, "hours");
              has_fact = TRUE;
            }
        }
    }
  g_assert_true (has_fact);

  g_assert_cmpint (nimbus_test_run_nimbus (&text, NULL, "--show", "sqs", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (text, "SQS — Amazon Simple Queue Service\n"));
  g_assert_nonnull (strstr (text, "Visibility timeout  [sqs/visibility-timeout]"));
}

static void
test_cli_show_section (void)
{
  g_autofree char *out = NULL;
  g_autofree char *item = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *sections;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--show", "sqs/visibility-timeout",
                                           "--json", NULL), ==, 0);
  root = parse_json (out);
  sections = json_object_get_array_member (json_node_get_object (root), "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, 0),
                                                  "id"),
                   ==, "sqs/visibility-timeout");

  g_assert_cmpint (nimbus_test_run_nimbus (&item, NULL, "--show", "sqs/visibility-timeout#nope",
                                           NULL), ==, 1);
}

static void
test_cli_show_unknown (void)
{
  const char *ids[] = { "no-such-service", "sqs/nope", "nope/nope", "../../etc/passwd", "'; --",
                        "#", "s3#nonexistent", "s3#", "sqs/visibility-timeout#nope" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--show", ids[i], NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), ==, 1);
    }
}

static void
test_cli_search (void)
{
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *limited = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *hits;
  JsonObject *first;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--search", "visibility timeout",
                                           "--json", NULL), ==, 0);
  root = parse_json (out);
  hits = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (hits), ==, 10);
  first = json_array_get_object_element (hits, 0);
  g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "sqs/visibility-timeout");
  g_assert_cmpstr (json_object_get_string_member (first, "service"), ==, "sqs");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Visibility timeout");
  g_assert_null (strchr (json_object_get_string_member (first, "snippet"), '\x02'));

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);

      g_assert_true (g_str_has_prefix (json_object_get_string_member (hit, "id"),
                                       json_object_get_string_member (hit, "service")));
    }

  g_assert_cmpint (nimbus_test_run_nimbus (&text, NULL, "--search", "visibility timeout", NULL),
                   ==, 0);
  lines = g_strsplit (text, "\n", -1);
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "1");
  g_assert_cmpstr (fields[1], ==, "sqs/visibility-timeout");

  g_assert_cmpint (nimbus_test_run_nimbus (&limited, NULL, "--search", "queue", "--limit", "3",
                                           NULL), ==, 0);
  g_assert_cmpuint (count_lines (limited), ==, 3);
}

static void
test_cli_search_hostile (void)
{
  const char *inputs[] = { "\"", "*", "NEAR(", "AND", "-x", "col:", "^", "\"unbalanced",
                           "", "the of and", "caf\xc3\xa9", "'; DROP TABLE docs; --", "--", "-" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(JsonNode) root = NULL;

      g_test_message ("input %u", i);
      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--search", inputs[i], "--json", NULL),
                       ==, 0);
      g_assert_cmpstr (err, ==, "");
      root = parse_json (out);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
    }
}

static void
test_cli_usage_errors (void)
{
  const char *cases[][5] = {
    { "--frobnicate" },
    { "--show" },
    { "--search" },
    { "--limit", "3" },
    { "--search", "x", "--limit", "0" },
    { "--search", "x", "--limit", "-4" },
    { "--search", "x", "--limit", "many" },
    { "--list", "--show", "sqs" },
    { "--json" },
    { "stray-argument" },
    { "--show", "" },
    /* Arguments must be text: invalid UTF-8 is a malformed value. */
    { "--search", "caf\xc3\xa9\xff" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("case %u: %s", i, cases[i][0]);
      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, cases[i][0], cases[i][1], cases[i][2],
                                               cases[i][3], cases[i][4], NULL), ==, 2);
      assert_usage_error (err, out);
    }
}

static void
test_cli_kb_missing_or_corrupt (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *paths[] = { missing, garbage, truncated, dir };

  g_assert_true (g_file_set_contents (garbage, "this is not a database, just text\n", -1, NULL));
  g_assert_true (g_file_get_contents (nimbus_test_kb_path (), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 3, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("kb %s", paths[i]);
      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--kb", paths[i], "--search",
                                               "visibility timeout", NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, paths[i]));
    }

  /* The environment variable works like --kb. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *argv[] = { "/usr/bin/env", NULL, g_getenv ("NIMBUS_BIN"), "--list", NULL };
    g_autofree char *assignment = g_strconcat ("NIMBUS_KB=", garbage, NULL);

    argv[1] = assignment;
    g_assert_cmpint (nimbus_test_spawn (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, garbage));
  }

  g_unlink (garbage);
  g_unlink (truncated);
  g_rmdir (dir);
}

/* Without its settings schema, the window does not start half-way: one line names the
 * schema and how to run Nimbus uninstalled, and the terminal's answers, which need no
 * settings, still come. */
static void
test_cli_schema_missing (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *schema_dir = g_strconcat ("GSETTINGS_SCHEMA_DIR=", dir, NULL);
  g_autofree char *data_dirs = g_strconcat ("XDG_DATA_DIRS=", dir, NULL);
  const char *starts[][2] = { { NULL, NULL }, { "nimbus:sqs/visibility-timeout", NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { "/usr/bin/env", schema_dir, data_dirs, g_getenv ("NIMBUS_BIN"),
                             starts[i][0], NULL };

      g_assert_cmpint (nimbus_test_spawn (argv, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, APP_ID));
      g_assert_nonnull (strstr (err, "meson devenv"));
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *argv[] = { "/usr/bin/env", schema_dir, data_dirs, g_getenv ("NIMBUS_BIN"),
                           "--list", NULL };

    g_assert_cmpint (nimbus_test_spawn (argv, &out, &err), ==, 0);
    g_assert_cmpuint (count_lines (out), >, 0);
    g_assert_cmpstr (err, ==, "");
  }

  g_rmdir (dir);
}

/* The binary gives the hand-worked answer of every case, in text and JSON. */
static void
test_cli_capacity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (capacity_cases); i++)
    {
      const CapacityCase *c = &capacity_cases[i];
      g_autofree char *out = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;
      double per_item = 0;

      g_test_message ("case %u", i);
      g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--capacity", c->op, "--consistency",
                                               c->consistency, "--item-size", c->item_size_kb,
                                               "--rate", c->rate, "--json", NULL), ==, 0);
      root = parse_json (out);
      object = json_node_get_object (root);
      g_assert_cmpstr (json_object_get_string_member (object, "op"), ==, c->op);
      g_assert_cmpstr (json_object_get_string_member (object, "consistency"), ==, c->consistency);
      g_assert_cmpint (json_object_get_int_member (object, "units"), ==, c->units);
      g_assert_cmpstr (json_object_get_string_member (object, "unit"), ==,
                       g_str_equal (c->op, "read") ? "RCU" : "WCU");
      per_item = g_ascii_strtod (c->units_per_item, NULL);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "units_per_item"),
                                      per_item, 1e-9);

      g_assert_cmpint (nimbus_test_run_nimbus (&text, NULL, "--capacity", c->op, "--consistency",
                                               c->consistency, "--item-size", c->item_size_kb,
                                               "--rate", c->rate, NULL), ==, 0);
      expected = g_strdup_printf ("%llu %s\n", c->units, g_str_equal (c->op, "read") ? "RCU"
                                  : "WCU");
      g_assert_true (g_str_has_prefix (text, expected));
      if (c->working != NULL)
        g_assert_nonnull (strstr (text, c->working));
      g_assert_cmpuint (count_lines (text), ==, 2);
    }
}

static void
test_cli_capacity_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_sizes); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("size «%s»", capacity_bad_sizes[i]);
      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--capacity", "read", "--consistency",
                                               "strong", "--item-size", capacity_bad_sizes[i],
                                               "--rate", "1", NULL), ==, 2);
      assert_usage_error (err, out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_rates); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("rate «%s»", capacity_bad_rates[i]);
      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--capacity", "write", "--consistency",
                                               "standard", "--item-size", "1", "--rate",
                                               capacity_bad_rates[i], NULL), ==, 2);
      assert_usage_error (err, out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_pairings); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--capacity",
                                               capacity_bad_pairings[i][0],
                                               "--consistency", capacity_bad_pairings[i][1],
                                               "--item-size", "1", "--rate", "1", NULL), ==, 2);
      assert_usage_error (err, out);
    }

  /* Incomplete or mixed requests. */
  {
    const char *cases[][7] = {
      { "--capacity", "read", "--item-size", "1", "--rate", "1" },
      { "--consistency", "strong", "--item-size", "1", "--rate", "1" },
      { "--capacity", "read", "--consistency", "strong", "--item-size", "1" },
      { "--capacity", "read", "--consistency", "strong", "--list" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;

        g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, cases[i][0], cases[i][1], cases[i][2],
                                                 cases[i][3], cases[i][4], cases[i][5], cases[i][6],
                                                 NULL), ==, 2);
        assert_usage_error (err, out);
      }
  }
}

/* --help lists every option of the contract and every calculator's parameter, from the one
 * table of the CLI; GApplication's service option is there for D-Bus, under --help-all. */
static void
test_cli_help (void)
{
  const char *options[] = {
    "--list", "--show=ID", "--search=TEXT", "--limit=N", "--service=ID", "--exam=",
    "--capacity=read|write", "--consistency=MODE", "--item-size=KB", "--rate=N", "--calc=NAME",
    "--weak", "--export-weak=FILE.md", "--practice", "--domain=N", "--count=N", "--seed=N",
    "--answers", "--progress", "--json", "--kb=PATH", "--version", "[nimbus:ID]",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *all = NULL;
  g_autofree char *calculators = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_test_message ("%s", options[i]);
      g_assert_nonnull (strstr (out, options[i]));
    }
  g_assert_null (strstr (out, "--gapplication-service"));

  g_assert_cmpint (nimbus_test_run_nimbus (&calculators, NULL, "--calc", "help", "--json", NULL),
                   ==, 0);
  root = parse_json (calculators);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *calculator = json_array_get_object_element (array, i);
      JsonArray *params = json_object_get_array_member (calculator, "params");

      for (guint j = 0; j < json_array_get_length (params); j++)
        {
          JsonObject *param = json_array_get_object_element (params, j);
          const char *name = json_object_get_string_member (param, "name");
          g_autofree char *listed = g_strconcat ("--", name, "=", NULL);

          g_test_message ("%s", listed);
          g_assert_nonnull (strstr (out, listed));
        }
    }

  g_assert_cmpint (nimbus_test_run_nimbus (&all, NULL, "--help-all", NULL), ==, 0);
  g_assert_nonnull (strstr (all, "--gapplication-service"));
  g_assert_nonnull (strstr (all, "--calc=NAME"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/cli/version", test_cli_version);
  g_test_add_func ("/nimbus/cli/help", test_cli_help);
  g_test_add_func ("/nimbus/cli/list", test_cli_list);
  g_test_add_func ("/nimbus/cli/list-exam", test_cli_list_exam);
  g_test_add_func ("/nimbus/cli/list-exam-unknown", test_cli_list_exam_unknown);
  g_test_add_func ("/nimbus/cli/show", test_cli_show);
  g_test_add_func ("/nimbus/cli/show-section", test_cli_show_section);
  g_test_add_func ("/nimbus/cli/show-unknown", test_cli_show_unknown);
  g_test_add_func ("/nimbus/cli/search", test_cli_search);
  g_test_add_func ("/nimbus/cli/search-hostile", test_cli_search_hostile);
  g_test_add_func ("/nimbus/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/nimbus/cli/kb-missing-or-corrupt", test_cli_kb_missing_or_corrupt);
  g_test_add_func ("/nimbus/cli/schema-missing", test_cli_schema_missing);
  g_test_add_func ("/nimbus/cli/capacity", test_cli_capacity);
  g_test_add_func ("/nimbus/cli/capacity-bad-input", test_cli_capacity_bad_input);

  return g_test_run ();
}
