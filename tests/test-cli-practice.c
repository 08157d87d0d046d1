/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "nimbus-service.h"
#include "nimbus-test-utils.h"

/* nimbus --practice and nimbus --progress as real processes, against ../shared/CLI.md:
 * every question checked against the knowledge base, every bad value with its status. */

#define ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Runs nimbus with args, with XDG_DATA_HOME=data_home when given. */
static int
run (const char          *data_home,
     char               **out,
     char               **err,
     const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *saved = g_strdup (g_getenv ("XDG_DATA_HOME"));
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("NIMBUS_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (data_home != NULL)
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  status = nimbus_test_spawn ((const char * const *) argv->pdata, out, err);
  g_setenv ("XDG_DATA_HOME", saved, TRUE);

  return status;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* A practice set in JSON: status 0, and the array. */
static JsonNode *
practice_json (char               **err,
               const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, "--practice");
  g_ptr_array_add (argv, "--json");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (run (NULL, &out, err, (const char * const *) argv->pdata), ==, 0);
  return parse_json (out);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* The ids of a set, in order, joined by spaces. */
static char *
dup_ids (JsonNode *set)
{
  JsonArray *array = json_node_get_array (set);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (ids, "%s ", json_object_get_string_member (
                              json_array_get_object_element (array, i), "id"));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* One question of a JSON set is the knowledge base's own, option by option, and on exam. */
static NimbusQuestion *
check_question (NimbusKb   *kb,
                JsonObject *object,
                const char *exam,
                gboolean    answers)
{
  g_autoptr(GError) error = NULL;
  const char *id = json_object_get_string_member (object, "id");
  g_autoptr(NimbusQuestion) question = nimbus_kb_get_question (kb, id, &error);
  JsonObject *exams = json_object_get_object_member (object, "exams");
  JsonArray *options = json_object_get_array_member (object, "options");
  JsonArray *sections = json_object_get_array_member (object, "sections");
  const char * const *section_ids = NULL;
  guint n_correct = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (object, "service"), ==,
                   nimbus_question_get_service_id (question));
  g_assert_cmpstr (json_object_get_string_member (object, "stem"), ==,
                   nimbus_question_get_stem (question));
  g_assert_cmpint (json_object_get_int_member (object, "choose"), ==,
                   nimbus_question_get_choose (question));
  g_assert_cmpuint (json_object_get_size (exams), ==,
                    g_strv_length ((char **) nimbus_question_get_exam_ids (question)));
  g_assert_true (json_object_has_member (exams, exam));
  for (guint i = 0; nimbus_question_get_exam_ids (question)[i] != NULL; i++)
    {
      const char *exam_id = nimbus_question_get_exam_ids (question)[i];

      g_assert_cmpint (json_object_get_int_member (exams, exam_id), ==,
                       nimbus_question_get_domain (question, exam_id));
    }

  g_assert_cmpuint (json_array_get_length (options), ==,
                    nimbus_question_get_n_options (question));
  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      JsonObject *option = json_array_get_object_element (options, i);
      char letter[2] = { 'A' + i, '\0' };

      g_assert_cmpstr (json_object_get_string_member (option, "letter"), ==, letter);
      g_assert_cmpstr (json_object_get_string_member (option, "text"), ==,
                       nimbus_question_get_option_text (question, i));
      g_assert_cmpint (json_object_has_member (option, "correct"), ==, answers);
      g_assert_cmpint (json_object_has_member (option, "why"), ==, answers);
      if (!answers)
        continue;
      g_assert_cmpint (json_object_get_boolean_member (option, "correct"), ==,
                       nimbus_question_get_option_correct (question, i));
      g_assert_cmpstr (json_object_get_string_member (option, "why"), ==,
                       nimbus_question_get_option_why (question, i));
      n_correct += json_object_get_boolean_member (option, "correct");
    }
  if (answers)
    g_assert_cmpuint (n_correct, ==, nimbus_question_get_choose (question));

  section_ids = nimbus_question_get_section_ids (question);
  g_assert_cmpuint (json_array_get_length (sections), ==, g_strv_length ((char **) section_ids));
  g_assert_cmpuint (json_array_get_length (sections), >=, 1);
  for (guint i = 0; section_ids[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (sections, i), ==, section_ids[i]);

  return g_steal_pointer (&question);
}

static void
test_practice_json (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  const char * const exams[] = { "dva-c02", "saa-c03" };

  for (guint e = 0; e < G_N_ELEMENTS (exams); e++)
    for (guint answers = 0; answers <= 1; answers++)
      {
        g_autofree char *err = NULL;
        g_autoptr(JsonNode) set = practice_json (&err, answers
                                                 ? ARGS ("--exam", exams[e], "--answers")
                                                 : ARGS ("--exam", exams[e]));
        JsonArray *array = json_node_get_array (set);
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

        g_assert_cmpstr (err, ==, "");
        g_assert_cmpuint (json_array_get_length (array), ==, 10);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonObject *object = json_array_get_object_element (array, i);
            g_autoptr(NimbusQuestion) question = check_question (kb, object, exams[e], answers);

            g_assert_true (g_hash_table_add (seen, (char *) json_object_get_string_member (
                                                     object, "id")));
          }
      }
}

/* The text of a set says what its JSON says: each id with its domain, the stem, Choose TWO
 * where two are right, the options lettered; with --answers the right letters and why. */
static void
test_practice_text (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  gboolean saw_choose_two = FALSE;

  for (guint answers = 0; answers <= 1; answers++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(JsonNode) set = NULL;
      g_auto(GStrv) blocks = NULL;
      JsonArray *array;

      g_assert_cmpint (run (NULL, &out, &err, answers
                            ? ARGS ("--practice", "--exam", "dva-c02", "--count", "40",
                                    "--seed", "5", "--answers")
                            : ARGS ("--practice", "--exam", "dva-c02", "--count", "40",
                                    "--seed", "5")), ==, 0);
      g_assert_cmpstr (err, ==, "");
      set = practice_json (NULL, ARGS ("--exam", "dva-c02", "--count", "40", "--seed", "5"));
      array = json_node_get_array (set);
      blocks = g_strsplit (out, "\n\n", -1);
      g_assert_cmpuint (g_strv_length (blocks), ==, json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          const char *id = json_object_get_string_member (object, "id");
          g_autoptr(NimbusQuestion) question = nimbus_kb_get_question (kb, id, NULL);
          g_autofree char *heading = g_strdup_printf ("%u. %s (domain %u)", i + 1, id,
                                                      nimbus_question_get_domain (question,
                                                                                  "dva-c02"));
          g_autofree char *stem = g_strdup_printf ("\n   %s\n",
                                                   nimbus_question_get_stem (question));
          g_autoptr(GString) right = g_string_new (NULL);
          guint choose = nimbus_question_get_choose (question);
          /* Each line of the block between newlines, the last one too. */
          g_autofree char *block = g_strconcat (blocks[i], "\n", NULL);

          g_assert_true (g_str_has_prefix (blocks[i], heading));
          g_assert_nonnull (strstr (block, stem));
          g_assert_cmpint (strstr (block, "Choose TWO.") != NULL, ==, choose == 2);
          g_assert_cmpint (strstr (block, "Choose THREE.") != NULL, ==, choose == 3);
          saw_choose_two |= choose == 2;
          for (guint j = 0; j < nimbus_question_get_n_options (question); j++)
            {
              g_autofree char *option = g_strdup_printf ("\n   %c. %s\n", 'A' + j,
                                                         nimbus_question_get_option_text (
                                                           question, j));
              gboolean correct = nimbus_question_get_option_correct (question, j);
              g_autofree char *why = g_strdup_printf ("\n      %s%s\n",
                                                      correct ? "Right: " : "Wrong: ",
                                                      nimbus_question_get_option_why (question,
                                                                                      j));

              g_assert_nonnull (strstr (block, option));
              g_assert_cmpint (strstr (block, why) != NULL, ==, answers);
              if (correct)
                g_string_append_printf (right, "%s%c", right->len > 0 ? ", " : "", 'A' + j);
            }

          if (answers)
            {
              g_autofree char *answer = g_strdup_printf ("\n   Answer: %s\n", right->str);

              g_assert_nonnull (strstr (block, answer));
              g_assert_nonnull (strstr (block, nimbus_question_get_section_ids (question)[0]));
            }
          else
            g_assert_null (strstr (block, "Answer:"));
        }
    }

  g_assert_true (saw_choose_two);
}

static void
test_practice_seed (void)
{
  g_autoptr(JsonNode) first = practice_json (NULL, ARGS ("--exam", "saa-c03", "--seed", "42"));
  g_autoptr(JsonNode) again = practice_json (NULL, ARGS ("--exam", "saa-c03", "--seed", "42"));
  g_autofree char *first_ids = dup_ids (first);
  g_autofree char *again_ids = dup_ids (again);
  g_autoptr(GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpstr (first_ids, ==, again_ids);

  /* Other seeds, and no seed at all, give other sets. */
  g_hash_table_add (sets, g_steal_pointer (&first_ids));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) other = practice_json (NULL, i == 0 ? ARGS ("--exam", "saa-c03",
                                                                      "--seed", "43")
                                                              : ARGS ("--exam", "saa-c03"));

      g_hash_table_add (sets, dup_ids (other));
    }
  g_assert_cmpuint (g_hash_table_size (sets), >=, 3);
}

