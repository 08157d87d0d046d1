/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nimbus-cheat-sheet.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"

/* Notes and history in the user store (version 3), as real SQLite files: restart, search,
 * export and import, migration from version 2, and the faults flags meet. */

static const char *
note_text (GPtrArray *notes,
           guint      i)
{
  return ((NimbusNote *) g_ptr_array_index (notes, i))->text;
}

static void
test_notes_survive_restart (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout",
                                               "  raise it above the processing time \n", &error));
    g_assert_no_error (error);
    g_assert_true (nimbus_user_store_set_note (store, "sqs/fifo#dedup", "5 minutes", &error));
    /* An id the knowledge base does not have is kept like any other. */
    g_assert_true (nimbus_user_store_set_note (store, "retired/service", "kept", &error));
    g_assert_true (nimbus_user_store_set_note (store, "sqs/fifo#dedup", "five minutes", &error));
  }

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autoptr(GPtrArray) notes = nimbus_user_store_list_notes (store, &error);
    g_autofree char *note = nimbus_user_store_get_note (store, "sqs/visibility-timeout");

    g_assert_no_error (error);
    g_assert_cmpuint (notes->len, ==, 3);
    /* Kept trimmed; written again replaces. */
    g_assert_cmpstr (note, ==, "raise it above the processing time");
    g_clear_pointer (&note, g_free);
    note = nimbus_user_store_get_note (store, "sqs/fifo#dedup");
    g_assert_cmpstr (note, ==, "five minutes");
    g_assert_null (nimbus_user_store_get_note (store, "sqs/nothing"));

    /* Blank text clears, as Delete does. */
    g_assert_true (nimbus_user_store_set_note (store, "retired/service", " \n\t", &error));
    g_assert_true (nimbus_user_store_clear_note (store, "sqs/fifo#dedup", &error));
    g_clear_pointer (&notes, g_ptr_array_unref);
    notes = nimbus_user_store_list_notes (store, &error);
    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_cmpstr (note_text (notes, 0), ==, "raise it above the processing time");
  }
}

