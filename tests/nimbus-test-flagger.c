/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "nimbus-user-store.h"

/* A second process for the crash and concurrency tests.
 *   nimbus-test-flagger PATH PREFIX COUNT: flags PREFIX/0, PREFIX/1, ... in the store at PATH
 *     and prints each id once it is committed, until it has COUNT or is killed; exit 1 with
 *     the reason when the store cannot be written.
 *   nimbus-test-flagger --lock PATH: holds an exclusive lock on the SQLite file at PATH,
 *     prints "locked", and keeps it until its standard input closes. */

static int
hold_lock (const char *path)
{
  sqlite3 *db = NULL;
  char buffer[64];

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                        "SELECT count (*) FROM sqlite_schema;", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_printerr ("cannot lock %s: %s\n", path, sqlite3_errmsg (db));
      return 1;
    }

  printf ("locked\n");
  fflush (stdout);
  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;

  sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL);
  sqlite3_close (db);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NimbusUserStore) store = NULL;
  guint64 count;

  if (argc == 3 && g_str_equal (argv[1], "--lock"))
    return hold_lock (argv[2]);

  if (argc != 4 || !g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT, &count, NULL))
    {
      g_printerr ("usage: %s PATH PREFIX COUNT | --lock PATH\n", argv[0]);
      return 2;
    }

  store = nimbus_user_store_open (argv[1]);
  for (guint64 i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("%s/%" G_GUINT64_FORMAT, argv[2], i);

      if (!nimbus_user_store_flag (store, id, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%s\n", id);
      fflush (stdout);
    }

  return 0;
}