/* Each domain of each exam: every question of the set is in it, and all of them come when
 * more are asked for, with a word on stderr saying how many there were. */
static void
test_practice_domain (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  const char * const exams[] = { "dva-c02", "saa-c03" };

  for (guint e = 0; e < G_N_ELEMENTS (exams); e++)
    for (guint domain = 1; domain <= 4; domain++)
      {
        g_autofree char *number = g_strdup_printf ("%u", domain);
        g_autofree char *err = NULL;
        g_autoptr(JsonNode) set = practice_json (&err, ARGS ("--exam", exams[e], "--domain",
                                                             number, "--count", "100000"));
        JsonArray *array = json_node_get_array (set);
        guint n = nimbus_kb_count_questions (kb, exams[e], domain, NULL, NULL);
        g_autofree char *said = g_strdup_printf ("only %u practice questions match", n);

        g_assert_cmpuint (n, >=, 10);
        g_assert_cmpuint (json_array_get_length (array), ==, n);
        g_assert_nonnull (strstr (err, said));
        g_assert_cmpuint (count_lines (err), ==, 1);
        for (guint i = 0; i < n; i++)
          {
            JsonObject *object = json_array_get_object_element (array, i);
            g_autoptr(NimbusQuestion) question = check_question (kb, object, exams[e], FALSE);

            g_assert_cmpuint (nimbus_question_get_domain (question, exams[e]), ==, domain);
          }
      }
}

