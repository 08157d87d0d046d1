/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nimbus-kb-questions.h"
#include "nimbus-kb-sources.h"
#include "nimbus-test-utils.h"

/* Broken sources and the first error each must give, position included. */
static const struct {
  const char *fixture;
  const char *error;
} broken[] = {
  { "bad-syntax",
   "3:19: Parse error: unexpected string constant \"Fixture\", expected character `,'" },
  { "duplicate-key", "4:15: duplicate key “name”" },
  { "not-object", "1:1: the file must hold one JSON object" },
  { "empty", "1:1: the file must hold one JSON object" },
  { "unknown-key", "31:18: unknown key “colour” in a service" },
  { "missing-field", "1:1: the service has no “summary”" },
  { "wrong-id", "2:19: service id “other-id” must match the file name (other-id.json)" },
  { "duplicate-section", "28:18: duplicate section id “duplicate-section/one”" },
  { "duplicate-tip", "27:20: duplicate tip id “duplicate-tip/one#t”" },
  { "bad-slug", "13:33: id “Visibility Timeout” of a section must be lower-case letters" },
  { "bad-block-type", "17:26: unknown block type “video”" },
  { "bad-fact", "29:22: “value” of a fact must be a string" },
  { "bad-table", "38:13: row 2 of a table has 1 cell, the table has 2 columns" },
  { "control-char", "18:28: “text” of paragraph contains a control character" },
  { "unknown-widget", "27:27: unknown widget “spinner”" },
  { "unknown-category", "5:26: unknown category “gardening”" },
  { "unknown-related", "30:12: unknown related service “lambda”" },
  { "self-related", "29:18: a service cannot be related to itself" },
  { "unknown-exam", "6:21: unknown exam “dva-c01”" },
  { "no-exam", "6:14: “exams” of the service must be a non-empty array" },
  { "duplicate-exam", "6:43: exam “saa-c03” listed twice" },
};

/* Broken exam domains in categories.json, and the first error each must give. */
static const struct {
  const char *fixture;
  const char *error;
} broken_categories[] = {
  { "domains-missing", "11:5: an exam has no “domains”" },
  { "domains-misnumbered", "14:22: domain 2 of an exam must be numbered 2, not 3" },
  { "domains-weights", "15:7: the weights of an exam's domains sum to 90, not 100" },
  { "domains-no-name", "13:35: “name” of a domain is empty" },
  { "domains-bad-weight", "13:52: “weight” of a domain must be a whole number from 1 to 100" },
  { "domains-unknown-key", "13:67: unknown key “share” in a domain" },
};

/* Broken practice questions, one shape each (tests/fixtures/questions/CASE/SERVICE.json),
 * and the first error each must give. */
static const struct {
  const char *fixture;
  const char *error;
} broken_questions[] = {
  { "unknown-top-key", "39:14: unknown key “notes” in a questions file" },
  { "wrong-service", "2:19: service “sns” must match the file name (questions/sns.json)" },
  { "unknown-service", "2:22: unknown service “nosuch”: there is no nosuch.json" },
  { "bad-id", "5:26: id “Slow Worker” of a question must be lower-case letters" },
  { "duplicate-id", "39:26: duplicate question id “sqs/q/slow-worker”" },
  { "unknown-question-key", "37:29: unknown key “hint” in a question" },
  { "missing-stem", "4:5: a question has no “stem”" },
  { "short-stem", "10:54: “stem” of a question must be 40 to 1200 characters long, not 37" },
  { "long-stem", "10:1223: “stem” of a question must be 40 to 1200 characters long, not 1206" },
  { "choose-in-stem", "10:197: the stem must not say how many to choose: give “choose”" },
  { "unknown-exam", "7:20: unknown exam “dva-c01”" },
  { "exam-not-on-service", "8:20: the service “codecommit” is not on the exam “saa-c03”" },
  { "unknown-domain", "7:20: the exam “dva-c02” has no domain 5 (its domains are 1 to 4)" },
  { "bad-domain", "7:24: the domain of exam “dva-c02” must be the number of a domain" },
  { "empty-exams", "6:18: “exams” of a question must be a non-empty object" },
  { "single-with-five", "33:8: a question with one answer has exactly 4 options, not 5" },
  { "multiple-with-four", "30:8: a question with 2 answers has 5 or 6 options, not 4" },
  { "two-correct", "30:8: 2 options are marked correct, but the question has 1 to choose" },
  { "bad-correct", "14:27: “correct” of an option must be true or false" },
  { "duplicate-option", "22:42: option 3 repeats option 2" },
  { "missing-why", "25:9: an option has no “why”" },
  { "long-option", "18:333: “text” of an option must be 1 to 300 characters long, not 312" },
  { "long-why", "19:429: “why” of an option must be 1 to 400 characters long, not 410" },
  { "unknown-option-key", "20:21: unknown key “weight” in an option" },
  { "no-section", "31:20: no section “sqs/visibility” in the knowledge sources" },
  { "bad-section-ref", "31:40: section “sqs/visibility-timeout/default” must be a slug" },
  { "section-twice", "32:32: section “sqs/visibility-timeout” listed twice" },
  { "key-term-missing", "35:24: key term “shard iterator” is in none of the question's sections" },
  { "empty-sections", "30:21: “sections” of a question must be a non-empty array" },
  { "empty-key-terms", "33:21: “key_terms” of a question must be a non-empty array" },
  { "bad-choose", "37:17: “choose” of a question must be a whole number from 1 to 5" },
  { "duplicate-stem", "10:183: the same stem as question “sns/q/fan-out-two”" },
};

