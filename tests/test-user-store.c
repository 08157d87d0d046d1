/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nimbus-kb.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"

/* Real SQLite files in a temporary XDG_DATA_HOME; real processes for crashes. */


static const char * const bad_ids[] = {
  "", "x'); DROP TABLE flags; --", "sqs/a\tforged\t2020-01-01T00:00:00Z", "sqs/a\nsqs/b",
  "SQS/fifo", "sqs//fifo", "sqs/fifo#", "sqs/#tip", "-sqs", "sqs-", "sqs/a--b", "sqs/fifo#a#b",
  "sqs/fifo/extra", "sqs/fïfo", "sqs fifo",
};

static void
test_store_flag_and_list (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (nimbus_user_store_is_writable (store));
  g_assert_null (nimbus_user_store_get_problem (store));
  g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, &error));
  g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout#duplicate-processing",
                                         "twice?", &error));
  g_assert_true (nimbus_user_store_flag (store, "dynamodb/scan-vs-query", NULL, &error));
  /* Flagging again keeps one flag. */
  g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, &error));
  g_assert_no_error (error);

  flags = nimbus_user_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (flags, 0))->id, ==, "dynamodb/scan-vs-query");
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (flags, 1))->note, ==, "twice?");
  g_assert_true (g_str_has_suffix (((NimbusFlag *) g_ptr_array_index (flags, 2))->flagged_at, "Z"));

  g_assert_true (nimbus_user_store_is_flagged (store, "dynamodb/scan-vs-query"));
  g_assert_true (nimbus_user_store_unflag (store, "dynamodb/scan-vs-query", &error));
  g_assert_false (nimbus_user_store_is_flagged (store, "dynamodb/scan-vs-query"));

  /* Only knowledge-base ids are kept: hostile text, lines and tabs that would forge output
   * lines, and malformed ids are refused, and nothing else changes. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_clear_error (&error);
      g_assert_false (nimbus_user_store_flag (store, bad_ids[i], NULL, &error));
      g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
    }
  g_assert_cmpuint (nimbus_test_count_flags (store), ==, 2);
}

/* Flags survive closing the store, as they must survive a restart of the app. */
static void
test_store_survives_restart (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_assert_true (nimbus_user_store_flag (store, "kms/envelope-encryption", "data keys", NULL));
  }
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_assert_true (nimbus_user_store_is_flagged (store, "kms/envelope-encryption"));
  }
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A store written by the first version is migrated, every flag kept. */
static void
test_store_migrates_from_v1 (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(NimbusUserStore) store = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  exec_sql (path,
            "CREATE TABLE flags (item_id TEXT PRIMARY KEY, flagged_at TEXT NOT NULL, note TEXT);"
                  "INSERT INTO flags VALUES ('sqs/visibility-timeout', '2025-01-02T03:04:05Z', "
                  "'v1');"
                  "INSERT INTO flags VALUES ('s3/gone-section', '2025-01-03T03:04:05Z', NULL);"
                  "PRAGMA user_version = 1;");

  store = nimbus_user_store_open (path);
  g_assert_true (nimbus_user_store_is_writable (store));
  flags = nimbus_user_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 2);
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (flags, 0))->id, ==, "s3/gone-section");
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (flags, 1))->note, ==, "v1");
  g_assert_cmpint (((NimbusFlag *) g_ptr_array_index (flags, 1))->box, ==, 1);

  /* Review state, new in version 2, works on the migrated flags. */
  g_assert_true (nimbus_user_store_review (store, "sqs/visibility-timeout", TRUE, &error));
  g_assert_no_error (error);
}