static void
test_practice_service (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  const char * const services[] = { "sqs", "dynamodb", "lambda", "s3" };

  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      guint n = nimbus_kb_count_questions (kb, "dva-c02", 0, services[s], NULL);
      guint n_domain = nimbus_kb_count_questions (kb, "dva-c02", 1, services[s], NULL);
      g_autofree char *err = NULL;
      g_autofree char *narrow_err = NULL;
      g_autoptr(JsonNode) set = practice_json (&err, ARGS ("--exam", "dva-c02", "--service",
                                                           services[s], "--count", "500"));
      g_autoptr(JsonNode) narrow = practice_json (&narrow_err, ARGS ("--exam", "dva-c02",
                                                                     "--service", services[s],
                                                                     "--domain", "1",
                                                                     "--count", "500"));
      JsonArray *array = json_node_get_array (set);

      g_assert_cmpuint (n, >=, 4);
      g_assert_cmpuint (json_array_get_length (array), ==, n);
      g_assert_nonnull (strstr (err, "practice questions match these options"));
      g_assert_cmpuint (count_lines (narrow_err), ==, 1);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          g_autoptr(NimbusQuestion) question = check_question (kb, object, "dva-c02", FALSE);

          g_assert_cmpstr (nimbus_question_get_service_id (question), ==, services[s]);
        }

      array = json_node_get_array (narrow);
      g_assert_cmpuint (json_array_get_length (array), ==, n_domain);
      for (guint i = 0; i < n_domain; i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          g_autoptr(NimbusQuestion) question = check_question (kb, object, "dva-c02", FALSE);

          g_assert_cmpstr (nimbus_question_get_service_id (question), ==, services[s]);
          g_assert_cmpuint (nimbus_question_get_domain (question, "dva-c02"), ==, 1);
        }
    }
}

/* A service of the knowledge base with no question on exam, or NULL. */
static char *
find_service_without_questions (NimbusKb   *kb,
                                const char *exam)
{
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);

      if (nimbus_kb_count_questions (kb, exam, 0, nimbus_service_get_id (service), NULL) == 0)
        return g_strdup (nimbus_service_get_id (service));
    }

  return NULL;
}

