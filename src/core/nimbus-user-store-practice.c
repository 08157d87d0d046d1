/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-user-store-practice"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "nimbus-sqlite-private.h"
#include "nimbus-user-store-private.h"

/* Practice history in the user store: sessions and their answers. A wrong answer flags the
 * sections that teach the question as weak areas; a right one on a flagged section counts
 * as a review that was known. History is read as flags are: from a store that cannot be
 * written, and as empty from one too old to have it. */

void
nimbus_practice_session_free (NimbusPracticeSession *session)
{
  if (session == NULL)
    return;

  g_free (session->exam_id);
  g_free (session->mode);
  g_free (session->started_at);
  g_free (session->finished_at);
  g_array_unref (session->domains);
  g_free (session);
}

void
nimbus_domain_readiness_free (NimbusDomainReadiness *readiness)
{
  if (readiness == NULL)
    return;

  g_free (readiness->name);
  g_free (readiness);
}

static sqlite3_stmt *
prepare (NimbusUserStore  *self,
         const char       *sql,
         gboolean          writing,
         GError          **error)
{
  sqlite3 *db = nimbus_user_store_get_db (self);
  sqlite3_stmt *stmt = NULL;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      nimbus_user_store_fail (self, db, writing, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static gboolean
exec (NimbusUserStore  *self,
      const char       *sql,
      GError          **error)
{
  sqlite3 *db = nimbus_user_store_get_db (self);

  g_assert (NIMBUS_IS_USER_STORE (self));

  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK ||
         nimbus_user_store_fail (self, db, TRUE, error);
}

/* Whether the store has practice history at all: one from before it, read as it stands,
 * has none. */
static gboolean
has_history (NimbusUserStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = nimbus_user_store_get_db (self);

  g_assert (NIMBUS_IS_USER_STORE (self));

  return db != NULL &&
         sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' "
                                 "AND name = 'practice_answers'", -1, &stmt, NULL) == SQLITE_OK &&
         sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
check_exam_id (const char  *exam_id,
               GError     **error)
{
  gboolean ok = exam_id != NULL && *exam_id != '\0' && strlen (exam_id) <= 64;

  for (const char *p = exam_id; ok && *p != '\0'; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-';

  if (!ok)
    g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID,
                 _("“%s” is not an exam id (like dva-c02)"),
                 exam_id != NULL && g_utf8_validate (exam_id, -1, NULL) ? exam_id : "");
  return ok;
}

/* Starts a session of mode ("practice", or "mock" for the timed exam) on exam_id; its id,
 * or 0 with error set (NIMBUS_STORE_ERROR_READ_ONLY when the store cannot be written). */
gint64
nimbus_user_store_start_practice (NimbusUserStore  *self,
                                  const char       *exam_id,
                                  const char       *mode,
                                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = nimbus_user_store_now_iso (0);

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), 0);
  g_return_val_if_fail (g_strcmp0 (mode, "practice") == 0 || g_strcmp0 (mode, "mock") == 0, 0);

  if (!check_exam_id (exam_id, error) || !nimbus_user_store_check_writable (self, error))
    return 0;

  stmt = prepare (self, "INSERT INTO practice_sessions (exam_id, mode, started_at) "
                        "VALUES (?, ?, ?)", TRUE, error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, exam_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      nimbus_user_store_fail (self, nimbus_user_store_get_db (self), TRUE, error);
      return 0;
    }

  return sqlite3_last_insert_rowid (nimbus_user_store_get_db (self));
}

