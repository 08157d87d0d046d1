/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"

/* What a hostile user did to the weak-areas store, each as real files and real processes:
 * locks, races, damage, bad imports, read-only folders, stores from a newer Nimbus. */


static void
make_store (const char *path,
            guint       n)
{
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

  g_assert_true (nimbus_user_store_is_writable (store));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("sqs/item-%u", i);
      g_assert_true (nimbus_user_store_flag (store, id, NULL, NULL));
    }
}

static guint
count_set_aside (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_prefix (name, "user.db.corrupt-") && !g_str_has_suffix (name, "-wal") &&
         !g_str_has_suffix (name, "-shm");

  return n;
}

/* Runs nimbus with XDG_DATA_HOME set to data_home. */
static int
run_nimbus_in (const char  *data_home,
               char       **out,
               char       **err,
               const char  *arg1,
               const char  *arg2)
{
  g_autofree char *saved = g_strdup (g_getenv ("XDG_DATA_HOME"));
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  status = nimbus_test_run_nimbus (out, err, arg1, arg2, NULL);
  g_setenv ("XDG_DATA_HOME", saved, TRUE);

  return status;
}

/* A helper process holding an exclusive lock on path until the pipe closes. */
static GPid
hold_lock (const char *path,
           int        *stdin_fd)
{
  const char *argv[] = { g_getenv ("NIMBUS_TEST_FLAGGER"), "--lock", path, NULL };
  g_autoptr(GError) error = NULL;
  char buffer[16] = "";
  GPid pid;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, stdin_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, buffer, sizeof buffer - 1), >, 0);
  g_assert_true (g_str_has_prefix (buffer, "locked"));
  close (out_fd);

  return pid;
}

static void
release_lock (GPid pid,
              int  stdin_fd)
{
  int status;

  close (stdin_fd);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

/* A healthy store that another process keeps locked is busy, never damaged: not renamed,
 * not replaced, by the app or by nimbus --weak; the flags are all there afterwards. */
static void
test_faults_locked_is_not_damaged (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int stdin_fd;
  GPid pid;

  make_store (path, 5);
  pid = hold_lock (path, &stdin_fd);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_false (nimbus_user_store_is_writable (store));
    g_assert_null (nimbus_user_store_get_set_aside_path (store));
    g_test_message ("app: %s", nimbus_user_store_get_problem (store));
    g_assert_nonnull (strstr (nimbus_user_store_get_problem (store), "locked"));
  }
  g_assert_cmpint (run_nimbus_in (dir, &out, &err, "--weak", "--json"), ==, 1);
  g_test_message ("cli: %s", err);
  g_assert_nonnull (strstr (err, "try again"));
  g_assert_cmpuint (count_set_aside (store_dir), ==, 0);

  release_lock (pid, stdin_fd);
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_true (nimbus_user_store_is_writable (store));
    g_assert_null (nimbus_user_store_get_problem (store));
    g_assert_cmpuint (nimbus_test_count_flags (store), ==, 5);
  }
}

/* A command that only reads changes nothing: not a damaged file, not an old version. */
static void
test_faults_reading_changes_nothing (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "not a database, but the student's file\n", -1,
                                      NULL));
  g_assert_cmpint (run_nimbus_in (dir, &out, &err, "--weak", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "not a database, but the student's file\n");
  g_assert_cmpuint (count_set_aside (store_dir), ==, 0);

  /* A version 1 store is read, not migrated. */
  {
    sqlite3 *db = NULL;
    g_autoptr(NimbusUserStore) store = NULL;

    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE flags (item_id TEXT PRIMARY KEY, "
                                       "flagged_at TEXT NOT NULL, note TEXT);"
                                       "INSERT INTO flags VALUES ('sqs/fifo', "
                                       "'2026-01-02T03:04:05Z', NULL);"
                                       "PRAGMA user_version = 1;", NULL, NULL, NULL), ==,
                                       SQLITE_OK);
    sqlite3_close (db);

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_nimbus_in (dir, &out, &err, "--weak", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "sqs/fifo"));

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "SELECT box FROM flags", NULL, NULL, NULL), !=, SQLITE_OK);
    sqlite3_close (db);
  }
}