static void
test_practice_count (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  const char * const counts[] = { "1", "3", "65" };
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) all = practice_json (&err, ARGS ("--exam", "saa-c03", "--count",
                                                       "4294967295"));
  guint n = nimbus_kb_count_questions (kb, "saa-c03", 0, NULL, NULL);
  g_autofree char *said = g_strdup_printf ("only %u practice questions match", n);
  g_autofree char *empty_service = NULL;

  g_assert_cmpuint (json_array_get_length (json_node_get_array (all)), ==, n);
  g_assert_nonnull (strstr (err, said));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *count_err = NULL;
      g_autoptr(JsonNode) set = practice_json (&count_err, ARGS ("--exam", "saa-c03",
                                                                 "--count", counts[i]));

      g_assert_cmpuint (json_array_get_length (json_node_get_array (set)), ==,
                        g_ascii_strtoull (counts[i], NULL, 10));
      g_assert_cmpstr (count_err, ==, "");
    }

  /* A service on none of the exam's questions: an empty set, said on stderr, still 0. */
  for (guint e = 0; e < 2 && empty_service == NULL; e++)
    {
      const char *exam = e == 0 ? "dva-c02" : "saa-c03";
      g_autofree char *out = NULL;
      g_autofree char *text_err = NULL;
      g_autoptr(JsonNode) set = NULL;

      if ((empty_service = find_service_without_questions (kb, exam)) == NULL)
        continue;

      g_clear_pointer (&err, g_free);
      set = practice_json (&err, ARGS ("--exam", exam, "--service", empty_service));
      g_assert_cmpuint (json_array_get_length (json_node_get_array (set)), ==, 0);
      g_assert_nonnull (strstr (err, "no practice question matches"));
      g_assert_cmpint (run (NULL, &out, &text_err, ARGS ("--practice", "--exam", exam,
                                                          "--service", empty_service)), ==, 0);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (text_err, "no practice question matches"));
    }
  if (empty_service == NULL)
    g_test_message ("every service has questions on both exams");
}