/* The flag id as it is now, or one with no flagged_at when it is not flagged. */
static NimbusFlag *
flag_state (NimbusUserStore  *self,
            const char       *id,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  NimbusFlag *flag;
  int rc;

  g_assert (NIMBUS_IS_USER_STORE (self));

  stmt = prepare (self, "SELECT flagged_at, note, box, due_at, reviews FROM flags "
                        "WHERE item_id = ?", FALSE, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  flag = g_new0 (NimbusFlag, 1);
  flag->id = g_strdup (id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      flag->flagged_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      flag->note = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      flag->box = sqlite3_column_int (stmt, 2);
      flag->due_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      flag->reviews = sqlite3_column_int (stmt, 4);
    }
  else if (rc != SQLITE_DONE)
    {
      nimbus_flag_free (flag);
      nimbus_user_store_fail (self, nimbus_user_store_get_db (self), FALSE, error);
      return NULL;
    }

  return flag;
}

static gboolean
insert_answer (NimbusUserStore  *self,
               gint64            session_id,
               NimbusQuestion   *question,
               const char       *exam_id,
               guint             domain,
               gboolean          right,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = nimbus_user_store_now_iso (0);

  g_assert (NIMBUS_IS_USER_STORE (self));

  stmt = prepare (self, "INSERT INTO practice_answers (session_id, question_id, exam_id, "
                        "domain, correct, answered_at) "
                        "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE ?1 IS NULL OR EXISTS "
                        "(SELECT 1 FROM practice_sessions WHERE id = ?1)", TRUE, error);
  if (stmt == NULL)
    return FALSE;

  if (session_id > 0)
    sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, nimbus_question_get_id (question), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, exam_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, domain);
  sqlite3_bind_int (stmt, 5, right);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return nimbus_user_store_fail (self, nimbus_user_store_get_db (self), TRUE, error);

  if (sqlite3_changes (nimbus_user_store_get_db (self)) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);

      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID,
                   _("There is no practice session %s"), number);
      return FALSE;
    }

  return TRUE;
}

/* What the answer does to each linked section: a wrong one flags it (or sends a flagged
 * one back to the first box), a right one moves a flagged one up a box. */
static gboolean
touch_sections (NimbusUserStore  *self,
                NimbusQuestion   *question,
                gboolean          right,
                GPtrArray        *changed,
                GError          **error)
{
  const char * const *sections = nimbus_question_get_section_ids (question);

  g_assert (NIMBUS_IS_USER_STORE (self));

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autoptr(NimbusFlag) before = flag_state (self, sections[i], error);
      gboolean ok;

      if (before == NULL)
        return FALSE;
      if (right && before->flagged_at == NULL)
        continue;

      if (before->flagged_at == NULL)
        ok = nimbus_user_store_flag (self, sections[i], NULL, error);
      else
        ok = nimbus_user_store_review (self, sections[i], right, error);
      if (!ok)
        return FALSE;

      g_ptr_array_add (changed, g_steal_pointer (&before));
    }

  return TRUE;
}

/* Records one answer to question on exam_id in session session_id (0: in no session), and
 * what it means for the weak areas: wrong flags each section the question links to as a
 * weak area in the first Leitner box (a flagged one goes back to it); right counts as a
 * known review of each linked section already flagged (nimbus_user_store_review ()).
 * changed, when given, receives each flag touched as it was before (NimbusFlag; no
 * flagged_at: it was not flagged), empty when none was, for the window to say what was
 * flagged and to undo it with nimbus_user_store_undo_flags (). All or nothing. */
gboolean
nimbus_user_store_record_answer (NimbusUserStore  *self,
                                 gint64            session_id,
                                 NimbusQuestion   *question,
                                 const char       *exam_id,
                                 gboolean          right,
                                 GPtrArray       **changed,
                                 GError          **error)
{
  g_autoptr(GPtrArray) touched = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_flag_free);
  guint domain;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (NIMBUS_IS_QUESTION (question), FALSE);
  g_return_val_if_fail (changed == NULL || *changed == NULL, FALSE);

  if (!check_exam_id (exam_id, error) || !nimbus_user_store_check_writable (self, error))
    return FALSE;

  if ((domain = nimbus_question_get_domain (question, exam_id)) == 0)
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID,
                   _("The question “%s” is not on the exam “%s”"),
                   nimbus_question_get_id (question), exam_id);
      return FALSE;
    }

  if (!exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;

  if (!insert_answer (self, session_id, question, exam_id, domain, right, error) ||
      !touch_sections (self, question, right, touched, error) ||
      !exec (self, "COMMIT;", error))
    {
      sqlite3_exec (nimbus_user_store_get_db (self), "ROLLBACK;", NULL, NULL, NULL);
      nimbus_user_store_emit_changed (self);
      return FALSE;
    }

  nimbus_user_store_emit_changed (self);
  if (changed != NULL)
    *changed = g_steal_pointer (&touched);
  return TRUE;
}