/* A store from a newer Nimbus is read, never changed. */
static void
test_store_newer_version (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(NimbusUserStore) writer = nimbus_user_store_open (path);
    g_assert_true (nimbus_user_store_flag (writer, "iam/roles", NULL, NULL));
  }
  exec_sql (path, "PRAGMA user_version = 99;");

  store = nimbus_user_store_open (path);
  g_assert_false (nimbus_user_store_is_writable (store));
  g_assert_nonnull (strstr (nimbus_user_store_get_problem (store), "newer"));
  g_assert_cmpuint (nimbus_test_count_flags (store), ==, 1);
  g_assert_false (nimbus_user_store_flag (store, "iam/policies", NULL, &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
}

/* A file with no tables yet, as a Nimbus that is creating it leaves it for a moment (empty,
 * or switched to its log), reads as a store with nothing flagged, not as a newer one; the
 * app then sets it up. */
static void
test_store_blank_file (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  const char *blanks[] = { NULL, "PRAGMA journal_mode = WAL;" };

  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(NimbusUserStore) reader = NULL;
      g_autoptr(NimbusUserStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_assert_true (g_file_set_contents (path, "", 0, &error));
      g_assert_no_error (error);
      if (blanks[i] != NULL)
        exec_sql (path, blanks[i]);

      reader = nimbus_user_store_open_for_reading (path);
      g_assert_null (nimbus_user_store_get_read_error (reader));
      g_assert_cmpuint (nimbus_test_count_flags (reader), ==, 0);

      store = nimbus_user_store_open (path);
      g_assert_true (nimbus_user_store_is_writable (store));
      g_assert_null (nimbus_user_store_get_problem (store));
      g_assert_true (nimbus_user_store_flag (store, "iam/roles", NULL, &error));
      g_assert_no_error (error);
      g_clear_object (&store);
      g_clear_object (&reader);
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_unlink (wal);
      g_unlink (shm);
    }
}

static char *
find_set_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_prefix (name, "user.db.corrupt-") && !g_str_has_suffix (name, "-wal") &&
          !g_str_has_suffix (name, "-shm"))
        return g_build_filename (dir, name, NULL);
    }

  return NULL;
}

/* A damaged store is kept aside byte for byte, a new one starts, and the user is told. */
static void
test_store_corrupt (void)
{
  const char *damage[] = { "garbage", "overwritten pages" };

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autofree char *dir = nimbus_test_make_tmpdir ();
      g_autofree char *path = nimbus_test_store_path (dir);
      g_autofree char *before = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *kept_contents = NULL;
      g_autoptr(NimbusUserStore) store = NULL;
      gsize before_len, kept_len;

      {
        g_autoptr(NimbusUserStore) writer = nimbus_user_store_open (path);

        for (guint j = 0; j < 200; j++)
          {
            g_autofree char *id = g_strdup_printf ("ec2/item-%u", j);
            g_assert_true (nimbus_user_store_flag (writer, id, "a note long enough to fill pages "
                                                   "of the database file quickly", NULL));
          }
      }

      if (i == 0)
        g_assert_true (g_file_set_contents (path, "this is not a database\n", -1, NULL));
      else
        {
          g_autofree char *contents = NULL;
          gsize len;

          /* Keep the header, wreck every page after the first. */
          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          g_assert_cmpuint (len, >, 8192);
          memset (contents + 4096, 0xA5, len - 4096);
          g_assert_true (g_file_set_contents (path, contents, len, NULL));
        }
      g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

      store = nimbus_user_store_open (path);
      g_test_message ("%s: %s", damage[i], nimbus_user_store_get_problem (store));
      kept = find_set_aside (path);
      g_assert_nonnull (kept);
      g_assert_cmpstr (nimbus_user_store_get_set_aside_path (store), ==, kept);
      g_assert_nonnull (strstr (nimbus_user_store_get_problem (store), kept));
      g_assert_true (g_file_get_contents (kept, &kept_contents, &kept_len, NULL));
      g_assert_cmpmem (before, before_len, kept_contents, kept_len);

      g_assert_true (nimbus_user_store_is_writable (store));
      g_assert_cmpuint (nimbus_test_count_flags (store), ==, 0);
      g_assert_true (nimbus_user_store_flag (store, "ec2/new", NULL, NULL));
    }
}