/* Bad values: the status, nothing on stdout, one line on stderr that says what is wrong. */
static void
test_practice_bad_values (void)
{
  static const struct { const char *args[10]; int status; const char *said; } cases[] = {
    { { "--practice", "--exam", "nope" }, 2, "--exam takes one of dva-c02, saa-c03" },
    { { "--practice", "--exam", "DVA-C02" }, 2, "--exam takes one of" },
    { { "--practice", "--exam", "" }, 2, "--exam takes one of" },
    { { "--practice" }, 2, "--practice needs --exam" },
    { { "--practice", "--domain", "2" }, 2, "--practice needs --exam" },
    { { "--practice", "--exam", "dva-c02", "--domain", "0" },
      2, "--domain of dva-c02 takes a number from 1 to 4" },
    { { "--practice", "--exam", "dva-c02", "--domain", "5" }, 2, "from 1 to 4, not “5”" },
    { { "--practice", "--exam", "saa-c03", "--domain", "-1" }, 2, "--domain of saa-c03" },
    { { "--practice", "--exam", "dva-c02", "--domain", "two" }, 2, "--domain" },
    { { "--practice", "--exam", "dva-c02", "--domain", "2.0" }, 2, "--domain" },
    { { "--practice", "--exam", "dva-c02", "--domain", " 2" }, 2, "--domain" },
    { { "--practice", "--exam", "dva-c02", "--domain", "" }, 2, "--domain" },
    { { "--practice", "--exam", "dva-c02", "--domain", "99999999999999999999" }, 2, "--domain" },
    { { "--practice", "--exam", "nope", "--domain", "9" }, 2, "--exam takes" },
    { { "--practice", "--exam", "dva-c02", "--count", "0" },
      2, "--count takes a whole number of questions, 1 or more, not “0”" },
    { { "--practice", "--exam", "dva-c02", "--count", "-3" }, 2, "--count takes" },
    { { "--practice", "--exam", "dva-c02", "--count", "ten" }, 2, "--count takes" },
    { { "--practice", "--exam", "dva-c02", "--count", "1e3" }, 2, "--count takes" },
    { { "--practice", "--exam", "dva-c02", "--count", "+5" }, 2, "--count takes" },
    { { "--practice", "--exam", "dva-c02", "--count", "" }, 2, "--count takes" },
    { { "--practice", "--exam", "dva-c02", "--count", "4294967296" }, 2, "--count takes" },
    { { "--practice", "--exam", "dva-c02", "--count", "１０" }, 2, "--count takes" },
    { { "--practice", "--exam", "dva-c02", "--seed", "0" },
      2, "--seed takes a whole number from 1 to 4294967295" },
    { { "--practice", "--exam", "dva-c02", "--seed", "x" }, 2, "--seed takes" },
    { { "--answers" }, 2, "--answers goes with --practice" },
    { { "--list", "--answers" }, 2, "--answers goes with --practice" },
    { { "--list", "--domain", "2" }, 2, "--domain goes with --practice" },
    { { "--progress", "--count", "5" }, 2, "--count goes with --practice" },
    { { "--progress", "--seed", "5" }, 2, "--seed goes with --practice" },
    { { "--progress", "--answers" }, 2, "--answers goes with --practice" },
    { { "--progress", "--domain", "1" }, 2, "--domain goes with --practice" },
    { { "--progress", "--service", "sqs" }, 2, "--service goes with --search or --practice" },
    { { "--progress", "--exam", "nope" }, 2, "--exam takes one of" },
    { { "--search", "x", "--exam", "dva-c02" },
      2, "--exam goes with --list, --practice or --progress" },
    { { "--practice", "--progress", "--exam", "dva-c02" }, 2, "cannot be combined" },
    { { "--practice", "--weak", "--exam", "dva-c02" }, 2, "cannot be combined" },
    { { "--practice", "--exam", "dva-c02", "--count", "3", "--count", "4" },
      2, "--count is given more than once" },
    { { "--practice", "--exam", "dva-c02", "--limit", "3" }, 2, "--limit goes with --search" },
    { { "--practice", "--exam", "dva-c02", "stray" }, 2, "unexpected argument" },
    { { "--practice", "--exam", "dva-c02", "--service", "nope" }, 1, "No service “nope”" },
    { { "--practice", "--exam", "dva-c02", "--service", "sqs/fifo" }, 1, "No service “sqs/fifo”" },
    { { "--practice", "--exam", "dva-c02", "--service", "sqs#x" }, 1, "No service" },
    { { "--practice", "--exam", "dva-c02", "--service", "" }, 1, "No service" },
    { { "--practice", "--exam", "dva-c02", "--service", "<b>sqs</b>" },
      1, "No service “<b>sqs</b>”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s %s %s %s %s", cases[i].args[0], cases[i].args[1] ?: "",
                      cases[i].args[2] ?: "", cases[i].args[3] ?: "", cases[i].args[4] ?: "");
      g_assert_cmpint (run (NULL, &out, &err, cases[i].args), ==, cases[i].status);
      g_test_message ("  %s", err);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, cases[i].said));
      g_assert_cmpint (strstr (err, "--help") != NULL, ==, cases[i].status == 2);
    }
}

/* Very long, invalid UTF-8, control characters and markup: a clear line, never a crash. */
static void
test_practice_hostile (void)
{
  g_autoptr(GString) huge = g_string_new (NULL);
  const char *invalid = "\xff\xfe\xc3";

  for (guint i = 0; i < 5000; i++)
    g_string_append (huge, "dva-c02<i>&amp;");

  for (guint i = 0; i < 6; i++)
    {
      const char * const *args[] = {
        ARGS ("--practice", "--exam", huge->str),
        ARGS ("--practice", "--exam", "dva-c02", "--service", huge->str),
        ARGS ("--practice", "--exam", "dva-c02", "--domain", huge->str),
        ARGS ("--practice", "--exam", "dva-c02", "--count", huge->str),
        ARGS ("--practice", "--exam", "dva-c02\n--json"),
        ARGS ("--practice", "--exam", "dva-c02", "--service", "sqs\r\nfake line"),
      };
      const int status[] = { 2, 1, 2, 2, 2, 1 };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (NULL, &out, &err, args[i]), ==, status[i]);
      g_test_message ("%s", err);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), ==, 1);
      g_assert_cmpuint (strlen (err), <, 400);
      g_assert_true (g_utf8_validate (err, -1, NULL));
    }

  {
    const char * const options[] = { "exam", "service", "domain", "count", "seed" };

    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      {
        g_autofree char *name = g_strconcat ("--", options[i], NULL);
        g_autofree char *said = g_strconcat (name, " is not valid text", NULL);
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        const char * const args[] = { "--practice", "--exam", "dva-c02", name, invalid, NULL };
        const char * const exam_args[] = { "--practice", name, invalid, NULL };

        g_assert_cmpint (run (NULL, &out, &err, i == 0 ? exam_args : args), ==, 2);
        g_test_message ("%s", err);
        g_assert_cmpstr (out, ==, "");
        g_assert_nonnull (strstr (err, said));
      }
  }
}

