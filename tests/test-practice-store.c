/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"

/* Practice history in a real user store: answers, the weak areas they flag, readiness, and
 * history through the faults flags survive (restart, damage, a read-only folder, a lock). */

static NimbusQuestion *
question_of (NimbusKb   *kb,
             const char *exam_id,
             guint       n)
{
  g_autoptr(GListModel) set = nimbus_kb_pick_questions (kb, exam_id, NULL, 0, NULL, n + 1, 5,
                                                        NULL);

  g_assert_cmpuint (g_list_model_get_n_items (set), >, n);
  return g_list_model_get_item (set, n);
}

static guint
n_sections (NimbusQuestion *question)
{
  return g_strv_length ((GStrv) nimbus_question_get_section_ids (question));
}

static int
box_of (NimbusUserStore *store,
        const char      *id)
{
  g_autoptr(GPtrArray) flags = nimbus_user_store_list (store, NULL);

  for (guint i = 0; i < flags->len; i++)
    {
      const NimbusFlag *flag = g_ptr_array_index (flags, i);

      if (g_str_equal (flag->id, id))
        return flag->box;
    }

  return 0;
}

/* A session of two answers on exam_id: q wrong, then q right. */
static gint64
answer_twice (NimbusUserStore *store,
              NimbusQuestion  *q,
              const char      *exam_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flagged = NULL;
  g_autoptr(GPtrArray) reviewed = NULL;
  gint64 session = nimbus_user_store_start_practice (store, exam_id, "mock", &error);

  g_assert_no_error (error);
  g_assert_cmpint (session, >, 0);
  g_assert_true (nimbus_user_store_record_answer (store, session, q, exam_id, FALSE, &flagged,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (flagged->len, ==, n_sections (q));
  g_assert_true (nimbus_user_store_record_answer (store, session, q, exam_id, TRUE, &reviewed,
                                                  &error));
  g_assert_cmpuint (reviewed->len, ==, n_sections (q));
  g_assert_true (nimbus_user_store_finish_practice (store, session, 30, &error));
  g_assert_no_error (error);

  return session;
}

static void
check_history (NimbusUserStore *store,
               NimbusQuestion  *q,
               const char      *exam_id,
               guint            n_sessions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = nimbus_user_store_list_practice (store, &error);
  const NimbusPracticeSession *session;
  const NimbusDomainScore *score;

  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, n_sessions);
  if (n_sessions == 0)
    return;

  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (session->exam_id, ==, exam_id);
  g_assert_cmpstr (session->mode, ==, "mock");
  g_assert_nonnull (session->finished_at);
  g_assert_cmpint (session->paused_seconds, ==, 30);
  g_assert_cmpuint (session->answered, ==, 2);
  g_assert_cmpuint (session->right, ==, 1);
  g_assert_cmpuint (session->domains->len, ==, 1);
  score = &g_array_index (session->domains, NimbusDomainScore, 0);
  g_assert_cmpuint (score->domain, ==, nimbus_question_get_domain (q, exam_id));
  g_assert_cmpuint (score->answered, ==, 2);
  g_assert_cmpuint (score->right, ==, 1);
}

static void
test_practice_store_answers (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(NimbusQuestion) q = question_of (kb, "dva-c02", 0);
  const char *section = nimbus_question_get_section_ids (q)[0];
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) readiness = NULL;
  g_autoptr(GError) error = NULL;
  guint domain = nimbus_question_get_domain (q, "dva-c02");

  /* Wrong: the sections are flagged in box 1, and Undo takes the flags away again. */
  g_assert_true (nimbus_user_store_record_answer (store, 0, q, "dva-c02", FALSE, &changed,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, n_sections (q));
  g_assert_null (((NimbusFlag *) g_ptr_array_index (changed, 0))->flagged_at);
  g_assert_cmpint (box_of (store, section), ==, NIMBUS_STORE_FIRST_BOX);
  g_assert_true (nimbus_user_store_undo_flags (store, changed, &error));
  g_assert_no_error (error);
  g_assert_false (nimbus_user_store_is_flagged (store, section));
  g_clear_pointer (&changed, g_ptr_array_unref);

  /* Right on a section that is not flagged changes no flag. */
  g_assert_true (nimbus_user_store_record_answer (store, 0, q, "dva-c02", TRUE, &changed,
                                                  &error));
  g_assert_cmpuint (changed->len, ==, 0);
  g_clear_pointer (&changed, g_ptr_array_unref);

  /* Wrong then right: flagged, then reviewed as known, one box up; undo puts box 1 back. */
  answer_twice (store, q, "dva-c02");
  g_assert_cmpint (box_of (store, section), ==, NIMBUS_STORE_FIRST_BOX + 1);
  g_assert_true (nimbus_user_store_record_answer (store, 0, q, "dva-c02", FALSE, &changed,
                                                  &error));
  g_assert_cmpint (box_of (store, section), ==, NIMBUS_STORE_FIRST_BOX);
  g_assert_true (nimbus_user_store_undo_flags (store, changed, &error));
  g_assert_cmpint (box_of (store, section), ==, NIMBUS_STORE_FIRST_BOX + 1);
  check_history (store, q, "dva-c02", 1);

  /* Readiness counts every answer (5 in q's domain), the last N of them, and the flags. */
  readiness = nimbus_user_store_get_readiness (store, kb, "dva-c02", 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < readiness->len; i++)
    {
      const NimbusDomainReadiness *r = g_ptr_array_index (readiness, i);
      g_auto(GStrv) sections = nimbus_kb_list_domain_sections (kb, "dva-c02", r->domain, NULL);

      g_assert_cmpuint (r->domain, ==, i + 1);
      g_assert_nonnull (r->name);
      g_assert_cmpuint (r->answered, ==, r->domain == domain ? 5 : 0);
      g_assert_cmpuint (r->recent, ==, r->domain == domain ? 2 : 0);
      /* The last two: right (the session's second), then wrong. */
      g_assert_cmpuint (r->recent_right, ==, r->domain == domain ? 1 : 0);
      g_assert_cmpuint (r->weak, ==, g_strv_contains ((const char * const *) sections, section));
    }

  /* Bad values are refused by name. */
  g_assert_false (nimbus_user_store_record_answer (store, 0, q, "no-such-exam", TRUE, NULL,
                                                   &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nimbus_user_store_record_answer (store, 999999, q, "dva-c02", TRUE, NULL,
                                                   &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nimbus_user_store_start_practice (store, "'; DROP TABLE flags; --",
                                                     "practice", &error), ==, 0);
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (nimbus_user_store_get_readiness (store, kb, "dva-c01", 0, &error));
  g_assert_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY);
  g_clear_error (&error);
  g_assert_true (nimbus_user_store_is_flagged (store, section));
}

/* History survives closing and opening again. */
static void
test_practice_store_restart (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusQuestion) q = question_of (kb, "saa-c03", 1);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    answer_twice (store, q, "saa-c03");
  }
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    check_history (store, q, "saa-c03", 1);
  }
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open_for_reading (path);

    check_history (store, q, "saa-c03", 1);
  }
}

