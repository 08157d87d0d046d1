/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-search-hit.h"
#include "nimbus-service.h"
#include "nimbus-test-utils.h"

/* Practice questions in the compiled knowledge base: every expectation is derived from the
 * knowledge base itself, so the tests hold however many questions the sources have. */

static GPtrArray *
list_exams (NimbusKb *kb)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *exams = nimbus_kb_list_exams (kb, &error);

  g_assert_no_error (error);
  return exams;
}

static GListModel *
pick_all (NimbusKb   *kb,
          const char *exam_id)
{
  g_autoptr(GError) error = NULL;
  guint n = nimbus_kb_count_questions (kb, exam_id, 0, NULL, &error);
  GListModel *set;

  g_assert_no_error (error);
  set = nimbus_kb_pick_questions (kb, exam_id, NULL, 0, NULL, n + 10, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (set), ==, n);

  return set;
}

/* Each question as the rules say, its sections real, its answer checked only when right. */
static void
check_question (NimbusKb       *kb,
                NimbusQuestion *question,
                const char     *exam_id)
{
  g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (guint));
  const char * const *sections = nimbus_question_get_section_ids (question);
  guint n = nimbus_question_get_n_options (question);
  guint choose = nimbus_question_get_choose (question);
  guint wrong = G_MAXUINT;

  g_assert_true (g_str_has_prefix (nimbus_question_get_id (question),
                                   nimbus_question_get_service_id (question)));
  g_assert_nonnull (strstr (nimbus_question_get_id (question), "/q/"));
  g_assert_cmpuint (strlen (nimbus_question_get_stem (question)), >=, 40);
  g_assert_cmpuint (nimbus_question_get_domain (question, exam_id), >=, 1);
  g_assert_true (g_strv_contains (nimbus_question_get_exam_ids (question), exam_id));
  g_assert_cmpuint (nimbus_question_get_domain (question, "no-such-exam"), ==, 0);
  g_assert_cmpuint (n, ==, choose == 1 ? 4 : MAX (n, 5));
  g_assert_cmpuint (n, <=, 6);

  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (nimbus_question_get_option_text (question, i));
      g_assert_nonnull (nimbus_question_get_option_why (question, i));
      if (nimbus_question_get_option_correct (question, i))
        g_array_append_val (correct, i);
      else
        wrong = i;
    }
  g_assert_cmpuint (correct->len, ==, choose);
  g_assert_cmpuint (wrong, <, n);

  g_assert_true (nimbus_question_check_answer (question, (guint *) correct->data, correct->len));
  g_array_append_val (correct, g_array_index (correct, guint, 0));  /* a repeat counts once */
  g_assert_true (nimbus_question_check_answer (question, (guint *) correct->data, correct->len));
  g_array_append_val (correct, wrong);
  g_assert_false (nimbus_question_check_answer (question, (guint *) correct->data, correct->len));
  g_assert_false (nimbus_question_check_answer (question, NULL, 0));
  g_assert_false (nimbus_question_check_answer (question, &wrong, 1));
  {
    guint beyond[] = { n, 99, G_MAXUINT };

    g_assert_false (nimbus_question_check_answer (question, beyond, G_N_ELEMENTS (beyond)));
  }

  g_assert_nonnull (sections[0]);
  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *title = nimbus_kb_lookup_title (kb, sections[i]);

      g_assert_nonnull (strchr (sections[i], '/'));
      g_assert_nonnull (title);
    }
}