/* Damaged again and again in the same second: every damaged file is kept, none overwritten. */
static void
test_faults_set_aside_names_are_unique (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *garbage = g_strdup_printf ("damaged copy number %u\n", i);
      g_autofree char *contents = NULL;
      g_autoptr(NimbusUserStore) store = NULL;

      g_unlink (path);
      g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
      store = nimbus_user_store_open (path);
      g_assert_nonnull (nimbus_user_store_get_set_aside_path (store));
      g_assert_false (g_hash_table_contains (kept, nimbus_user_store_get_set_aside_path (store)));
      g_hash_table_add (kept, g_strdup (nimbus_user_store_get_set_aside_path (store)));
    }

  /* Each kept file still holds its own damaged copy. */
  {
    GHashTableIter iter;
    gpointer key;
    g_autoptr(GHashTable) contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    g_hash_table_iter_init (&iter, kept);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        char *text = NULL;

        g_assert_true (g_file_get_contents (key, &text, NULL, NULL));
        g_assert_true (g_str_has_prefix (text, "damaged copy number "));
        g_hash_table_add (contents, text);
      }
    g_assert_cmpuint (g_hash_table_size (contents), ==, 4);
  }
  g_assert_cmpuint (count_set_aside (store_dir), ==, 4);
}

static GPid
spawn_flagger (const char *path,
               const char *prefix,
               const char *count,
               int        *err_fd)
{
  const char *argv[] = { g_getenv ("NIMBUS_TEST_FLAGGER"), path, prefix, count, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                           NULL, NULL, &pid, NULL, NULL, err_fd, &error));
  g_assert_no_error (error);
  return pid;
}