static char *
kb_source (const char *name)
{
  return g_build_filename (g_getenv ("NIMBUS_KB_SOURCES"), name, NULL);
}

static NimbusKbSources *
load (const char *fixture)
{
  g_autofree char *categories = kb_source ("categories.json");
  g_autofree char *sqs = kb_source ("sqs.json");
  g_autofree char *path = g_strdup_printf ("fixtures/kb/%s.json", fixture);
  NimbusKbSources *sources = nimbus_kb_sources_new ();

  nimbus_kb_sources_add_file (sources, categories);
  nimbus_kb_sources_add_file (sources, path);
  /* sqs.json relates to services the fixture set lacks: read it, but judge only the
   * fixture's own errors below. */
  nimbus_kb_sources_add_file (sources, sqs);
  nimbus_kb_sources_finish (sources);

  return sources;
}

static GPtrArray *
errors_of (NimbusKbSources *sources,
           const char      *prefix)
{
  GPtrArray *errors = nimbus_kb_sources_get_errors (sources);
  GPtrArray *mine = g_ptr_array_new ();

  for (guint i = 0; i < errors->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (errors, i), prefix))
        g_ptr_array_add (mine, g_ptr_array_index (errors, i));
    }

  return mine;
}

static void
test_compiler_good_fixture (void)
{
  g_autoptr(NimbusKbSources) sources = load ("good");
  g_autoptr(GPtrArray) errors = errors_of (sources, "fixtures/");

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_compiler_broken_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(NimbusKbSources) sources = load (broken[i].fixture);
      g_autofree char *prefix = g_strdup_printf ("fixtures/kb/%s.json:", broken[i].fixture);
      g_autofree char *expected = g_strconcat (prefix, broken[i].error, NULL);
      g_autoptr(GPtrArray) errors = errors_of (sources, prefix);

      g_test_message ("fixture %s", broken[i].fixture);
      g_assert_cmpuint (errors->len, >, 0);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 0), expected));
      /* Nothing broken is sorted or written. */
      g_assert_cmpuint (nimbus_kb_sources_get_errors (sources)->len, >, 0);
    }
}

static NimbusKbSources *
load_categories (const char *path)
{
  g_autofree char *sqs = kb_source ("sqs.json");
  g_autofree char *data = NULL;
  NimbusKbSources *sources = nimbus_kb_sources_new ();
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  nimbus_kb_sources_add_categories (sources, path, data, length);
  nimbus_kb_sources_add_file (sources, sqs);
  nimbus_kb_sources_finish (sources);

  return sources;
}

static void
test_compiler_broken_domains (void)
{
  {
    g_autoptr(NimbusKbSources) sources = load_categories ("fixtures/kb/categories/good.json");
    g_autoptr(GPtrArray) errors = errors_of (sources, "fixtures/");

    g_assert_cmpuint (errors->len, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (broken_categories); i++)
    {
      g_autofree char *path = g_strdup_printf ("fixtures/kb/categories/%s.json",
                                               broken_categories[i].fixture);
      g_autoptr(NimbusKbSources) sources = load_categories (path);
      g_autofree char *expected = g_strconcat (path, ":", broken_categories[i].error, NULL);
      g_autoptr(GPtrArray) errors = errors_of (sources, path);

      g_test_message ("fixture %s", broken_categories[i].fixture);
      for (guint j = 0; j < errors->len; j++)
        g_test_message ("  %s", (const char *) g_ptr_array_index (errors, j));
      g_assert_cmpuint (errors->len, >, 0);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 0), expected));
    }
}

/* The fixture's question files, with categories.json and the real files of sqs, sns and
 * each service the fixture has questions for. */