static void
test_notes_refuse_bad_input (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const char *bad_ids[] = { "", "x'); DROP TABLE notes; --", "sqs/a\nsqs/b", "SQS/x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_assert_false (nimbus_user_store_set_note (store, bad_ids[i], "text", &error));
      g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  for (guint i = 0; i <= NIMBUS_STORE_NOTE_MAX_CHARS; i++)
    g_string_append (long_text, "é");
  g_assert_false (nimbus_user_store_set_note (store, "sqs/a", long_text->str, &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "2000"));
  g_clear_error (&error);
  g_assert_false (nimbus_user_store_set_note (store, "sqs/a", "bad \xff utf-8", &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Exactly the limit fits. */
  g_string_truncate (long_text, strlen ("é") * NIMBUS_STORE_NOTE_MAX_CHARS);
  g_assert_true (nimbus_user_store_set_note (store, "sqs/a", long_text->str, &error));
  g_assert_no_error (error);
  notes = nimbus_user_store_list_notes (store, &error);
  g_assert_cmpuint (notes->len, ==, 1);
}

/* The student's words, whatever their case, as plain text: nothing they type is a pattern
 * or a query. */
static void
test_notes_search (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  static const struct
  {
    const char *words;
    guint n;
  } cases[] = {
    { "retry", 1 }, { "RETRY Processing", 1 }, { "tim", 1 }, { "MINUTES", 1 }, { "Überlauf", 1 },
    { "überlauf", 1 }, { "%", 1 }, { "_", 0 }, { "100% sure", 1 }, { "\" OR 1=1 --", 0 },
    { "NEAR(", 0 }, { "*", 1 }, { "", 0 }, { "   ", 0 }, { "retry nothing", 0 },
    { "'); DROP TABLE notes; --", 0 },
  };

  g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout",
                                             "Timeout above processing time, else a retry", NULL));
  g_assert_true (nimbus_user_store_set_note (store, "sqs/dlq", "ÜBERLAUF of messages, 100% * sure",
                                             NULL));
  g_assert_true (nimbus_user_store_set_note (store, "lambda/timeout", "15 minutes at most", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = nimbus_user_store_search_notes (store, cases[i].words, &error);

      g_test_message ("search “%s”", cases[i].words);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, cases[i].n);
    }

  g_assert_cmpuint (nimbus_test_count_flags (store), ==, 0);
  {
    g_autoptr(GPtrArray) all = nimbus_user_store_list_notes (store, NULL);

    g_assert_cmpuint (all->len, ==, 3);
  }
}

static void
test_history (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    for (guint i = 0; i < NIMBUS_STORE_HISTORY_MAX + 10; i++)
      {
        g_autofree char *id = g_strdup_printf ("service-%u", i);

        g_assert_true (nimbus_user_store_record_view (store, id, &error));
        g_assert_no_error (error);
      }
    /* Viewed again: to the top, not twice. */
    g_assert_true (nimbus_user_store_record_view (store, "service-20", &error));
    g_assert_false (nimbus_user_store_record_view (store, "bad id", &error));
    g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autoptr(GPtrArray) visits = nimbus_user_store_list_history (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (visits->len, ==, NIMBUS_STORE_HISTORY_MAX);
    g_assert_cmpstr (((NimbusVisit *) g_ptr_array_index (visits, 0))->id, ==, "service-20");
    g_assert_cmpstr (((NimbusVisit *) g_ptr_array_index (visits, 1))->id, ==, "service-59");
    g_assert_cmpstr (((NimbusVisit *) g_ptr_array_index (visits, NIMBUS_STORE_HISTORY_MAX - 1))->id,
                     ==, "service-10");
    for (guint i = 1; i < visits->len; i++)
      g_assert_cmpstr (((NimbusVisit *) g_ptr_array_index (visits, i))->id, !=, "service-20");

    g_assert_true (nimbus_user_store_clear_history (store, &error));
    g_clear_pointer (&visits, g_ptr_array_unref);
    visits = nimbus_user_store_list_history (store, &error);
    g_assert_cmpuint (visits->len, ==, 0);
  }
}

/* A version 2 store: its flags' notes, which nothing showed, become notes; the flags and
 * their progress stay. */
static void
test_notes_migration (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE flags (item_id TEXT PRIMARY KEY, flagged_at TEXT "
                                 "NOT NULL, note TEXT);"
                                 "ALTER TABLE flags ADD COLUMN box INTEGER NOT NULL DEFAULT 1;"
                                 "ALTER TABLE flags ADD COLUMN due_at TEXT;"
                                 "ALTER TABLE flags ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0;"
                                 "INSERT INTO flags VALUES ('sqs/fifo', '2026-01-02T03:04:05Z', "
                                 "'order matters', 3, NULL, 4);"
                                 "INSERT INTO flags VALUES ('sqs/dlq', '2026-01-02T03:04:06Z', '  "
                                 "', 1, NULL, 0);"
                                 "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autoptr(GPtrArray) notes = nimbus_user_store_list_notes (store, NULL);
    g_autoptr(GPtrArray) flags = nimbus_user_store_list (store, NULL);

    g_assert_true (nimbus_user_store_is_writable (store));
    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_cmpstr (((NimbusNote *) g_ptr_array_index (notes, 0))->id, ==, "sqs/fifo");
    g_assert_cmpstr (note_text (notes, 0), ==, "order matters");
    g_assert_cmpstr (((NimbusNote *) g_ptr_array_index (notes, 0))->updated_at, ==,
                     "2026-01-02T03:04:05Z");
    g_assert_cmpuint (flags->len, ==, 2);
    for (guint i = 0; i < flags->len; i++)
      {
        NimbusFlag *flag = g_ptr_array_index (flags, i);

        if (g_str_equal (flag->id, "sqs/fifo"))
          {
            g_assert_cmpstr (flag->note, ==, "order matters");
            g_assert_cmpint (flag->box, ==, 3);
            g_assert_cmpint (flag->reviews, ==, 4);
          }
        else
          g_assert_null (flag->note);
      }
  }

  /* Once, not again at the next start. */
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autoptr(GPtrArray) notes = nimbus_user_store_list_notes (store, NULL);

    g_assert_cmpuint (notes->len, ==, 1);
  }
}