static void
test_practice_every_question (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) exams = list_exams (kb);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total = nimbus_kb_count_questions (kb, NULL, 0, NULL, NULL);
  guint on_exams = 0;

  g_assert_cmpuint (total, >, 0);
  for (guint e = 0; e < exams->len; e++)
    {
      const NimbusExam *exam = g_ptr_array_index (exams, e);
      g_autoptr(GListModel) set = pick_all (kb, exam->id);
      guint by_domain = 0;

      for (guint d = 1; d <= exam->domains->len; d++)
        by_domain += nimbus_kb_count_questions (kb, exam->id, d, NULL, NULL);
      g_assert_cmpuint (by_domain, ==, g_list_model_get_n_items (set));

      for (guint i = 0; i < g_list_model_get_n_items (set); i++)
        {
          g_autoptr(NimbusQuestion) question = g_list_model_get_item (set, i);
          g_autoptr(NimbusQuestion) again = NULL;
          g_autoptr(GError) error = NULL;

          check_question (kb, question, exam->id);
          again = nimbus_kb_get_question (kb, nimbus_question_get_id (question), &error);
          g_assert_no_error (error);
          g_assert_cmpstr (nimbus_question_get_stem (again), ==,
                           nimbus_question_get_stem (question));
          if (g_hash_table_add (seen, g_strdup (nimbus_question_get_id (question))))
            on_exams++;
        }
    }

  /* Every question is on one exam at least. */
  g_assert_cmpuint (on_exams, ==, total);
}

static void
test_practice_unknown (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  const char *ids[] = { "sqs/q/no-such-question", "sqs", "sqs/visibility-timeout", "",
                        "sqs/q/' OR 1=1 --", "\xff\xfe" };
  const guint bad_domain[] = { 99 };
  const char *bad_services[] = { "no-such-service", NULL };
  const char *section_as_service[] = { "sqs/visibility-timeout", NULL };
  g_autoptr(GError) error = NULL;
  GListModel *set;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(NimbusQuestion) question = nimbus_kb_get_question (kb, ids[i], &error);

      g_assert_null (question);
      g_assert_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  set = nimbus_kb_pick_questions (kb, "dva-c01", NULL, 0, NULL, 10, 0, &error);
  g_assert_null (set);
  g_assert_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY);
  g_assert_nonnull (strstr (error->message, "dva-c01"));
  g_clear_error (&error);

  set = nimbus_kb_pick_questions (kb, "dva-c02", bad_domain, 1, NULL, 10, 0, &error);
  g_assert_null (set);
  g_assert_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY);
  g_clear_error (&error);

  set = nimbus_kb_pick_questions (kb, "dva-c02", NULL, 0, bad_services, 10, 0, &error);
  g_assert_null (set);
  g_assert_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY);
  g_assert_nonnull (strstr (error->message, "no-such-service"));
  g_clear_error (&error);

  set = nimbus_kb_pick_questions (kb, "dva-c02", NULL, 0, section_as_service, 10, 0, &error);
  g_assert_null (set);
  g_assert_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY);
  g_clear_error (&error);

  /* Nothing asked for is an empty set, not an error. */
  set = nimbus_kb_pick_questions (kb, "dva-c02", NULL, 0, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (set), ==, 0);
  g_object_unref (set);
}

static GStrv
ids_of (GListModel *set)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (set); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (set, i);

      g_strv_builder_add (builder, nimbus_question_get_id (question));
    }

  return g_strv_builder_end (builder);
}