static gboolean
put_back (NimbusUserStore   *self,
          const NimbusFlag  *flag,
          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (flag->flagged_at == NULL)
    return nimbus_user_store_unflag (self, flag->id, error);

  stmt = prepare (self, "UPDATE flags SET box = ?, due_at = ?, reviews = ? WHERE item_id = ?",
                  TRUE, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, CLAMP (flag->box, NIMBUS_STORE_FIRST_BOX, NIMBUS_STORE_LAST_BOX));
  sqlite3_bind_text (stmt, 2, flag->due_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, MAX (flag->reviews, 0));
  sqlite3_bind_text (stmt, 4, flag->id, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_DONE ||
         nimbus_user_store_fail (self, nimbus_user_store_get_db (self), TRUE, error);
}

/* Puts the flags an answer changed back as they were (changed as record_answer gave it);
 * the answer itself stays in the history. */
gboolean
nimbus_user_store_undo_flags (NimbusUserStore  *self,
                              GPtrArray        *changed,
                              GError          **error)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  if (!nimbus_user_store_check_writable (self, error) || !exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;

  for (guint i = 0; i < changed->len; i++)
    {
      if (!put_back (self, g_ptr_array_index (changed, i), error))
        {
          sqlite3_exec (nimbus_user_store_get_db (self), "ROLLBACK;", NULL, NULL, NULL);
          nimbus_user_store_emit_changed (self);
          return FALSE;
        }
    }

  if (!exec (self, "COMMIT;", error))
    {
      sqlite3_exec (nimbus_user_store_get_db (self), "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  nimbus_user_store_emit_changed (self);
  return TRUE;
}

/* Marks the session finished now, with the time its timer was paused. */
gboolean
nimbus_user_store_finish_practice (NimbusUserStore  *self,
                                   gint64            session_id,
                                   gint64            paused_seconds,
                                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = nimbus_user_store_now_iso (0);

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!nimbus_user_store_check_writable (self, error))
    return FALSE;

  stmt = prepare (self, "UPDATE practice_sessions SET finished_at = ?, paused_seconds = ? "
                        "WHERE id = ? AND finished_at IS NULL", TRUE, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, MAX (paused_seconds, 0));
  sqlite3_bind_int64 (stmt, 3, session_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return nimbus_user_store_fail (self, nimbus_user_store_get_db (self), TRUE, error);

  if (sqlite3_changes (nimbus_user_store_get_db (self)) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);

      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID,
                   _("There is no unfinished practice session %s"), number);
      return FALSE;
    }

  nimbus_user_store_emit_changed (self);
  return TRUE;
}

static gboolean
can_read (NimbusUserStore  *self,
          GError          **error)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  if (nimbus_user_store_get_read_error (self) == NULL)
    return TRUE;

  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED, "%s",
               nimbus_user_store_get_read_error (self));
  return FALSE;
}

static gboolean
load_scores (NimbusUserStore        *self,
             NimbusPracticeSession  *session,
             GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_assert (NIMBUS_IS_USER_STORE (self));

  stmt = prepare (self, "SELECT domain, count (*), total (correct != 0) FROM practice_answers "
                        "WHERE session_id = ? GROUP BY domain ORDER BY domain", FALSE, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusDomainScore score = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                  sqlite3_column_int (stmt, 2) };

      g_array_append_val (session->domains, score);
      session->answered += score.answered;
      session->right += score.right;
    }

  return rc == SQLITE_DONE ||
         nimbus_user_store_fail (self, nimbus_user_store_get_db (self), FALSE, error);
}

/* Every practice session (NimbusPracticeSession) with an answer at least, newest first,
 * each with its score per domain. */
GPtrArray *
nimbus_user_store_list_practice (NimbusUserStore  *self,
                                 GError          **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  if (!can_read (self, error))
    return NULL;

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_practice_session_free);
  if (!has_history (self))
    return g_steal_pointer (&sessions);

  stmt = prepare (self, "SELECT id, exam_id, mode, started_at, finished_at, paused_seconds "
                        "FROM practice_sessions s WHERE EXISTS (SELECT 1 FROM practice_answers "
                        "a WHERE a.session_id = s.id) ORDER BY started_at DESC, id DESC",
                  FALSE, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusPracticeSession *session = g_new0 (NimbusPracticeSession, 1);

      session->id = sqlite3_column_int64 (stmt, 0);
      session->exam_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      session->mode = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      session->started_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      session->finished_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      session->paused_seconds = sqlite3_column_int64 (stmt, 5);
      session->domains = g_array_new (FALSE, FALSE, sizeof (NimbusDomainScore));
      g_ptr_array_add (sessions, session);
      if (!load_scores (self, session, error))
        return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      nimbus_user_store_fail (self, nimbus_user_store_get_db (self), FALSE, error);
      return NULL;
    }

  return g_steal_pointer (&sessions);
}