static void
test_notes_export_import (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path_a = g_build_filename (dir, "a", "user.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b", "user.db", NULL);
  g_autoptr(NimbusUserStore) a = nimbus_user_store_open (path_a);
  g_autoptr(NimbusUserStore) b = nimbus_user_store_open (path_b);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  guint added = 0;
  /* An export of the first format, from before notes: its flag's note becomes a note. */
  const char *format_1 = "{\"nimbus_flags\": 1, \"flags\": [{\"id\": \"rds/multi-az\", "
                         "\"flagged_at\": \"2026-03-01T10:00:00Z\", \"note\": \"sync standby\"}]}";

  g_assert_true (nimbus_user_store_flag (a, "sqs/fifo", NULL, NULL));
  g_assert_true (nimbus_user_store_set_note (a, "sqs/fifo", "ordered <b>&amp;</b>", NULL));
  g_assert_true (nimbus_user_store_set_note (a, "kms/envelope", "data keys", NULL));
  json = nimbus_user_store_export (a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"nimbus_flags\" : 2"));

  g_assert_true (nimbus_user_store_import (b, json, -1, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  note = nimbus_user_store_get_note (b, "sqs/fifo");
  g_assert_cmpstr (note, ==, "ordered <b>&amp;</b>");
  g_clear_pointer (&note, g_free);
  note = nimbus_user_store_get_note (b, "kms/envelope");
  g_assert_cmpstr (note, ==, "data keys");
  g_clear_pointer (&note, g_free);

  /* Again: nothing doubled. */
  g_assert_true (nimbus_user_store_import (b, json, -1, &added, &error));
  notes = nimbus_user_store_list_notes (b, NULL);
  g_assert_cmpuint (notes->len, ==, 2);

  g_assert_true (nimbus_user_store_import (b, format_1, -1, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  note = nimbus_user_store_get_note (b, "rds/multi-az");
  g_assert_cmpstr (note, ==, "sync standby");
  g_clear_pointer (&note, g_free);

  /* A note of b written later than the one imported is kept. */
  g_assert_true (nimbus_user_store_set_note (b, "kms/envelope", "mine, newer", NULL));
  g_assert_true (nimbus_user_store_import (b, json, -1, &added, &error));
  note = nimbus_user_store_get_note (b, "kms/envelope");
  g_assert_cmpstr (note, ==, "mine, newer");
}

/* A store that cannot be written: notes are read, writing them is refused with a message
 * that says so; nothing is lost. Run as a user the folder refuses (root writes anywhere). */
static void
test_notes_read_only_child (void)
{
  const char *path = g_getenv ("NIMBUS_TEST_STORE");
  g_autoptr(NimbusUserStore) store = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (getuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  store = nimbus_user_store_open (path);
  note = nimbus_user_store_get_note (store, "sqs/fifo");
  visits = nimbus_user_store_list_history (store, NULL);
  g_assert_false (nimbus_user_store_is_writable (store));
  g_assert_cmpstr (note, ==, "keep me");
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_false (nimbus_user_store_set_note (store, "sqs/fifo", "changed", &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Notes cannot be saved"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_false (nimbus_user_store_clear_note (store, "sqs/fifo", &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nimbus_user_store_record_view (store, "kms", &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nimbus_user_store_clear_history (store, &error));
  g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
}

static void
test_notes_read_only (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_true (nimbus_user_store_set_note (store, "sqs/fifo", "keep me", NULL));
    g_assert_true (nimbus_user_store_record_view (store, "sqs", NULL));
  }

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (store_dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_setenv ("NIMBUS_TEST_STORE", path, TRUE);
  g_test_trap_subprocess ("/nimbus/notes-store/read-only/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpint (g_chmod (store_dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autofree char *note = nimbus_user_store_get_note (store, "sqs/fifo");

    g_assert_true (nimbus_user_store_is_writable (store));
    g_assert_cmpstr (note, ==, "keep me");
  }
}

/* A damaged store is set aside as flags' is, and notes start again in the new one. */
static void
test_notes_damaged (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *store_dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "this is not an SQLite database, it is damage", -1,
                                      &error));
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autofree char *aside = NULL;
    g_autofree char *note = NULL;

    g_assert_true (nimbus_user_store_is_writable (store));
    g_assert_nonnull (nimbus_user_store_get_set_aside_path (store));
    g_assert_true (g_file_get_contents (nimbus_user_store_get_set_aside_path (store), &aside,
                                        NULL, NULL));
    g_assert_nonnull (strstr (aside, "it is damage"));
    g_assert_true (nimbus_user_store_set_note (store, "sqs/fifo", "fresh", &error));
    g_assert_no_error (error);
    note = nimbus_user_store_get_note (store, "sqs/fifo");
    g_assert_cmpstr (note, ==, "fresh");
  }
}

/* Opened while another process holds the store: notes are not saved, and the message says
 * to try again; nothing is set aside, and the notes are there afterwards. */
static void
test_notes_locked (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  const char *argv[] = { g_getenv ("NIMBUS_TEST_FLAGGER"), "--lock", path, NULL };
  g_autoptr(GError) error = NULL;
  char buffer[16] = "";
  int stdin_fd, out_fd, status;
  GPid pid;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_true (nimbus_user_store_set_note (store, "sqs/fifo", "before the lock", NULL));
  }

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, &stdin_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, buffer, sizeof buffer - 1), >, 0);
  g_assert_true (g_str_has_prefix (buffer, "locked"));
  close (out_fd);
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_false (nimbus_user_store_is_writable (store));
    g_assert_null (nimbus_user_store_get_set_aside_path (store));
    g_assert_false (nimbus_user_store_set_note (store, "sqs/fifo", "during", &error));
    g_test_message ("%s", error->message);
    g_assert_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "locked"));
  }
  close (stdin_fd);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    g_autofree char *note = nimbus_user_store_get_note (store, "sqs/fifo");

    g_assert_true (nimbus_user_store_is_writable (store));
    g_assert_cmpstr (note, ==, "before the lock");
  }
}