/* Through the shell, as a user would write it: nimbus ... > /dev/full. */
static void
test_practice_unwritable (void)
{
  const char * const *requests[] = {
    ARGS ("--practice", "--exam", "dva-c02"),
    ARGS ("--practice", "--exam", "saa-c03", "--count", "500", "--answers", "--json"),
    ARGS ("--progress"),
    ARGS ("--progress", "--json"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(GString) command = g_string_new (NULL);
      g_autofree char *bin = g_shell_quote (g_getenv ("NIMBUS_BIN"));
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
      int status = 0;

      g_string_append (command, bin);
      for (guint j = 0; requests[i][j] != NULL; j++)
        g_string_append_printf (command, " %s", requests[i][j]);
      g_string_append (command, " > /dev/full");
      argv[2] = command->str;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, "could not write the answer"));
    }
}

/* Progress */

static JsonNode *
progress_json (const char  *data_home,
               const char  *exam,
               char       **err)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (data_home, &out, err, exam != NULL
                        ? ARGS ("--progress", "--json", "--exam", exam)
                        : ARGS ("--progress", "--json")), ==, 0);
  return parse_json (out);
}

/* Every domain of every exam listed with no answer. */
static void
assert_no_answers (JsonNode *root)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) kb_exams = nimbus_kb_list_exams (kb, NULL);
  JsonObject *object = json_node_get_object (root);
  JsonArray *exams = json_object_get_array_member (object, "exams");

  g_assert_cmpint (json_object_get_int_member (object, "recent_of"), ==,
                   NIMBUS_STORE_READINESS_LAST);
  g_assert_cmpuint (json_array_get_length (exams), ==, kb_exams->len);
  for (guint i = 0; i < kb_exams->len; i++)
    {
      const NimbusExam *kb_exam = g_ptr_array_index (kb_exams, i);
      JsonObject *exam = json_array_get_object_element (exams, i);
      JsonArray *domains = json_object_get_array_member (exam, "domains");

      g_assert_cmpstr (json_object_get_string_member (exam, "id"), ==, kb_exam->id);
      g_assert_cmpstr (json_object_get_string_member (exam, "name"), ==, kb_exam->name);
      g_assert_cmpuint (json_array_get_length (domains), ==, kb_exam->domains->len);
      for (guint d = 0; d < kb_exam->domains->len; d++)
        {
          const NimbusExamDomain *kb_domain = g_ptr_array_index (kb_exam->domains, d);
          JsonObject *domain = json_array_get_object_element (domains, d);

          g_assert_cmpint (json_object_get_int_member (domain, "domain"), ==, kb_domain->number);
          g_assert_cmpstr (json_object_get_string_member (domain, "name"), ==, kb_domain->name);
          g_assert_cmpint (json_object_get_int_member (domain, "weight"), ==, kb_domain->weight);
          g_assert_cmpint (json_object_get_int_member (domain, "answered"), ==, 0);
          g_assert_cmpint (json_object_get_int_member (domain, "recent"), ==, 0);
          g_assert_true (json_node_is_null (json_object_get_member (domain, "share_right")));
          g_assert_cmpint (json_object_get_int_member (domain, "weak"), ==, 0);
        }
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "sessions")),
                    ==, 0);
}

/* No store yet, and one made empty by the app: nothing answered; the missing one is still
 * missing afterwards. */