/* In a child: become a user who cannot write the store (root passes every permission). */
static void
drop_privileges (void)
{
  if (getuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static void
test_store_read_only_child (void)
{
  const char *path = g_getenv ("NIMBUS_TEST_STORE");
  g_autoptr(NimbusUserStore) store = NULL;
  g_autoptr(GError) error = NULL;

  drop_privileges ();
  store = nimbus_user_store_open (path);
  g_assert_false (nimbus_user_store_is_writable (store));
  g_assert_nonnull (nimbus_user_store_get_problem (store));
  g_assert_nonnull (strstr (nimbus_user_store_get_problem (store), path));
  /* What was flagged can still be read; nothing new can be flagged, and it says why. */
  g_assert_cmpuint (nimbus_test_count_flags (store), ==, 1);
  g_assert_false (nimbus_user_store_flag (store, "sns/fan-out", NULL, &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_store_read_only (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *parent = g_path_get_dirname (path);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_assert_true (nimbus_user_store_flag (store, "sns/topics", NULL, NULL));
  }
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (parent, 0555), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_setenv ("NIMBUS_TEST_STORE", path, TRUE);
  g_test_trap_subprocess ("/nimbus/user-store/read-only/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* A data directory that does not even exist or cannot be made. */
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open ("/proc/nimbus/user.db");
    g_autoptr(GError) error = NULL;

    g_assert_false (nimbus_user_store_is_writable (store));
    g_assert_cmpuint (nimbus_test_count_flags (store), ==, 0);
    g_assert_false (nimbus_user_store_flag (store, "sns/topics", NULL, &error));
    g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
  }
}

/* A full disk: writes fail with a message, what was committed stays. */
static void
test_store_disk_full_child (void)
{
  const char *path = g_getenv ("NIMBUS_TEST_STORE");
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 0, 0 };
  g_autofree char *note = g_strnfill (3000, 'x');
  guint i;

  g_assert_true (nimbus_user_store_is_writable (store));
  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = limit.rlim_max = 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("s3/full-%u", i);

      if (!nimbus_user_store_flag (store, id, note, &error))
        break;
    }

  g_assert_cmpuint (i, <, 1000);
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED);
  g_test_message ("after %u flags: %s", i, error->message);
  g_assert_nonnull (strstr (error->message, path));
  /* Still running, still reading. */
  g_assert_true (nimbus_user_store_is_flagged (store, "s3/full-0"));
}

static void
test_store_disk_full (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);

  g_setenv ("NIMBUS_TEST_STORE", path, TRUE);
  g_test_trap_subprocess ("/nimbus/user-store/disk-full/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_assert_true (nimbus_user_store_is_writable (store));
    g_assert_true (nimbus_user_store_is_flagged (store, "s3/full-0"));
  }
}

/* Leitner boxes: known moves up and away, still weak comes back first. */
static void
test_store_review (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "a/known-twice", "b/known-once", "c/still-weak", "d/new" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (nimbus_user_store_flag (store, ids[i], NULL, NULL));

  g_assert_true (nimbus_user_store_review (store, "a/known-twice", TRUE, &error));
  g_assert_true (nimbus_user_store_review (store, "a/known-twice", TRUE, &error));
  g_assert_true (nimbus_user_store_review (store, "b/known-once", TRUE, &error));
  g_assert_true (nimbus_user_store_review (store, "c/still-weak", TRUE, &error));
  g_assert_true (nimbus_user_store_review (store, "c/still-weak", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (nimbus_user_store_review (store, "z/not-flagged", TRUE, &error));
  g_clear_error (&error);

  order = nimbus_user_store_list_for_review (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (order->len, ==, 4);
  /* Due now, box 1: the one never reviewed, then the one just found still weak; then the
   * known ones, not due yet, the less known first. */
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (order, 0))->id, ==, "d/new");
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (order, 1))->id, ==, "c/still-weak");
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (order, 2))->id, ==, "b/known-once");
  g_assert_cmpstr (((NimbusFlag *) g_ptr_array_index (order, 3))->id, ==, "a/known-twice");
  g_assert_cmpint (((NimbusFlag *) g_ptr_array_index (order, 3))->box, ==, 3);
  g_assert_cmpint (((NimbusFlag *) g_ptr_array_index (order, 1))->box, ==, 1);
  g_assert_cmpint (((NimbusFlag *) g_ptr_array_index (order, 1))->reviews, ==, 2);

  for (guint i = 0; i < 10; i++)
    g_assert_true (nimbus_user_store_review (store, "a/known-twice", TRUE, NULL));
  g_clear_pointer (&order, g_ptr_array_unref);
  order = nimbus_user_store_list_for_review (store, NULL);
  g_assert_cmpint (((NimbusFlag *) g_ptr_array_index (order, 3))->box, ==, NIMBUS_STORE_LAST_BOX);
}