/* A damaged store is set aside with its history; the new one starts with none. */
static void
test_practice_store_damaged (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusQuestion) q = question_of (kb, "dva-c02", 2);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    answer_twice (store, q, "dva-c02");
  }
  g_assert_true (g_file_set_contents (path, "not a database at all, only words", -1, NULL));
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_nonnull (nimbus_user_store_get_set_aside_path (store));
    g_assert_true (g_file_test (nimbus_user_store_get_set_aside_path (store),
                                G_FILE_TEST_EXISTS));
    check_history (store, q, "dva-c02", 0);
    answer_twice (store, q, "dva-c02");
    check_history (store, q, "dva-c02", 1);
  }
}

/* In a child run as nobody when the tests run as root: the folder cannot be written, the
 * history is still read and an answer is refused with the store's own message. */
static void
test_practice_store_read_only_child (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(NimbusQuestion) q = question_of (kb, "dva-c02", 3);
  g_autoptr(NimbusUserStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (getuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  store = nimbus_user_store_open (g_getenv ("NIMBUS_TEST_STORE"));
  g_assert_false (nimbus_user_store_is_writable (store));
  check_history (store, q, "dva-c02", 1);
  g_assert_false (nimbus_user_store_record_answer (store, 0, q, "dva-c02", FALSE, NULL, &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, nimbus_user_store_get_problem (store));
  g_clear_error (&error);
  g_assert_cmpint (nimbus_user_store_start_practice (store, "dva-c02", "practice", &error), ==,
                   0);
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
}

static void
test_practice_store_read_only (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autoptr(NimbusQuestion) q = question_of (kb, "dva-c02", 3);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    answer_twice (store, q, "dva-c02");
  }
  /* Closed cleanly: no log left to need the folder. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (store_dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_setenv ("NIMBUS_TEST_STORE", path, TRUE);
  g_test_trap_subprocess ("/nimbus/practice-store/read-only/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_chmod (store_dir, 0700);
  g_chmod (path, 0600);
}

/* Another process holding the store: answers wait and are refused, saying so; the history
 * is all there once it lets go. */
static void
test_practice_store_locked (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusQuestion) q = question_of (kb, "saa-c03", 0);
  const char *argv[] = { g_getenv ("NIMBUS_TEST_FLAGGER"), "--lock", path, NULL };
  g_autoptr(GError) error = NULL;
  char buffer[16] = "";
  int stdin_fd, out_fd, status;
  GPid pid;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    answer_twice (store, q, "saa-c03");
  }

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, &stdin_fd, &out_fd, NULL, &error));
  g_assert_cmpint (read (out_fd, buffer, sizeof buffer - 1), >, 0);
  g_assert_true (g_str_has_prefix (buffer, "locked"));
  close (out_fd);
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_false (nimbus_user_store_is_writable (store));
    g_assert_false (nimbus_user_store_record_answer (store, 0, q, "saa-c03", FALSE, NULL,
                                                     &error));
    g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "locked"));
    g_clear_error (&error);
  }
  close (stdin_fd);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_true (nimbus_user_store_is_writable (store));
    check_history (store, q, "saa-c03", 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/practice-store/answers", test_practice_store_answers);
  g_test_add_func ("/nimbus/practice-store/restart", test_practice_store_restart);
  g_test_add_func ("/nimbus/practice-store/damaged", test_practice_store_damaged);
  g_test_add_func ("/nimbus/practice-store/read-only", test_practice_store_read_only);
  g_test_add_func ("/nimbus/practice-store/read-only/subprocess",
                   test_practice_store_read_only_child);
  g_test_add_func ("/nimbus/practice-store/locked", test_practice_store_locked);

  return g_test_run ();
}
