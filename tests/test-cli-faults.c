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

#include "nimbus-test-utils.h"

/* The command line under hostile conditions, as real processes: the C locale, output that
 * cannot be written, repeated options, damaged knowledge bases. */

typedef struct
{
  const char *stdout_path;  /* or NULL for a pipe read to the end */
  gboolean close_stdout;    /* a reader that goes away at once */
  gsize file_size_limit;    /* RLIMIT_FSIZE in bytes, or 0 */
} Setup;

static void
child_setup (gpointer data)
{
  const Setup *setup = data;

  if (setup->file_size_limit > 0)
    {
      struct rlimit limit = { setup->file_size_limit, setup->file_size_limit };
      setrlimit (RLIMIT_FSIZE, &limit);
    }
}

/* Runs nimbus with extra environment entries (NULL-terminated "NAME=value" list). */
static int
run (const char * const  *env_extra,
     const Setup         *setup,
     char               **out,
     char               **err,
     const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Setup none = { NULL, FALSE, 0 };
  int out_fd = -1, err_fd = -1, status;
  GPid pid;

  setup = setup != NULL ? setup : &none;
  g_ptr_array_add (argv, (char *) g_getenv ("NIMBUS_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);
      env = g_environ_setenv (env, pair[0], pair[1], TRUE);
    }

  if (setup->stdout_path != NULL)
    {
      /* Through the shell's redirection, as a user would write it. */
      g_autofree char *command = NULL;
      g_autoptr(GString) quoted = g_string_new (NULL);

      for (guint i = 0; i < argv->len - 1; i++)
        {
          g_autofree char *q = g_shell_quote (g_ptr_array_index (argv, i));
          g_string_append_printf (quoted, "%s ", q);
        }
      command = g_strdup_printf ("%s> %s", quoted->str, setup->stdout_path);
      {
        const char *sh[] = { "/bin/sh", "-c", command, NULL };
        g_assert_true (g_spawn_sync (NULL, (char **) sh, env, G_SPAWN_DEFAULT, child_setup,
                                     (gpointer) setup, NULL, err, &status, &error));
      }
      g_assert_no_error (error);
      if (out != NULL)
        *out = NULL;
      g_assert_true (WIFEXITED (status));
      return WEXITSTATUS (status);
    }

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, env,
                                           G_SPAWN_DO_NOT_REAP_CHILD, child_setup,
                                           (gpointer) setup, &pid, NULL, &out_fd, &err_fd,
                                           &error));
  g_assert_no_error (error);
  if (setup->close_stdout)
    close (out_fd);
  else
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);
      g_io_channel_set_encoding (channel, NULL, NULL);
      g_io_channel_read_to_end (channel, out, NULL, NULL);
    }
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (err_fd);
    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_set_encoding (channel, NULL, NULL);
    g_io_channel_read_to_end (channel, err, NULL, NULL);
  }
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  if (!WIFEXITED (status))
    g_error ("nimbus %s did not exit normally (wait status %d)", args[0], status);

  return WEXITSTATUS (status);
}

#define ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static const char * const c_locale[] = { "LC_ALL=C", "LANG=C", "LANGUAGE=", NULL };

/* In the C locale of cron, systemd units and containers, UTF-8 arguments are text and the
 * answer is UTF-8; bytes that are no text are a usage error naming the option. */