/* The cheat sheet: a flagged section with its text and note, an item the knowledge base no
 * longer has, and the other notes after; Markdown that no note can put markup into. */
static void
test_cheat_sheet (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(NimbusCheatSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *title = nimbus_kb_lookup_title (kb, "sqs/visibility-timeout");

  g_assert_nonnull (title);
  g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, NULL));
  g_assert_true (nimbus_user_store_flag (store, "retired/gone", NULL, NULL));
  g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout",
                                             "# Fake heading\n<script>alert(1)</script> [x](y)",
                                             NULL));
  g_assert_true (nimbus_user_store_set_note (store, "lambda", "1. not a list", NULL));

  sheet = nimbus_cheat_sheet_new_weak_areas (kb, store, &error);
  g_assert_no_error (error);
  markdown = nimbus_cheat_sheet_to_markdown (sheet);
  g_test_message ("%s", markdown);
  g_assert_true (g_str_has_prefix (markdown, "# "));
  g_assert_nonnull (strstr (markdown, title));
  g_assert_nonnull (strstr (markdown, "### retired/gone"));
  g_assert_nonnull (strstr (markdown, "> \\# Fake heading"));
  g_assert_null (strstr (markdown, "<script>"));
  g_assert_null (strstr (markdown, "[x]"));
  g_assert_nonnull (strstr (markdown, "> 1\\. not a list"));
  /* Only the escaped note and the headings start lines with #. */
  {
    g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (lines[i][0] == '#')
        g_assert_true (g_str_has_prefix (lines[i], "# ") || g_str_has_prefix (lines[i], "## ") ||
                       g_str_has_prefix (lines[i], "### "));
  }
}

/* nimbus --export-weak as a real process: the Markdown file, hostile notes escaped in it,
 * and an unwritable file named in the message with exit 1, nothing written. */
static void
test_cli_export_weak (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autofree char *file = g_build_filename (dir, "weak.md", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "weak.md", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *markdown = NULL;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);

    g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, NULL));
    g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout",
                                               "## owned\n<img src=x onerror=alert(1)>", NULL));
  }

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--export-weak", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (file, &markdown, NULL, NULL));
  g_assert_true (g_str_has_prefix (markdown, "# "));
  g_assert_nonnull (strstr (markdown, "> \\#\\# owned"));
  /* Shown as text: every < of the note escaped. */
  g_assert_nonnull (strstr (markdown, "\\<img src=x onerror=alert(1)\\>"));
  for (const char *p = strchr (markdown, '<'); p != NULL; p = strchr (p + 1, '<'))
    g_assert_true (p > markdown && p[-1] == '\\');
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--export-weak", bad, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (nimbus_test_run_nimbus (&out, &err, "--export-weak", file, "--json", NULL), ==,
                   2);
  g_setenv ("XDG_DATA_HOME", saved, TRUE);
}

/* Waits for an async import or export and keeps its result. */
typedef struct
{
  gboolean done;
  gboolean ok;
  guint added;
  GError *error;
} Transfer;

static void
import_file_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Transfer *transfer = user_data;

  transfer->ok = nimbus_user_store_import_file_finish (NIMBUS_USER_STORE (source), result,
                                                       &transfer->added, &transfer->error);
  transfer->done = TRUE;
  g_main_context_wakeup (NULL);
}

static void
export_file_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Transfer *transfer = user_data;

  transfer->ok = nimbus_user_store_export_file_finish (NIMBUS_USER_STORE (source), result,
                                                       &transfer->error);
  transfer->done = TRUE;
  g_main_context_wakeup (NULL);
}

