/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-practice"

#include "config.h"

#include <sqlite3.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"
#include "nimbus-question-private.h"

/* Practice questions: one by id, how many there are, and a practice set picked over an
 * exam's domains as its guide weighs them. Questions live in tables of their own, never in
 * the search index. */

static gboolean
load_parts (NimbusKbConn    *conn,
            NimbusQuestion  *question,
            GError         **error)
{
  const char *id = nimbus_question_get_id (question);
  g_autoptr(NimbusKbStmt) options = NULL;
  g_autoptr(NimbusKbStmt) exams = NULL;
  g_autoptr(NimbusKbStmt) sections = NULL;
  int rc;

  options = nimbus_kb_prepare (conn, "SELECT text, correct, why FROM question_options "
                                     "WHERE question_id = ? ORDER BY position", error);
  if (options == NULL)
    return FALSE;
  sqlite3_bind_text (options, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (options)) == SQLITE_ROW)
    nimbus_question_add_option (question, (const char *) sqlite3_column_text (options, 0),
                                sqlite3_column_int (options, 1) != 0,
                                (const char *) sqlite3_column_text (options, 2));
  if (!nimbus_kb_step_done (conn, rc, error))
    return FALSE;

  exams = nimbus_kb_prepare (conn, "SELECT e.exam_id, e.domain FROM question_exams e "
                                   "JOIN exams x ON x.id = e.exam_id "
                                   "WHERE e.question_id = ? ORDER BY x.position", error);
  if (exams == NULL)
    return FALSE;
  sqlite3_bind_text (exams, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (exams)) == SQLITE_ROW)
    nimbus_question_add_exam (question, (const char *) sqlite3_column_text (exams, 0),
                              sqlite3_column_int (exams, 1));
  if (!nimbus_kb_step_done (conn, rc, error))
    return FALSE;

  sections = nimbus_kb_prepare (conn, "SELECT section_id FROM question_sections "
                                      "WHERE question_id = ? ORDER BY position", error);
  if (sections == NULL)
    return FALSE;
  sqlite3_bind_text (sections, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (sections)) == SQLITE_ROW)
    nimbus_question_add_section (question, (const char *) sqlite3_column_text (sections, 0));

  return nimbus_kb_step_done (conn, rc, error);
}

/* The question id (sqs/q/SLUG), with its options, exams and sections; NULL with
 * NIMBUS_KB_ERROR_NO_ENTRY when there is none such. */
NimbusQuestion *
nimbus_kb_get_question (NimbusKb    *self,
                        const char  *id,
                        GError     **error)
{
  NimbusKbConn *conn;
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(NimbusQuestion) question = NULL;
  int rc;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  conn = nimbus_kb_get_conn (self);
  stmt = nimbus_kb_prepare (conn, "SELECT id, service_id, stem, choose FROM questions "
                                  "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (nimbus_kb_step_done (conn, rc, error))
        g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY,
                     "No practice question “%s” in the knowledge base",
                     g_utf8_validate (id, -1, NULL) ? id : "");
      return NULL;
    }

  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    {
      nimbus_kb_set_corrupt (conn, error);
      return NULL;
    }

  question = nimbus_question_new ((const char *) sqlite3_column_text (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  sqlite3_column_int (stmt, 3));
  g_clear_pointer (&stmt, nimbus_kb_stmt_release);

  if (!load_parts (conn, question, error))
    return NULL;

  return g_steal_pointer (&question);
}

/* How many questions there are: of exam_id (NULL: any), in its domain (0: any), of
 * service_id (NULL: any). 0 with error set when the knowledge base cannot be read. */
guint
nimbus_kb_count_questions (NimbusKb    *self,
                           const char  *exam_id,
                           guint        domain,
                           const char  *service_id,
                           GError     **error)
{
  NimbusKbConn *conn;
  g_autoptr(NimbusKbStmt) stmt = NULL;
  guint count;
  int rc;

  g_return_val_if_fail (NIMBUS_IS_KB (self), 0);
  g_return_val_if_fail (exam_id != NULL || domain == 0, 0);

  conn = nimbus_kb_get_conn (self);
  stmt = nimbus_kb_prepare (conn,
                            "SELECT count (*) FROM questions q WHERE (?1 IS NULL OR EXISTS "
                            "  (SELECT 1 FROM question_exams e WHERE e.question_id = q.id "
                            "   AND e.exam_id = ?1 AND (?2 = 0 OR e.domain = ?2))) "
                            "AND (?3 IS NULL OR q.service_id = ?3)", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, exam_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, domain);
  sqlite3_bind_text (stmt, 3, service_id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      nimbus_kb_step_done (conn, rc, error);
      return 0;
    }

  count = sqlite3_column_int (stmt, 0);
  return count;
}