/* One seed, one set; other seeds, other sets; seed 0 at random, still distinct questions. */
static void
test_practice_seed (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  guint n = nimbus_kb_count_questions (kb, "saa-c03", 0, NULL, NULL);
  guint count = MAX (n / 2, 1);
  g_autoptr(GListModel) a = nimbus_kb_pick_questions (kb, "saa-c03", NULL, 0, NULL, count, 7,
                                                      NULL);
  g_autoptr(GListModel) b = nimbus_kb_pick_questions (kb, "saa-c03", NULL, 0, NULL, count, 7,
                                                      NULL);
  g_auto(GStrv) ids_a = ids_of (a);
  g_auto(GStrv) ids_b = ids_of (b);
  gboolean differs = FALSE;

  g_assert_cmpuint (g_strv_length (ids_a), ==, MIN (count, n));
  g_assert_true (g_strv_equal ((const char * const *) ids_a, (const char * const *) ids_b));

  for (guint32 seed = 8; seed < 16 && !differs && n > 2; seed++)
    {
      g_autoptr(GListModel) c = nimbus_kb_pick_questions (kb, "saa-c03", NULL, 0, NULL, count,
                                                          seed, NULL);
      g_auto(GStrv) ids_c = ids_of (c);

      differs = !g_strv_equal ((const char * const *) ids_a, (const char * const *) ids_c);
    }
  g_assert_true (differs || n <= 2);

  {
    g_autoptr(GListModel) r = nimbus_kb_pick_questions (kb, "saa-c03", NULL, 0, NULL, count, 0,
                                                        NULL);
    g_auto(GStrv) ids_r = ids_of (r);
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    g_assert_cmpuint (g_strv_length (ids_r), ==, MIN (count, n));
    for (guint i = 0; ids_r[i] != NULL; i++)
      g_assert_true (g_hash_table_add (seen, ids_r[i]));
  }
}

/* Spread by the guide's weights: no question could move from one domain to another that
 * still has questions left and come closer to the weights (the Sainte-Laguë condition),
 * for every size of set. */
static void
test_practice_weights (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) exams = list_exams (kb);

  for (guint e = 0; e < exams->len; e++)
    {
      const NimbusExam *exam = g_ptr_array_index (exams, e);
      guint n = nimbus_kb_count_questions (kb, exam->id, 0, NULL, NULL);

      for (guint count = 1; count <= n; count += MAX (n / 12, 1))
        {
          g_autoptr(GListModel) set = nimbus_kb_pick_questions (kb, exam->id, NULL, 0, NULL,
                                                                count, count, NULL);
          guint got[16] = { 0 };

          g_assert_cmpuint (g_list_model_get_n_items (set), ==, count);
          g_assert_cmpuint (exam->domains->len, <, G_N_ELEMENTS (got));
          for (guint i = 0; i < count; i++)
            {
              g_autoptr(NimbusQuestion) question = g_list_model_get_item (set, i);

              got[nimbus_question_get_domain (question, exam->id)]++;
            }

          for (guint d = 1; d <= exam->domains->len; d++)
            {
              const NimbusExamDomain *dd = nimbus_exam_find_domain (exam, d);

              if (got[d] == nimbus_kb_count_questions (kb, exam->id, d, NULL, NULL))
                continue;  /* every question of d is in: d could take no more */

              for (guint o = 1; o <= exam->domains->len; o++)
                {
                  const NimbusExamDomain *od = nimbus_exam_find_domain (exam, o);

                  if (o != d && got[o] > 0)
                    g_assert_cmpfloat ((got[d] + 0.5) / dd->weight, >=,
                                       (got[o] - 0.5) / od->weight - 1e-9);
                }
            }
        }
    }
}

/* Domains and services narrow the set; a domain asked for alone gets all it has. */
static void
test_practice_filters (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) exams = list_exams (kb);
  const NimbusExam *exam = g_ptr_array_index (exams, 0);
  const guint domains[] = { 1, exam->domains->len };
  g_autoptr(GListModel) all = pick_all (kb, exam->id);
  g_autoptr(NimbusQuestion) first = g_list_model_get_item (all, 0);
  const char *services[] = { nimbus_question_get_service_id (first), NULL };
  g_autoptr(GListModel) by_domain = NULL;
  g_autoptr(GListModel) by_service = NULL;
  guint n_domain = 0;

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    n_domain += nimbus_kb_count_questions (kb, exam->id, domains[i], NULL, NULL);

  by_domain = nimbus_kb_pick_questions (kb, exam->id, domains, G_N_ELEMENTS (domains), NULL,
                                        1000, 3, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (by_domain), ==, n_domain);
  for (guint i = 0; i < g_list_model_get_n_items (by_domain); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (by_domain, i);
      guint domain = nimbus_question_get_domain (question, exam->id);

      g_assert_true (domain == domains[0] || domain == domains[1]);
    }

  by_service = nimbus_kb_pick_questions (kb, exam->id, NULL, 0, services, 1000, 3, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (by_service), ==,
                    nimbus_kb_count_questions (kb, exam->id, 0, services[0], NULL));
  for (guint i = 0; i < g_list_model_get_n_items (by_service); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (by_service, i);

      g_assert_cmpstr (nimbus_question_get_service_id (question), ==, services[0]);
    }
}