static NimbusKbSources *
load_questions (const char *fixture)
{
  g_autofree char *dir_path = g_build_filename ("fixtures", "questions", fixture, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  NimbusKbSources *sources = nimbus_kb_sources_new ();
  const char *services[] = { "categories", "sqs", "sns" };
  const char *name;

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *file = g_strconcat (services[i], ".json", NULL);
      g_autofree char *path = kb_source (file);

      g_assert_true (nimbus_kb_sources_add_file (sources, path));
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *service = kb_source (name);
      g_autofree char *data = NULL;
      gsize length;

      if (!g_str_equal (name, "sqs.json") && !g_str_equal (name, "sns.json") &&
          g_file_test (service, G_FILE_TEST_EXISTS))
        g_assert_true (nimbus_kb_sources_add_file (sources, service));
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      nimbus_kb_sources_add_questions (sources, path, data, length);
    }
  nimbus_kb_sources_finish (sources);

  return sources;
}

static void
test_compiler_questions (void)
{
  g_autoptr(NimbusKbSources) sources = load_questions ("good");
  g_autoptr(GPtrArray) errors = errors_of (sources, "fixtures/");
  GPtrArray *questions = nimbus_kb_sources_get_questions (sources);
  const NimbusKbQuestion *question;

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, 0);

  g_assert_cmpuint (questions->len, ==, 2);
  question = g_ptr_array_index (questions, 1);
  g_assert_cmpstr (question->id, ==, "sqs/q/fan-out-two");
  g_assert_cmpuint (question->choose, ==, 2);
  g_assert_cmpuint (question->options->len, ==, 5);
  g_assert_cmpstr (question->sections[0], ==, "sns/fan-out");
  g_assert_cmpstr (question->sections[1], ==, "sqs/visibility-timeout");
}

static void
test_compiler_broken_questions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken_questions); i++)
    {
      g_autoptr(NimbusKbSources) sources = load_questions (broken_questions[i].fixture);
      g_autofree char *prefix = g_strdup_printf ("fixtures/questions/%s/",
                                                 broken_questions[i].fixture);
      g_autoptr(GPtrArray) errors = errors_of (sources, prefix);
      const char *first;

      g_test_message ("fixture %s", broken_questions[i].fixture);
      for (guint j = 0; j < errors->len; j++)
        g_test_message ("  %s", (const char *) g_ptr_array_index (errors, j));
      g_assert_cmpuint (errors->len, >, 0);
      first = strchr ((const char *) g_ptr_array_index (errors, 0) + strlen (prefix), ':');
      g_assert_nonnull (first);
      g_assert_true (g_str_has_prefix (first + 1, broken_questions[i].error));
    }
}

/* Every file of data/kb/questions, into paths. */
static void
add_question_files (GPtrArray *paths)
{
  g_autofree char *dir_path = kb_source ("questions");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
}

/* The real sources compile with no error at all. */
static void
test_compiler_real_sources (void)
{
  g_autoptr(NimbusKbSources) sources = nimbus_kb_sources_new ();
  g_autofree char *dir_path = kb_source ("");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *errors;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = kb_source (name);

      if (g_str_has_suffix (name, ".json"))
        g_assert_true (nimbus_kb_sources_add_file (sources, path));
    }
  add_question_files (questions);
  for (guint i = 0; i < questions->len; i++)
    g_assert_true (nimbus_kb_sources_add_file (sources, g_ptr_array_index (questions, i)));
  nimbus_kb_sources_finish (sources);

  errors = nimbus_kb_sources_get_errors (sources);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (nimbus_kb_sources_get_entries (sources)->len, ==, 72);

  /* Every source file is in data/kb/meson.build, so the build compiles them all. */
  {
    g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
    g_autoptr(GListModel) services = nimbus_kb_list_services (kb, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (services), ==,
                      nimbus_kb_sources_get_entries (sources)->len);
    g_assert_cmpuint (nimbus_kb_count_questions (kb, NULL, 0, NULL, NULL), ==,
                      nimbus_kb_sources_get_questions (sources)->len);
  }
}

static char **
compile_argv (const char *output,
              const char *extra)
{
  g_autofree char *dir_path = kb_source ("");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, kb_source (name));
    }
  add_question_files (names);
  /* The compiler must not depend on the order it is given its files in. */
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  g_ptr_array_add (argv, g_strdup (g_getenv ("NIMBUS_KB_COMPILE")));
  g_ptr_array_add (argv, g_strdup ("--output"));
  g_ptr_array_add (argv, g_strdup (output));
  for (guint i = names->len; i > 0; i--)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (names, i - 1)));
  if (extra != NULL)
    g_ptr_array_add (argv, g_strdup (extra));
  g_ptr_array_add (argv, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&argv), FALSE);
}