/* Waits for a flagger; returns its exit status and what it said. */
static int
wait_flagger (GPid    pid,
              int     err_fd,
              char  **message)
{
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (err_fd);
  int status;

  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_to_end (channel, message, NULL, NULL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

/* Processes opening one store at once, new or damaged: every one can write, the damaged
 * file is kept exactly once, and no process sets aside the new store another started. */
static void
test_faults_concurrent_first_open (void)
{
  const guint n_procs = 3;
  const guint rounds = g_strcmp0 (g_getenv ("NIMBUS_TEST_ROUNDS"), "few") == 0 ? 4 : 15;

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *dir = nimbus_test_make_tmpdir ();
      g_autofree char *path = nimbus_test_store_path (dir);
      g_autofree char *store_dir = g_path_get_dirname (path);
      gboolean damaged = round % 2 == 1;
      GPid pids[3];
      int err_fds[3];

      if (damaged)
        {
          g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
          g_assert_true (g_file_set_contents (path, "garbage, not SQLite\n", -1, NULL));
        }

      for (guint i = 0; i < n_procs; i++)
        {
          g_autofree char *prefix = g_strdup_printf ("p%u", i);
          pids[i] = spawn_flagger (path, prefix, "5", &err_fds[i]);
        }

      for (guint i = 0; i < n_procs; i++)
        {
          g_autofree char *message = NULL;
          int status = wait_flagger (pids[i], err_fds[i], &message);

          if (status != 0)
            g_error ("round %u, process %u: %s", round, i, message);
        }

      {
        g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

        g_assert_true (nimbus_user_store_is_writable (store));
        g_assert_cmpuint (nimbus_test_count_flags (store), ==, n_procs * 5);
        g_assert_cmpuint (count_set_aside (store_dir), ==, damaged ? 1 : 0);
      }
    }
}

static void
assert_import_refused (NimbusUserStore *store,
                       const char      *json,
                       gssize           length,
                       const char      *expect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = nimbus_user_store_list (store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  guint added = 0;

  g_assert_false (nimbus_user_store_import (store, json, length, &added, &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT);
  g_test_message ("%s", error->message);
  if (expect != NULL && strstr (error->message, expect) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expect);

  after = nimbus_user_store_list (store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      NimbusFlag *a = g_ptr_array_index (before, i), *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->flagged_at, ==, b->flagged_at);
      g_assert_cmpint (a->box, ==, b->box);
    }
}

#define FLAG(body) "{\"nimbus_flags\": 1, \"flags\": [{\"id\": \"sqs/fifo\", " body "}]}"

/* Imports that would have forged output, blanked dates or overflowed the stack. */
static void
test_faults_import_refuses_bad_flags (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(GString) deep = g_string_new ("{\"nimbus_flags\": 1, \"flags\": ");
  g_autoptr(GString) many = g_string_new ("{\"nimbus_flags\": 1, \"flags\": [");
  g_autofree char *big = NULL;
  static const struct { const char *json; const char *expect; } cases[] = {
    { FLAG ("\"flagged_at\": \"\""), "flagged_at" },
    { FLAG ("\"flagged_at\": \"yesterday\""), "flagged_at" },
    { FLAG ("\"flagged_at\": \"2026-13-40T25:61:61Z\""), "flagged_at" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00+02:00\""), "flagged_at" },
    { FLAG ("\"flagged_at\": 20261130"), "flagged_at" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00Z\", \"due_at\": \"soon\""), "due_at" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00Z\", \"box\": 0"), "box" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00Z\", \"box\": 6"), "box" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00Z\", \"box\": \"2\""), "box" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00Z\", \"box\": true"), "box" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00Z\", \"reviews\": -1"), "reviews" },
    { FLAG ("\"flagged_at\": \"2026-11-30T14:05:00Z\", \"note\": \"a\\u0000b\""), "\\u0000" },
    { "{\"nimbus_flags\": 1, \"flags\": [{\"id\": \"sqs/a\\tb\", "
      "\"flagged_at\": \"2026-11-30T14:05:00Z\"}]}", "knowledge-base id" },
    { "{\"nimbus_flags\": 1, \"flags\": [{\"id\": \"sqs/a\\nsqs/b\", "
      "\"flagged_at\": \"2026-11-30T14:05:00Z\"}]}", "knowledge-base id" },
    { "{\"nimbus_flags\": 1, \"flags\": [{\"id\": \"sqs\\u0000/fifo\", "
      "\"flagged_at\": \"2026-11-30T14:05:00Z\"}]}", "\\u0000" },
    { "{\"nimbus_flags\": true, \"flags\": []}", "nimbus_flags" },
    { "{\"nimbus_flags\": 1.0, \"flags\": []}", "nimbus_flags" },
    { "{\"nimbus_flags\": 1, \"flags\": []} trailing garbage", "after the end" },
    { "{\"nimbus_flags\": 1, \"flags\": []}{}", "after the end" },
  };

  g_assert_true (nimbus_user_store_flag (store, "sqs/fifo", "my note", NULL));
  g_assert_true (nimbus_user_store_review (store, "sqs/fifo", TRUE, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_import_refused (store, cases[i].json, -1, cases[i].expect);

  /* A raw NUL byte inside the data. */
  assert_import_refused (store, "{\"nimbus_flags\": 1,\0 \"flags\": []}", 33, "NUL");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_import_refused (store, deep->str, deep->len, "nested deeper");

  for (guint i = 0; i <= NIMBUS_STORE_IMPORT_MAX_FLAGS; i++)
    g_string_append_printf (many,
                            "%s{\"id\": \"sqs/f%u\", \"flagged_at\": \"2026-11-30T14:05:00Z\"}",
                            i > 0 ? "," : "", i);
  g_string_append (many, "]}");
  assert_import_refused (store, many->str, many->len, "more than");

  big = g_malloc (NIMBUS_STORE_IMPORT_MAX_BYTES + 2);
  memset (big, ' ', NIMBUS_STORE_IMPORT_MAX_BYTES + 1);
  big[NIMBUS_STORE_IMPORT_MAX_BYTES + 1] = '\0';
  assert_import_refused (store, big, -1, "too large");

  /* A good import never makes the existing flag worse: first date, note and reviews kept. */
  {
    g_autoptr(GPtrArray) flags = NULL;
    NimbusFlag *flag;
    guint added = 9;

    g_assert_true (nimbus_user_store_import (store,
                                             FLAG ("\"flagged_at\": \"2099-01-01T00:00:00Z\", "
                                                          "\"note\": null, \"reviews\": 0"),
                                             -1, &added, NULL));
    g_assert_cmpuint (added, ==, 0);
    flags = nimbus_user_store_list (store, NULL);
    flag = g_ptr_array_index (flags, 0);
    g_assert_cmpstr (flag->note, ==, "my note");
    g_assert_true (g_str_has_prefix (flag->flagged_at, "20"));
    g_assert_false (g_str_has_prefix (flag->flagged_at, "2099"));
    g_assert_cmpint (flag->reviews, ==, 1);
  }
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  guint added = 0;

  if (nimbus_user_store_import_file_finish (NIMBUS_USER_STORE (source), result, &added, error))
    g_assert_cmpuint (added, ==, 2);
  g_main_context_wakeup (NULL);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (nimbus_user_store_export_file_finish (NIMBUS_USER_STORE (source), result, NULL));
  *done = TRUE;
  g_main_context_wakeup (NULL);
}

/* Import and export of files run in a worker; a file too large is refused before reading. */
static void
test_faults_import_file_async (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path_a = g_build_filename (dir, "a", "user.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b", "user.db", NULL);
  g_autofree char *export_path = g_build_filename (dir, "export.json", NULL);
  g_autofree char *huge_path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(NimbusUserStore) a = nimbus_user_store_open (path_a);
  g_autoptr(NimbusUserStore) b = nimbus_user_store_open (path_b);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge_path);
  GError *error = NULL;
  gboolean done = FALSE;
  FILE *huge;

  g_assert_true (nimbus_user_store_flag (a, "sqs/fifo", NULL, NULL));
  g_assert_true (nimbus_user_store_flag (a, "sns/fan-out", NULL, NULL));
  nimbus_user_store_export_file_async (a, export_file, NULL, export_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  nimbus_user_store_import_file_async (b, export_file, NULL, import_done_cb, &error);
  while (nimbus_test_count_flags (b) < 2 && error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);

  huge = fopen (huge_path, "w");
  g_assert_nonnull (huge);
  g_assert_cmpint (ftruncate (fileno (huge), NIMBUS_STORE_IMPORT_MAX_BYTES + 1), ==, 0);
  fclose (huge);
  nimbus_user_store_import_file_async (b, huge_file, NULL, import_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);
  g_assert_cmpuint (nimbus_test_count_flags (b), ==, 2);
}

/* In a child run as nobody: the folder cannot be written and the shared-memory file is
 * gone, yet every flag committed in the log is listed. */
static void
test_faults_read_only_wal_child (void)
{
  const char *data_home = g_getenv ("NIMBUS_TEST_DATA_HOME");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (getuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  g_assert_cmpint (run_nimbus_in (data_home, &out, &err, "--weak", "--json"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, g_ascii_strtoull (g_getenv ("NIMBUS_TEST_FLAGS"), NULL, 10));
}

static void
test_faults_read_only_wal (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *n_text = NULL;
  guint n = 0;
  int err_fd;
  GPid pid;

  /* A writer killed mid-way leaves its flags in the log, never checkpointed. */
  make_store (path, 1);
  pid = spawn_flagger (path, "wal", "400", &err_fd);
  {
    g_autofree char *message = NULL;
    g_assert_cmpint (wait_flagger (pid, err_fd, &message), ==, 0);
  }
  {
    sqlite3 *db = NULL;

    /* Kept open with a log, then killed: SIGKILL skips the checkpoint on close. */
    pid = fork ();
    if (pid == 0)
      {
        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0; "
                          "INSERT INTO flags (item_id, flagged_at) "
                          "VALUES ('sqs/in-the-log', '2026-11-30T14:05:00Z');", NULL, NULL, NULL);
        kill (getpid (), SIGKILL);
      }
    waitpid (pid, NULL, 0);
  }
  n = 400 + 1 + 1;
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_unlink (shm);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (store_dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (wal, 0444), ==, 0);

  n_text = g_strdup_printf ("%u", n);
  g_setenv ("NIMBUS_TEST_DATA_HOME", dir, TRUE);
  g_setenv ("NIMBUS_TEST_FLAGS", n_text, TRUE);
  g_test_trap_subprocess ("/nimbus/store-faults/read-only-wal/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_chmod (store_dir, 0700);
}

/* A store from a newer Nimbus with other columns: what is understood is read; one without
 * even the ids says clearly that it is from a newer Nimbus. */
static void
test_faults_newer_columns (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = NULL;

  make_store (path, 3);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE flags RENAME COLUMN note TO remark;"
                                     "ALTER TABLE flags DROP COLUMN reviews;"
                                     "ALTER TABLE flags ADD COLUMN colour TEXT;"
                                     "PRAGMA user_version = 7;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (run_nimbus_in (dir, &out, &err, "--weak", NULL), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3 + 1);
  }
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_false (nimbus_user_store_is_writable (store));
    g_assert_cmpuint (nimbus_test_count_flags (store), ==, 3);
  }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE flags RENAME COLUMN item_id TO key;", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_nimbus_in (dir, &out, &err, "--weak", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "newer version of Nimbus"));
}

/* A folder or a named pipe where the store should be is named as such, never "Permission
 * denied", and never waited on. */
static void
test_faults_not_a_file (void)
{
  for (guint kind = 0; kind < 2; kind++)
    {
      g_autofree char *dir = nimbus_test_make_tmpdir ();
      g_autofree char *path = nimbus_test_store_path (dir);
      g_autofree char *store_dir = g_path_get_dirname (path);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(NimbusUserStore) store = NULL;
      const char *what = kind == 0 ? "a folder" : "a named pipe";

      g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
      if (kind == 0)
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      else
        g_assert_cmpint (mkfifo (path, 0600), ==, 0);

      store = nimbus_user_store_open (path);
      g_assert_false (nimbus_user_store_is_writable (store));
      g_test_message ("%s", nimbus_user_store_get_problem (store));
      g_assert_nonnull (strstr (nimbus_user_store_get_problem (store), what));

      g_assert_cmpint (run_nimbus_in (dir, &out, &err, "--weak", NULL), ==, 1);
      g_assert_nonnull (strstr (err, what));
      g_assert_null (strstr (err, "Permission denied"));
    }
}

/* Writers, readers, a process holding a lock and one killed mid-way, 200 rounds: no flag
 * that was committed is ever lost. */
static void
test_faults_stress (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(GHashTable) committed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *flagger = g_getenv ("NIMBUS_TEST_FLAGGER");
  guint rounds = g_strcmp0 (g_getenv ("NIMBUS_TEST_ROUNDS"), "few") == 0 ? 10 : 200;

  make_store (path, 1);
  g_hash_table_add (committed, g_strdup ("sqs/item-0"));
  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *prefix_a = g_strdup_printf ("r%ua", round);
      g_autofree char *prefix_k = g_strdup_printf ("r%uk", round);
      const char *argv_k[] = { flagger, path, prefix_k, "1000", NULL };
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GIOChannel) channel = NULL;
      char *line = NULL;
      int err_fd, out_fd, lock_fd = -1;
      GPid writer, victim, locker = 0;
      int status;

      if (round % 10 == 5)
        locker = hold_lock (path, &lock_fd);
      writer = spawn_flagger (path, prefix_a, "3", &err_fd);
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv_k, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD |
                                               G_SPAWN_STDERR_TO_DEV_NULL,
                                               NULL, NULL, &victim, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      /* Not waits for anything: the lock is held a while after the writers start, so that
       * they meet it and wait it out, and the victim is killed at a random point of its
       * work, so that the rounds cover the interleavings of the processes. */
      if (locker != 0)
        {
          g_usleep (50 * 1000);
          release_lock (locker, lock_fd);
        }
      g_usleep (g_random_int_range (1, 15) * 1000);
      kill (victim, SIGKILL);
      waitpid (victim, &status, 0);
      g_spawn_close_pid (victim);

      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);
      while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
        g_hash_table_add (committed, g_strchomp (line));

      if (wait_flagger (writer, err_fd, &message) == 0)
        for (guint i = 0; i < 3; i++)
          g_hash_table_add (committed, g_strdup_printf ("%s/%u", prefix_a, i));
      else
        /* Only a lock held past the busy timeout may refuse a writer, and it must say so. */
        g_assert_nonnull (strstr (message, "try again"));

      if (round % 20 == 0)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;

          g_assert_cmpint (run_nimbus_in (dir, &out, &err, "--weak", NULL), ==, 0);
        }
    }

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    GHashTableIter iter;
    gpointer id;
    guint lost = 0;

    g_assert_null (nimbus_user_store_get_problem (store));
    g_hash_table_iter_init (&iter, committed);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      lost += !nimbus_user_store_is_flagged (store, id);

    g_test_message ("%u rounds: %u flags committed, %u lost", rounds,
                    g_hash_table_size (committed), lost);
    g_assert_cmpuint (lost, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/store-faults/locked-is-not-damaged", test_faults_locked_is_not_damaged);
  g_test_add_func ("/nimbus/store-faults/reading-changes-nothing",
                   test_faults_reading_changes_nothing);
  g_test_add_func ("/nimbus/store-faults/set-aside-names-are-unique",
                   test_faults_set_aside_names_are_unique);
  g_test_add_func ("/nimbus/store-faults/concurrent-first-open", test_faults_concurrent_first_open);
  g_test_add_func ("/nimbus/store-faults/import-refuses-bad-flags",
                   test_faults_import_refuses_bad_flags);
  g_test_add_func ("/nimbus/store-faults/import-file-async", test_faults_import_file_async);
  g_test_add_func ("/nimbus/store-faults/read-only-wal", test_faults_read_only_wal);
  g_test_add_func ("/nimbus/store-faults/read-only-wal/subprocess",
                   test_faults_read_only_wal_child);
  g_test_add_func ("/nimbus/store-faults/newer-columns", test_faults_newer_columns);
  g_test_add_func ("/nimbus/store-faults/not-a-file", test_faults_not_a_file);
  g_test_add_func ("/nimbus/store-faults/stress", test_faults_stress);

  return g_test_run ();
}