static void
test_store_export_import (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path_a = g_build_filename (dir, "a", "user.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b", "user.db", NULL);
  g_autoptr(NimbusUserStore) a = nimbus_user_store_open (path_a);
  g_autoptr(NimbusUserStore) b = nimbus_user_store_open (path_b);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  guint added = 99;
  const char *bad[] = { "", "not json", "[]", "{\"flags\": []}", "{\"nimbus_flags\": 1}",
                        "{\"nimbus_flags\": 1, \"flags\": {}}",
                        "{\"nimbus_flags\": 1, \"flags\": [{\"flagged_at\": \"x\"}]}",
                        "{\"nimbus_flags\": 1, \"flags\": [1]}",
                        "{\"nimbus_flags\": 3, \"flags\": []}",
                        "{\"nimbus_flags\": 2, \"flags\": [], \"notes\": {}}",
                        "{\"nimbus_flags\": 2, \"flags\": [], \"notes\": [{\"id\": \"sqs/a\"}]}",
                        "{\"nimbus_flags\": 2, \"flags\": [], \"notes\": [{\"id\": \"x'); --\", "
                        "\"text\": \"t\", \"updated_at\": \"2026-01-01T00:00:00Z\"}]}" };

  g_assert_true (nimbus_user_store_flag (a, "sqs/fifo", "order", NULL));
  g_assert_true (nimbus_user_store_flag (a, "sqs/visibility-timeout", NULL, NULL));
  g_assert_true (nimbus_user_store_flag (b, "sqs/visibility-timeout", NULL, NULL));
  g_assert_true (nimbus_user_store_review (b, "sqs/visibility-timeout", TRUE, NULL));
  g_assert_true (nimbus_user_store_flag (b, "rds/multi-az", NULL, NULL));

  json = nimbus_user_store_export (a, &error);
  g_assert_no_error (error);

  g_assert_true (nimbus_user_store_import (b, json, -1, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (nimbus_test_count_flags (b), ==, 3);
  /* Again: merged, never doubled. */
  g_assert_true (nimbus_user_store_import (b, json, -1, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (nimbus_test_count_flags (b), ==, 3);

  /* The weaker box wins: a knew nothing of b's review. */
  flags = nimbus_user_store_list_for_review (b, NULL);
  for (guint i = 0; i < flags->len; i++)
    {
      NimbusFlag *flag = g_ptr_array_index (flags, i);

      g_assert_cmpint (flag->box, ==, 1);
      if (g_str_equal (flag->id, "sqs/fifo"))
        g_assert_cmpstr (flag->note, ==, "order");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_test_message ("bad import %u", i);
      g_assert_false (nimbus_user_store_import (b, bad[i], -1, &added, &error));
      g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT);
      g_assert_cmpuint (nimbus_test_count_flags (b), ==, 3);
    }
}

/* A writer killed with SIGKILL again and again loses no flag it had committed. */
static void
test_store_sigkill (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  const char *flagger = g_getenv ("NIMBUS_TEST_FLAGGER");

  g_assert_nonnull (flagger);
  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *prefix = g_strdup_printf ("kill%u", round);
      const char *argv[] = { flagger, path, prefix, "100000", NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int out_fd;
      g_autoptr(GIOChannel) channel = NULL;
      char *line = NULL;
      int status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                                               &out_fd, NULL, &error));
      g_assert_no_error (error);
      /* Not a wait for anything: the writer is killed at a random point of its work, in
       * a transaction or between two, as a crash or a power cut would stop it. */
      g_usleep ((20 + g_random_int_range (0, 200)) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));

      /* Every id the writer printed had been committed before it was printed. */
      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);
      while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
        {
          g_strchomp (line);
          g_ptr_array_add (committed, line);
        }
    }

  g_test_message ("%u flags committed across 12 killed writers", committed->len);
  g_assert_cmpuint (committed->len, >, 0);
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_null (nimbus_user_store_get_problem (store));
    for (guint i = 0; i < committed->len; i++)
      g_assert_true (nimbus_user_store_is_flagged (store, g_ptr_array_index (committed, i)));
  }
}