/* Same sources, same bytes: the build's knowledge base is reproducible. */
static void
test_compiler_reproducible (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *output = g_build_filename (dir, "again.db", NULL);
  g_auto(GStrv) argv = compile_argv (output, NULL);
  g_autofree char *built = NULL;
  g_autofree char *again = NULL;
  gsize built_len, again_len;

  g_assert_cmpint (nimbus_test_spawn ((const char * const *) argv, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (nimbus_test_kb_path (), &built, &built_len, NULL));
  g_assert_true (g_file_get_contents (output, &again, &again_len, NULL));
  g_assert_cmpmem (built, built_len, again, again_len);

  g_unlink (output);
  g_rmdir (dir);
}

/* A broken source fails the build: exit status 1, every error on stderr as
 * file:line:column, and no knowledge base left behind. */
static void
test_compiler_process_fails (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *output = g_build_filename (dir, "broken.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "kb",
                                                    "unknown-widget.json", NULL);
  g_auto(GStrv) argv = compile_argv (output, fixture);
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strconcat (fixture, ":27:27: unknown widget “spinner”", NULL);

  g_assert_cmpint (nimbus_test_spawn ((const char * const *) argv, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, expected));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

/* Sources json-glib cannot be trusted with: 100,000 nested brackets would overflow its
 * stack, \u0000 would cut a string short. Each is an error at its position. */
static void
test_compiler_hostile_sources (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *output = g_build_filename (dir, "hostile.db", NULL);
  g_autofree char *deep_path = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *nul_path = g_build_filename (dir, "nul.json", NULL);
  g_autoptr(GString) deep = g_string_new ("{\n  \"sections\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_true (g_file_set_contents (deep_path, deep->str, deep->len, NULL));
  g_assert_true (g_file_set_contents (nul_path,
                                      "{\n  \"id\": \"nul\",\n  \"name\": \"a\\u0000b\"\n}",
                                      -1, NULL));

  for (guint i = 0; i < 2; i++)
    {
      const char *source = i == 0 ? deep_path : nul_path;
      g_autofree char *expected = g_strconcat (source, i == 0
                                               ? ":2:78: nested deeper than 64 levels"
                                                              : ":3:11: a string contains \\u0000",
                                               NULL);
      g_auto(GStrv) argv = compile_argv (output, source);
      g_autofree char *err = NULL;

      g_assert_cmpint (nimbus_test_spawn ((const char * const *) argv, NULL, &err), ==, 1);
      g_test_message ("%s", err);
      if (strstr (err, expected) == NULL)
        g_error ("expected “%s” in:\n%s", expected, err);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
}

/* --output writes a new file or replaces a regular one, never a device, a pipe or what a
 * symbolic link points to, and leaves nothing beside it. */
static void
test_compiler_output_kinds (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *link = g_build_filename (dir, "link.db", NULL);
  g_autofree char *target = g_build_filename (dir, "target.db", NULL);
  g_autofree char *regular = g_build_filename (dir, "old.db", NULL);
  const char *refused[] = { fifo, link, dir, "/dev/null" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (target, link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(GStrv) argv = compile_argv (refused[i], NULL);
      g_autofree char *err = NULL;

      g_assert_cmpint (nimbus_test_spawn ((const char * const *) argv, NULL, &err), ==, 1);
      g_assert_nonnull (strstr (err, "not a regular file"));
    }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (regular, "an older knowledge base", -1, NULL));
  {
    g_auto(GStrv) argv = compile_argv (regular, NULL);
    g_autoptr(GDir) d = NULL;
    const char *name;
    guint n = 0;

    g_assert_cmpint (nimbus_test_spawn ((const char * const *) argv, NULL, NULL), ==, 0);
    d = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 3);  /* pipe, link.db, old.db: no temporary left */
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (g_chdir (g_getenv ("G_TEST_SRCDIR")), ==, 0);

  g_test_add_func ("/nimbus/compiler/good-fixture", test_compiler_good_fixture);
  g_test_add_func ("/nimbus/compiler/broken-fixtures", test_compiler_broken_fixtures);
  g_test_add_func ("/nimbus/compiler/broken-domains", test_compiler_broken_domains);
  g_test_add_func ("/nimbus/compiler/questions", test_compiler_questions);
  g_test_add_func ("/nimbus/compiler/broken-questions", test_compiler_broken_questions);
  g_test_add_func ("/nimbus/compiler/real-sources", test_compiler_real_sources);
  g_test_add_func ("/nimbus/compiler/reproducible", test_compiler_reproducible);
  g_test_add_func ("/nimbus/compiler/process-fails", test_compiler_process_fails);
  g_test_add_func ("/nimbus/compiler/hostile-sources", test_compiler_hostile_sources);
  g_test_add_func ("/nimbus/compiler/output-kinds", test_compiler_output_kinds);

  return g_test_run ();
}