/* The sections that questions of exam_id's domain link to, sorted; the user store counts
 * the weak areas among them (nimbus_user_store_get_readiness ()). */
GStrv
nimbus_kb_list_domain_sections (NimbusKb    *self,
                                const char  *exam_id,
                                guint        domain,
                                GError     **error)
{
  NimbusKbConn *conn;
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (exam_id != NULL, NULL);

  conn = nimbus_kb_get_conn (self);
  stmt = nimbus_kb_prepare (conn, "SELECT DISTINCT s.section_id FROM question_sections s "
                                  "JOIN question_exams e ON e.question_id = s.question_id "
                                  "WHERE e.exam_id = ? AND e.domain = ? ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, exam_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, domain);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (!nimbus_kb_step_done (conn, rc, error))
    return NULL;

  return g_strv_builder_end (builder);
}

/* Picking a practice set */

static gboolean
check_query (NimbusKb            *self,
             const char          *exam_id,
             const guint         *domains,
             gsize                n_domains,
             const char * const  *service_ids,
             NimbusExam         **exam_out,
             GError             **error)
{
  g_autoptr(GPtrArray) exams = nimbus_kb_list_exams (self, error);

  g_assert (NIMBUS_IS_KB (self));

  if (exams == NULL)
    return FALSE;

  for (guint i = 0; i < exams->len && *exam_out == NULL; i++)
    {
      if (g_str_equal (((NimbusExam *) g_ptr_array_index (exams, i))->id, exam_id))
        *exam_out = g_ptr_array_steal_index (exams, i);
    }
  if (*exam_out == NULL)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY,
                   "No exam “%s” in the knowledge base",
                   g_utf8_validate (exam_id, -1, NULL) ? exam_id : "");
      return FALSE;
    }

  for (gsize i = 0; i < n_domains; i++)
    {
      if (nimbus_exam_find_domain (*exam_out, domains[i]) == NULL)
        {
          g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY,
                       "The exam “%s” has no domain %u (its domains are 1 to %u)", exam_id,
                       domains[i], (*exam_out)->domains->len);
          return FALSE;
        }
    }

  for (guint i = 0; service_ids != NULL && service_ids[i] != NULL; i++)
    {
      NimbusKbConn *conn = nimbus_kb_get_conn (self);
      g_autoptr(NimbusKbStmt) stmt = NULL;
      int rc;

      if ((stmt = nimbus_kb_prepare (conn, "SELECT 1 FROM services WHERE id = ?", error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, service_ids[i], -1, SQLITE_TRANSIENT);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          if (nimbus_kb_step_done (conn, rc, error))
            g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY,
                         "No service “%s” in the knowledge base",
                         g_utf8_validate (service_ids[i], -1, NULL) ? service_ids[i] : "");
          return FALSE;
        }
    }

  return TRUE;
}

/* How many of count each domain gets: seats handed out one by one to the domain whose
 * weight per seat (Sainte-Laguë) is highest, among those with questions left. */
static void
apportion (const NimbusExam *exam,
           GPtrArray       **candidates,
           guint             count,
           guint            *quota)
{
  for (guint seat = 0; seat < count; seat++)
    {
      double best_score = -1;
      int best = -1;

      for (guint d = 0; d < exam->domains->len; d++)
        {
          const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, d);
          double score;

          if (candidates[d] == NULL || quota[d] >= candidates[d]->len)
            continue;
          score = (double) domain->weight / (2 * quota[d] + 1);
          if (score > best_score)
            {
              best_score = score;
              best = d;
            }
        }

      if (best < 0)
        return;
      quota[best]++;
    }
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