/* nimbus --weak reads the store while a writer is adding to it. */
static void
test_store_cli_while_writing (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  const char *flagger = g_getenv ("NIMBUS_TEST_FLAGGER");
  const char *argv[] = { flagger, path, "busy", "3000", NULL };
  g_autofree char *data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_autoptr(GError) error = NULL;
  guint last = 0;
  GPid pid;
  int status;

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();

      int code = nimbus_test_run_nimbus (&out, &err, "--weak", "--json", NULL);

      if (code != 0)
        g_test_message ("nimbus --weak: %s", err);
      g_assert_cmpint (code, ==, 0);
      g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
      g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                        >=, last);
      last = json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
    }

  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_test_message ("last read saw %u flags", last);

  if (data_home != NULL)
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
}

/* Flags outlive the knowledge base: an id it no longer has is kept and said to be gone. */
static void
test_store_kb_rebuild (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, NULL));
    g_assert_true (nimbus_user_store_flag (store, "sqs/a-section-since-removed", NULL, NULL));
  }

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--weak", "--json", NULL), ==, 0);
  g_assert_cmpint (nimbus_test_run_nimbus (&text, NULL, "--weak", NULL), ==, 0);
  if (data_home != NULL)
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"),
                   ==, "sqs/a-section-since-removed");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 0),
                                                  "in_kb"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 1),
                                                 "in_kb"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "title"),
                   ==, "Visibility timeout");
  g_assert_nonnull (strstr (text,
                            "sqs/a-section-since-removed\t(no longer in the knowledge base)\t"));
  g_assert_nonnull (strstr (text, "sqs/visibility-timeout\tVisibility timeout\t"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/user-store/flag-and-list", test_store_flag_and_list);
  g_test_add_func ("/nimbus/user-store/survives-restart", test_store_survives_restart);
  g_test_add_func ("/nimbus/user-store/migrates-from-v1", test_store_migrates_from_v1);
  g_test_add_func ("/nimbus/user-store/newer-version", test_store_newer_version);
  g_test_add_func ("/nimbus/user-store/blank-file", test_store_blank_file);
  g_test_add_func ("/nimbus/user-store/corrupt", test_store_corrupt);
  g_test_add_func ("/nimbus/user-store/read-only", test_store_read_only);
  g_test_add_func ("/nimbus/user-store/read-only/subprocess", test_store_read_only_child);
  g_test_add_func ("/nimbus/user-store/disk-full", test_store_disk_full);
  g_test_add_func ("/nimbus/user-store/disk-full/subprocess", test_store_disk_full_child);
  g_test_add_func ("/nimbus/user-store/review", test_store_review);
  g_test_add_func ("/nimbus/user-store/export-import", test_store_export_import);
  g_test_add_func ("/nimbus/user-store/sigkill", test_store_sigkill);
  g_test_add_func ("/nimbus/user-store/cli-while-writing", test_store_cli_while_writing);
  g_test_add_func ("/nimbus/user-store/kb-rebuild", test_store_kb_rebuild);

  return g_test_run ();
}