static void
test_progress_empty (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);

  for (guint made = 0; made <= 1; made++)
    {
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;
      g_autofree char *out_err = NULL;
      g_autoptr(JsonNode) root = NULL;

      if (made)
        {
          g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

          g_assert_true (nimbus_user_store_is_writable (store));
        }

      root = progress_json (dir, NULL, &err);
      g_assert_cmpstr (err, ==, "");
      assert_no_answers (root);

      g_assert_cmpint (run (dir, &out, &out_err, ARGS ("--progress")), ==, 0);
      g_assert_cmpstr (out_err, ==, "");
      g_assert_nonnull (strstr (out, "AWS Certified Developer – Associate (dva-c02)\n"));
      g_assert_nonnull (strstr (out, "  1. Development with AWS Services, 32% of the exam\n"
                                     "     no answers yet; no weak areas flagged\n"));
      g_assert_nonnull (strstr (out, "Latest practice sessions\n  none yet\n"));
      g_assert_cmpuint (count_lines (out), ==, 2 * (1 + 4 * 2 + 1) + 2);

      if (!made)
        g_assert_false (g_file_test (store_dir, G_FILE_TEST_EXISTS));
    }
}

typedef struct
{
  guint answered;
  guint right;
} Tally;

/* Answers written through the core, as the Practice page writes them, then read back by
 * --progress: the counts per domain, the share right, the weak flags and the session. */
static void
test_progress_answers (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *session_line = NULL;
  Tally tally[5] = { { 0 } };
  guint answered = 0, right = 0;
  JsonArray *domains, *sessions;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autoptr(GListModel) set = nimbus_kb_pick_questions (kb, "dva-c02", NULL, 0, NULL, 30, 9,
                                                          &error);
    gint64 session;

    g_assert_no_error (error);
    session = nimbus_user_store_start_practice (store, "dva-c02", "practice", &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (set); i++)
      {
        g_autoptr(NimbusQuestion) question = g_list_model_get_item (set, i);
        guint domain = nimbus_question_get_domain (question, "dva-c02");
        gboolean is_right = i % 3 != 0;

        g_assert_true (nimbus_user_store_record_answer (store, session, question, "dva-c02",
                                                        is_right, NULL, &error));
        g_assert_no_error (error);
        tally[domain].answered++;
        tally[domain].right += is_right;
        answered++;
        right += is_right;
      }
    g_assert_true (nimbus_user_store_finish_practice (store, session, 0, &error));
    g_assert_no_error (error);
  }

  root = progress_json (dir, "dva-c02", &err);
  g_assert_cmpstr (err, ==, "");
  domains = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "exams"), 0), "domains");
  g_assert_cmpuint (json_array_get_length (domains), ==, 4);
  for (guint d = 1; d <= 4; d++)
    {
      JsonObject *domain = json_array_get_object_element (domains, d - 1);
      guint recent = MIN (tally[d].answered, NIMBUS_STORE_READINESS_LAST);

      g_assert_cmpint (json_object_get_int_member (domain, "answered"), ==, tally[d].answered);
      g_assert_cmpint (json_object_get_int_member (domain, "recent"), ==, recent);
      if (tally[d].answered <= NIMBUS_STORE_READINESS_LAST)
        g_assert_cmpint (json_object_get_int_member (domain, "recent_right"), ==,
                         tally[d].right);
      if (recent > 0)
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (domain, "share_right"),
                                        (double) json_object_get_int_member (domain,
                                                                             "recent_right")
                                        / recent, 1e-9);
      else
        g_assert_true (json_node_is_null (json_object_get_member (domain, "share_right")));
      /* A wrong answer flags the sections its question teaches. */
      g_assert_cmpint (json_object_get_int_member (domain, "weak") > 0, ==,
                       tally[d].answered > tally[d].right);
    }

  sessions = json_object_get_array_member (json_node_get_object (root), "sessions");
  g_assert_cmpuint (json_array_get_length (sessions), ==, 1);
  {
    JsonObject *session = json_array_get_object_element (sessions, 0);

    g_assert_cmpstr (json_object_get_string_member (session, "exam"), ==, "dva-c02");
    g_assert_cmpstr (json_object_get_string_member (session, "mode"), ==, "practice");
    g_assert_cmpint (json_object_get_int_member (session, "answered"), ==, answered);
    g_assert_cmpint (json_object_get_int_member (session, "right"), ==, right);
    g_assert_false (json_node_is_null (json_object_get_member (session, "finished_at")));
  }

  /* The other exam has none of these answers, nor the session. */
  g_clear_pointer (&err, g_free);
  other = progress_json (dir, "saa-c03", &err);
  domains = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (other), "exams"), 0), "domains");
  for (guint d = 0; d < 4; d++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (domains, d),
                                                 "answered"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (other), "sessions")), ==, 0);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &out, &err, ARGS ("--progress")), ==, 0);
  g_test_message ("%s", out);
  g_assert_cmpstr (err, ==, "");
  session_line = g_strdup_printf ("  dva-c02  practice  %u of %u right (%u%%)\n", right, answered,
                                  (right * 100 + answered / 2) / answered);
  g_assert_nonnull (strstr (out, session_line));
  g_assert_null (strstr (out, "not finished"));
  for (guint d = 1; d <= 4; d++)
    {
      g_autofree char *line = g_strdup_printf ("     %u answered; ", tally[d].answered);

      if (tally[d].answered > 0)
        g_assert_nonnull (strstr (out, line));
    }
  g_assert_nonnull (strstr (out, "weak area"));
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