static gboolean
count_answers (NimbusUserStore        *self,
               const char             *exam_id,
               guint                   last_n,
               NimbusDomainReadiness  *readiness,
               GError                **error)
{
  g_autoptr(sqlite3_stmt) all = NULL;
  g_autoptr(sqlite3_stmt) recent = NULL;
  int rc;

  g_assert (NIMBUS_IS_USER_STORE (self));

  all = prepare (self, "SELECT count (*) FROM practice_answers WHERE exam_id = ? AND domain = ?",
                 FALSE, error);
  recent = all == NULL ? NULL
           : prepare (self, "SELECT correct FROM practice_answers WHERE exam_id = ? "
                            "AND domain = ? ORDER BY id DESC LIMIT ?", FALSE, error);
  if (recent == NULL)
    return FALSE;

  sqlite3_bind_text (all, 1, exam_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (all, 2, readiness->domain);
  if (sqlite3_step (all) != SQLITE_ROW)
    return nimbus_user_store_fail (self, nimbus_user_store_get_db (self), FALSE, error);
  readiness->answered = sqlite3_column_int (all, 0);

  sqlite3_bind_text (recent, 1, exam_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (recent, 2, readiness->domain);
  sqlite3_bind_int64 (recent, 3, last_n);
  while ((rc = sqlite3_step (recent)) == SQLITE_ROW)
    {
      readiness->recent++;
      readiness->recent_right += sqlite3_column_int (recent, 0) != 0;
    }

  return rc == SQLITE_DONE ||
         nimbus_user_store_fail (self, nimbus_user_store_get_db (self), FALSE, error);
}

/* The sections flagged now, themselves or through a tip or fact inside them. */
static GHashTable *
flagged_sections (NimbusUserStore  *self,
                  GError          **error)
{
  g_autoptr(GPtrArray) flags = nimbus_user_store_list (self, error);
  GHashTable *sections;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (flags == NULL)
    return NULL;

  sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < flags->len; i++)
    {
      const NimbusFlag *flag = g_ptr_array_index (flags, i);
      const char *hash = strchr (flag->id, '#');

      g_hash_table_add (sections, hash != NULL ? g_strndup (flag->id, hash - flag->id)
                                               : g_strdup (flag->id));
    }

  return sections;
}

/* Readiness (NimbusDomainReadiness, defined in the header) in every domain of exam_id's
 * guide, in order, over the last last_n answers of each (0: NIMBUS_STORE_READINESS_LAST).
 * Reads the domains and their sections from kb; NIMBUS_KB_ERROR_NO_ENTRY for an unknown
 * exam. A store without history gives every domain at zero. */
GPtrArray *
nimbus_user_store_get_readiness (NimbusUserStore  *self,
                                 NimbusKb         *kb,
                                 const char       *exam_id,
                                 guint             last_n,
                                 GError          **error)
{
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) flagged = NULL;
  const NimbusExam *exam = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);
  g_return_val_if_fail (NIMBUS_IS_KB (kb), NULL);
  g_return_val_if_fail (exam_id != NULL, NULL);

  if (!can_read (self, error) || (exams = nimbus_kb_list_exams (kb, error)) == NULL ||
      (flagged = flagged_sections (self, error)) == NULL)
    return NULL;

  for (guint i = 0; i < exams->len && exam == NULL; i++)
    if (g_str_equal (((NimbusExam *) g_ptr_array_index (exams, i))->id, exam_id))
      exam = g_ptr_array_index (exams, i);
  if (exam == NULL)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY,
                   "No exam “%s” in the knowledge base",
                   g_utf8_validate (exam_id, -1, NULL) ? exam_id : "");
      return NULL;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_domain_readiness_free);
  for (guint i = 0; i < exam->domains->len; i++)
    {
      const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, i);
      NimbusDomainReadiness *readiness = g_new0 (NimbusDomainReadiness, 1);
      g_auto(GStrv) sections = NULL;

      readiness->domain = domain->number;
      readiness->name = g_strdup (domain->name);
      readiness->weight = domain->weight;
      g_ptr_array_add (result, readiness);

      if (has_history (self) &&
          !count_answers (self, exam->id, last_n > 0 ? last_n : NIMBUS_STORE_READINESS_LAST,
                          readiness, error))
        return NULL;

      if ((sections = nimbus_kb_list_domain_sections (kb, exam->id, domain->number,
                                                      error)) == NULL)
        return NULL;
      for (guint j = 0; sections[j] != NULL; j++)
        readiness->weak += g_hash_table_contains (flagged, sections[j]);
    }

  return g_steal_pointer (&result);
}