/* Questions are no search documents: their stems find no question, and the domains'
 * sections are real ones. */
static void
test_practice_not_searched (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GListModel) all = pick_all (kb, "dva-c02");

  for (guint i = 0; i < MIN (g_list_model_get_n_items (all), 20); i++)
    {
      g_autoptr(NimbusQuestion) question = g_list_model_get_item (all, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = nimbus_kb_search (kb, nimbus_question_get_stem (question), 50,
                                                    &error);

      g_assert_no_error (error);
      for (guint j = 0; j < hits->len; j++)
        {
          NimbusSearchHit *hit = g_ptr_array_index (hits, j);

          g_assert_null (strstr (nimbus_search_hit_get_id (hit), "/q/"));
        }
    }

  for (guint d = 1; d <= 4; d++)
    {
      g_auto(GStrv) sections = nimbus_kb_list_domain_sections (kb, "dva-c02", d, NULL);

      g_assert_nonnull (sections);
      for (guint i = 0; sections[i] != NULL; i++)
        {
          g_autofree char *title = nimbus_kb_lookup_title (kb, sections[i]);

          g_assert_nonnull (title);
        }
    }
}

/* The floors the practice set is held to: every service has at least 4 questions on each
 * exam it is on, 400 in all, and a mock exam's share of every domain of both guides (65
 * questions by weight) is there to be asked at least twice over. */
static void
test_practice_floors (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, &error);
  g_autoptr(GPtrArray) exams = list_exams (kb);
  guint total;

  g_assert_no_error (error);
  total = nimbus_kb_count_questions (kb, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%u questions", total);
  g_assert_cmpuint (total, >=, 400);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      const char *id = nimbus_service_get_id (service);

      for (guint e = 0; e < exams->len; e++)
        {
          const NimbusExam *exam = g_ptr_array_index (exams, e);
          guint n;

          if (!nimbus_service_is_on_exam (service, exam->id))
            continue;
          n = nimbus_kb_count_questions (kb, exam->id, 0, id, &error);
          g_assert_no_error (error);
          if (n < 4)
            g_test_message ("%s has %u questions on %s", id, n, exam->id);
          g_assert_cmpuint (n, >=, 4);
        }
    }

  for (guint e = 0; e < exams->len; e++)
    {
      const NimbusExam *exam = g_ptr_array_index (exams, e);

      for (guint d = 0; d < exam->domains->len; d++)
        {
          const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, d);
          guint n = nimbus_kb_count_questions (kb, exam->id, domain->number, NULL, &error);

          g_assert_no_error (error);
          g_test_message ("%s domain %u: %u questions", exam->id, domain->number, n);
          g_assert_cmpuint (n, >=, 2 * (65 * domain->weight + 99) / 100);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/practice/every-question", test_practice_every_question);
  g_test_add_func ("/nimbus/practice/floors", test_practice_floors);
  g_test_add_func ("/nimbus/practice/unknown", test_practice_unknown);
  g_test_add_func ("/nimbus/practice/seed", test_practice_seed);
  g_test_add_func ("/nimbus/practice/weights", test_practice_weights);
  g_test_add_func ("/nimbus/practice/filters", test_practice_filters);
  g_test_add_func ("/nimbus/practice/not-searched", test_practice_not_searched);

  return g_test_run ();
}