static gboolean
wanted (const guint        *domains,
        gsize               n_domains,
        const char * const *service_ids,
        guint               domain,
        const char         *service_id)
{
  gboolean domain_ok = n_domains == 0;

  for (gsize i = 0; i < n_domains && !domain_ok; i++)
    domain_ok = domains[i] == domain;

  return domain_ok && (service_ids == NULL || service_ids[0] == NULL ||
                       g_strv_contains (service_ids, service_id));
}

/* The candidates of each domain (index: domain number - 1), in knowledge-base order. */
static gboolean
gather (NimbusKb            *self,
        const NimbusExam    *exam,
        const guint         *domains,
        gsize                n_domains,
        const char * const  *service_ids,
        GPtrArray          **candidates,
        GError             **error)
{
  NimbusKbConn *conn = nimbus_kb_get_conn (self);
  g_autoptr(NimbusKbStmt) stmt = NULL;
  int rc;

  g_assert (NIMBUS_IS_KB (self));

  stmt = nimbus_kb_prepare (conn, "SELECT q.id, e.domain, q.service_id FROM questions q "
                                  "JOIN question_exams e ON e.question_id = q.id "
                                  "WHERE e.exam_id = ? ORDER BY q.position", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, exam->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint domain = sqlite3_column_int (stmt, 1);
      const char *service_id = (const char *) sqlite3_column_text (stmt, 2);

      if (domain < 1 || domain > exam->domains->len || service_id == NULL ||
          sqlite3_column_type (stmt, 0) == SQLITE_NULL ||
          !wanted (domains, n_domains, service_ids, domain, service_id))
        continue;

      if (candidates[domain - 1] == NULL)
        candidates[domain - 1] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (candidates[domain - 1],
                       g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }

  return nimbus_kb_step_done (conn, rc, error);
}

/* A practice set of up to count questions (NimbusQuestion) of exam_id, in the order to ask
 * them. domains (n_domains of them, domain numbers) and service_ids (NULL-terminated)
 * narrow the choice when given; NULL or empty means every one. The set is spread over the
 * domains left as the exam guide weighs them (so a 65-question set of every domain looks
 * like the exam), and holds fewer than count questions only when fewer match. The same
 * seed picks the same set from the same knowledge base; seed 0 picks at random.
 * NIMBUS_KB_ERROR_NO_ENTRY names an unknown exam, domain or service. */
GListModel *
nimbus_kb_pick_questions (NimbusKb            *self,
                          const char          *exam_id,
                          const guint         *domains,
                          gsize                n_domains,
                          const char * const  *service_ids,
                          guint                count,
                          guint32              seed,
                          GError             **error)
{
  g_autoptr(NimbusExam) exam = NULL;
  g_autoptr(GListStore) store = g_list_store_new (NIMBUS_TYPE_QUESTION);
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  g_autoptr(GRand) rand = NULL;
  g_autofree GPtrArray **candidates = NULL;
  g_autofree guint *quota = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (exam_id != NULL, NULL);
  g_return_val_if_fail (domains != NULL || n_domains == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_query (self, exam_id, domains, n_domains, service_ids, &exam, error))
    return NULL;

  rand = seed != 0 ? g_rand_new_with_seed (seed) : g_rand_new ();
  candidates = g_new0 (GPtrArray *, exam->domains->len);
  quota = g_new0 (guint, exam->domains->len);

  if (gather (self, exam, domains, n_domains, service_ids, candidates, error))
    {
      for (guint d = 0; d < exam->domains->len; d++)
        if (candidates[d] != NULL)
          shuffle (candidates[d], rand);

      apportion (exam, candidates, count, quota);
      for (guint d = 0; d < exam->domains->len; d++)
        for (guint i = 0; i < quota[d]; i++)
          g_ptr_array_add (picked, g_ptr_array_index (candidates[d], i));
      shuffle (picked, rand);

      for (guint i = 0; i < picked->len && ok; i++)
        {
          g_autoptr(NimbusQuestion) question = nimbus_kb_get_question (self, picked->pdata[i],
                                                                       error);

          if ((ok = question != NULL))
            g_list_store_append (store, question);
        }
    }
  else
    ok = FALSE;

  for (guint d = 0; d < exam->domains->len; d++)
    g_clear_pointer (&candidates[d], g_ptr_array_unref);

  return ok ? G_LIST_MODEL (g_steal_pointer (&store)) : NULL;
}