static void
test_cli_c_locale (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpint (run (c_locale, NULL, &out, &err,
                        ARGS ("--search", "visibilité timeout “SQS”", "--json")), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Snippets keep their ellipsis as UTF-8, in text and in JSON. */
  g_assert_cmpint (run (c_locale, NULL, &out, &err, ARGS ("--search", "visibility")), ==, 0);
  g_assert_nonnull (strstr (out, "…"));
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (c_locale, NULL, &out, &err, ARGS ("--search", "visibility", "--json")),
                   ==, 0);
  g_assert_nonnull (strstr (out, "…"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Valid requests with non-ASCII values get their real answer, not a usage error. */
  g_assert_cmpint (run (c_locale, NULL, &out, &err, ARGS ("--show", "sqs/é")), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (c_locale, NULL, &out, &err, ARGS ("--search", "sqs", "--limit", "５")),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--limit"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (c_locale, NULL, &out, &err,
                        ARGS ("--capacity", "read", "--consistency", "strong", "--item-size",
                              "４", "--rate", "1")), ==, 2);
  g_assert_nonnull (strstr (err, "--item-size"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (c_locale, NULL, &out, &err, ARGS ("--search", "\xff\xfe sqs")), ==, 2);
  g_assert_nonnull (strstr (err, "--search"));
  g_assert_cmpstr (out, ==, "");
}

/* Output that cannot be written is exit 1 with a message: a full disk, a file-size limit,
 * a reader that closed the pipe. */
static void
test_cli_write_failures (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *cut = g_build_filename (dir, "cut.txt", NULL);
  Setup full = { "/dev/full", FALSE, 0 };
  Setup limited = { cut, FALSE, 2048 };
  Setup closed = { NULL, TRUE, 0 };
  const char * const *requests[] = {
    ARGS ("--show", "dynamodb"), ARGS ("--show", "dynamodb", "--json"),
    ARGS ("--list", "--json"), ARGS ("--search", "capacity", "--limit", "1000", "--json"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      const Setup *setups[] = { &full, &limited };

      for (guint j = 0; j < G_N_ELEMENTS (setups); j++)
        {
          g_autofree char *err = NULL;

          g_assert_cmpint (run (NULL, setups[j], NULL, &err, requests[i]), ==, 1);
          g_test_message ("%s: %s", requests[i][0], err);
          g_assert_nonnull (strstr (err, "could not write the answer"));
        }
    }

  /* Large enough not to fit the pipe's buffer before the reader leaves. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run (NULL, &closed, NULL, &err,
                          ARGS ("--search", "a", "--limit", "1000", "--json")), ==, 1);
    g_assert_nonnull (strstr (err, "Broken pipe"));
  }
}

/* GApplication would keep the last of a repeated option; nimbus refuses them. */
static void
test_cli_repeated_options (void)
{
  const char * const *requests[] = {
    ARGS ("--list", "--list"), ARGS ("--search", "sqs", "--search", "sns"),
    ARGS ("--search=sqs", "--search", "sns"), ARGS ("--show", "sqs", "--json", "--json"),
    ARGS ("--search", "sqs", "--limit", "2", "--limit", "3"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (NULL, NULL, &out, &err, requests[i]), ==, 2);
      g_assert_nonnull (strstr (err, "more than once"));
      g_assert_cmpstr (out, ==, "");
    }

  /* The value of an option is not an option. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (NULL, NULL, &out, &err, ARGS ("--search", "--search", "--limit", "1")),
                     ==, 0);
  }
}

/* Searches and messages that used to be wrong. */
static void
test_cli_answers (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();

  /* A short last word such as s3 is never dropped. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (NULL, NULL, &out, &err, ARGS ("--search", "zzqxw s3", "--json")), ==, 0);
    g_assert_nonnull (strstr (out, "\"service\" : \"s3\""));
  }

  /* --limit 1000 gives more than the ranking's usual 256 candidates. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_cmpint (run (NULL, NULL, &out, &err,
                          ARGS ("--search", "aws", "--limit", "1000", "--json")), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    g_test_message ("%u hits",
                    json_array_get_length (json_node_get_array (json_parser_get_root (parser))));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                      >, 256);
  }

  /* --kb given a folder says so. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (NULL, NULL, &out, &err, ARGS ("--kb", dir, "--list")), ==, 1);
    g_assert_nonnull (strstr (err, "is a folder"));
  }

  /* Out-of-range capacity values say the range, not "above 0". */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (NULL, NULL, &out, &err,
                          ARGS ("--capacity", "read", "--consistency", "strong", "--item-size",
                                "401", "--rate", "1")), ==, 2);
    g_assert_nonnull (strstr (err, "at most 400 KB"));
  }
}

/* A copy of the knowledge base with one required value set to NULL (the NOT NULL
 * constraint removed first, as a hostile or broken tool could). */
static char *
damaged_kb (const char *dir,
            const char *table,
            const char *update)
{
  g_autofree char *contents = NULL;
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, table, NULL);
  sqlite3 *db = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (nimbus_test_kb_path (), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_schema SET sql = replace (sql, 'NOT NULL', '') "
                         "WHERE name = '%s';", table);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, update, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", update, sqlite3_errmsg (db));
  sqlite3_close (db);

  return path;
}

/* A valid SQLite file with NULLs where values belong is exit 1 with a message, never a
 * crash and never a critical (they are fatal here). */
static void
test_cli_damaged_kb (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  static const struct { const char *table; const char *update; const char *args[4]; } cases[] = {
    { "docs", "UPDATE docs SET id = NULL", { "--search", "visibility", NULL } },
    { "docs", "UPDATE docs SET title = NULL", { "--search", "sq", NULL } },
    { "services", "UPDATE services SET summary = NULL", { "--list", NULL } },
    { "services", "UPDATE services SET name = NULL WHERE id = 'sqs'", { "--show", "sqs", NULL } },
    { "blocks", "UPDATE blocks SET type = NULL", { "--show", "sqs", NULL } },
    { "blocks", "UPDATE blocks SET text = NULL WHERE type = 'paragraph'",
      { "--show", "sqs", "--json", NULL } },
    { "blocks", "UPDATE blocks SET type = 'video'", { "--show", "sqs", NULL } },
    { "sections", "UPDATE sections SET title = NULL", { "--show", "sqs", NULL } },
    { "sources", "UPDATE sources SET url = NULL", { "--show", "sqs", NULL } },
    { "keywords", "UPDATE keywords SET keyword = NULL", { "--show", "sqs", NULL } },
    { "docs", "UPDATE docs SET kind = NULL, service_id = NULL",
     { "--search", "visibility", NULL } },
    /* The postings ranking reads: missing, cut short, pointing past the documents. */
    { "stems", "UPDATE stems SET postings = NULL", { "--search", "visibility timeout", NULL } },
    { "stems", "UPDATE stems SET postings = substr (postings, 1, 3)",
      { "--search", "lazy loading", NULL } },
    { "stems", "UPDATE stems SET postings = x'ffffff7f0000803f'",
      { "--search", "fifo queue", NULL } },
    { "stem_pairs", "UPDATE stem_pairs SET postings = NULL",
      { "--search", "visibility timeout", NULL } },
    { "ranked_docs", "UPDATE ranked_docs SET lengths = x'00'", { "--search", "shard", NULL } },
    { "prefixes", "UPDATE prefixes SET docs = x'00'", { "--search", "message size sq", NULL } },
    { "docs", "UPDATE docs SET kind = 'chapter'", { "--search", "visibility", NULL } },
    { "docs", "UPDATE docs SET kind = 'note'", { "--search", "visibility", NULL } },
  };
  const char * const env[] = { "G_DEBUG=fatal-criticals,fatal-warnings", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *subdir = g_strdup_printf ("%s/%u", dir, i);
      g_autofree char *kb = NULL;
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
      kb = damaged_kb (subdir, cases[i].table, cases[i].update);
      g_ptr_array_add (args, "--kb");
      g_ptr_array_add (args, kb);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (char *) cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      status = run (env, NULL, &out, &err, (const char * const *) args->pdata);
      g_test_message ("%s: exit %d: %s", cases[i].update, status, err);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, "damaged"));
      g_assert_null (strstr (err, "CRITICAL"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/cli-faults/c-locale", test_cli_c_locale);
  g_test_add_func ("/nimbus/cli-faults/write-failures", test_cli_write_failures);
  g_test_add_func ("/nimbus/cli-faults/repeated-options", test_cli_repeated_options);
  g_test_add_func ("/nimbus/cli-faults/answers", test_cli_answers);
  g_test_add_func ("/nimbus/cli-faults/damaged-kb", test_cli_damaged_kb);

  return g_test_run ();
}