/* A store from before practice history is read as it stands, never migrated: its flags
 * count as weak areas of the domains whose questions teach them, and nothing is answered. */
static void
test_progress_old_store (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_auto(GStrv) sections = nimbus_kb_list_domain_sections (kb, "saa-c03", 2, NULL);
  g_autofree char *sql = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *domains;
  sqlite3 *db = NULL;

  g_assert_nonnull (sections);
  g_assert_nonnull (sections[0]);
  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("CREATE TABLE flags (item_id TEXT PRIMARY KEY, "
                         "flagged_at TEXT NOT NULL, note TEXT);"
                         "INSERT INTO flags VALUES (%Q, '2026-01-02T03:04:05Z', NULL);"
                         "PRAGMA user_version = 1;", sections[0]);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (g_steal_pointer (&sql));
  sqlite3_close (db);

  root = progress_json (dir, "saa-c03", &err);
  g_assert_cmpstr (err, ==, "");
  domains = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "exams"), 0), "domains");
  for (guint d = 0; d < json_array_get_length (domains); d++)
    {
      JsonObject *domain = json_array_get_object_element (domains, d);

      g_assert_cmpint (json_object_get_int_member (domain, "answered"), ==, 0);
      if (d == 1)
        g_assert_cmpint (json_object_get_int_member (domain, "weak"), ==, 1);
    }
  g_assert_cmpint (user_version (path), ==, 1);
}

/* A damaged file and a folder where the file should be: exit 1 naming the file, and the
 * file left as it was. */
static void
test_progress_damaged (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autofree char *after = NULL;
  const char * const damaged = "not a database, but the student's file\n";

  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, damaged, -1, NULL));
  for (guint json = 0; json <= 1; json++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (dir, &out, &err, json ? ARGS ("--progress", "--json")
                                                  : ARGS ("--progress")), ==, 1);
      g_test_message ("%s", err);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, "cannot read your practice history"));
      g_assert_nonnull (strstr (err, path));
      g_assert_nonnull (strstr (err, "damaged"));
    }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, damaged);
  {
    g_autoptr(GDir) listing = g_dir_open (store_dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  /* A folder in its place. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (dir, &out, &err, ARGS ("--progress")), ==, 1);
    g_test_message ("%s", err);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpuint (count_lines (err), ==, 1);
    g_assert_nonnull (strstr (err, path));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/cli-practice/json", test_practice_json);
  g_test_add_func ("/nimbus/cli-practice/text", test_practice_text);
  g_test_add_func ("/nimbus/cli-practice/seed", test_practice_seed);
  g_test_add_func ("/nimbus/cli-practice/domain", test_practice_domain);
  g_test_add_func ("/nimbus/cli-practice/service", test_practice_service);
  g_test_add_func ("/nimbus/cli-practice/count", test_practice_count);
  g_test_add_func ("/nimbus/cli-practice/bad-values", test_practice_bad_values);
  g_test_add_func ("/nimbus/cli-practice/hostile", test_practice_hostile);
  g_test_add_func ("/nimbus/cli-practice/unwritable", test_practice_unwritable);
  g_test_add_func ("/nimbus/cli-progress/empty", test_progress_empty);
  g_test_add_func ("/nimbus/cli-progress/answers", test_progress_answers);
  g_test_add_func ("/nimbus/cli-progress/old-store", test_progress_old_store);
  g_test_add_func ("/nimbus/cli-progress/damaged", test_progress_damaged);

  return g_test_run ();
}