static void
wait_for (Transfer *transfer)
{
  while (!transfer->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Export and import of files in a worker, notes and all: a damaged file is refused with a
 * message that names it and loses nothing; a file that cannot be written is named too. */
static void
test_notes_file_transfer (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path_a = g_build_filename (dir, "a", "user.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b", "user.db", NULL);
  g_autofree char *export_path = g_build_filename (dir, "export.json", NULL);
  g_autofree char *damaged_path = g_build_filename (dir, "damaged.json", NULL);
  g_autofree char *nowhere_path = g_build_filename (dir, "no-such-folder", "out.json", NULL);
  g_autoptr(NimbusUserStore) a = nimbus_user_store_open (path_a);
  g_autoptr(NimbusUserStore) b = nimbus_user_store_open (path_b);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GFile) damaged_file = g_file_new_for_path (damaged_path);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere_path);
  g_autofree char *contents = NULL;
  g_autofree char *note = NULL;
  Transfer exported = { 0 }, damaged = { 0 }, imported = { 0 }, nowhere = { 0 };
  gsize length;

  g_assert_true (nimbus_user_store_flag (a, "sqs/fifo", NULL, NULL));
  g_assert_true (nimbus_user_store_set_note (a, "sqs/fifo", "ordered, exactly once", NULL));
  g_assert_true (nimbus_user_store_flag (b, "rds/multi-az", NULL, NULL));
  g_assert_true (nimbus_user_store_set_note (b, "rds/multi-az", "sync standby", NULL));

  nimbus_user_store_export_file_async (a, export_file, NULL, export_file_cb, &exported);
  wait_for (&exported);
  g_assert_no_error (exported.error);
  g_assert_true (exported.ok);

  /* The export cut short, as a copy that stopped half way. */
  g_assert_true (g_file_get_contents (export_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (damaged_path, contents, length / 2, NULL));
  nimbus_user_store_import_file_async (b, damaged_file, NULL, import_file_cb, &damaged);
  wait_for (&damaged);
  g_assert_false (damaged.ok);
  g_assert_error (damaged.error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT);
  g_test_message ("%s", damaged.error->message);
  g_assert_true (g_str_has_prefix (damaged.error->message, damaged_path));
  g_assert_nonnull (strstr (damaged.error->message, "Nothing was imported"));
  g_assert_cmpuint (nimbus_test_count_flags (b), ==, 1);
  g_assert_true (nimbus_user_store_is_flagged (b, "rds/multi-az"));
  note = nimbus_user_store_get_note (b, "rds/multi-az");
  g_assert_cmpstr (note, ==, "sync standby");
  g_clear_pointer (&note, g_free);
  g_assert_null (nimbus_user_store_get_note (b, "sqs/fifo"));

  /* The whole file merges, its note with it, and b keeps its own. */
  nimbus_user_store_import_file_async (b, export_file, NULL, import_file_cb, &imported);
  wait_for (&imported);
  g_assert_no_error (imported.error);
  g_assert_true (imported.ok);
  g_assert_cmpuint (imported.added, ==, 1);
  g_assert_cmpuint (nimbus_test_count_flags (b), ==, 2);
  note = nimbus_user_store_get_note (b, "sqs/fifo");
  g_assert_cmpstr (note, ==, "ordered, exactly once");
  g_clear_pointer (&note, g_free);
  note = nimbus_user_store_get_note (b, "rds/multi-az");
  g_assert_cmpstr (note, ==, "sync standby");

  nimbus_user_store_export_file_async (a, nowhere_file, NULL, export_file_cb, &nowhere);
  wait_for (&nowhere);
  g_assert_false (nowhere.ok);
  g_assert_error (nowhere.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", nowhere.error->message);
  g_assert_nonnull (strstr (nowhere.error->message, nowhere_path));

  g_clear_error (&damaged.error);
  g_clear_error (&nowhere.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/notes-store/survive-restart", test_notes_survive_restart);
  g_test_add_func ("/nimbus/notes-store/refuse-bad-input", test_notes_refuse_bad_input);
  g_test_add_func ("/nimbus/notes-store/search", test_notes_search);
  g_test_add_func ("/nimbus/notes-store/history", test_history);
  g_test_add_func ("/nimbus/notes-store/migration", test_notes_migration);
  g_test_add_func ("/nimbus/notes-store/export-import", test_notes_export_import);
  g_test_add_func ("/nimbus/notes-store/read-only", test_notes_read_only);
  g_test_add_func ("/nimbus/notes-store/read-only/subprocess", test_notes_read_only_child);
  g_test_add_func ("/nimbus/notes-store/damaged", test_notes_damaged);
  g_test_add_func ("/nimbus/notes-store/locked", test_notes_locked);
  g_test_add_func ("/nimbus/notes-store/cheat-sheet", test_cheat_sheet);
  g_test_add_func ("/nimbus/notes-store/cli-export-weak", test_cli_export_weak);
  /* Last: its worker threads stay, and the tests before it change the environment. */
  g_test_add_func ("/nimbus/notes-store/file-transfer", test_notes_file_transfer);

  return g_test_run ();
}
