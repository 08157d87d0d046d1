/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-store-file"
#define _GNU_SOURCE  /* renameat2 () */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nimbus-store-file.h"
#include "nimbus-user-store.h"


static const char * const journal_suffixes[] = { "-wal", "-shm" };

/* Why path cannot hold a store, or NULL when it can: a regular file, or nothing yet. */
char *
nimbus_store_file_kind_problem (const char *path)
{
  GStatBuf buf;
  const char *what;

  if (g_stat (path, &buf) != 0 || S_ISREG (buf.st_mode))
    return NULL;

  if (S_ISDIR (buf.st_mode))
    what = _("a folder");
  else if (S_ISFIFO (buf.st_mode))
    what = _("a named pipe");
  else if (S_ISSOCK (buf.st_mode))
    what = _("a socket");
  else
    what = _("a device");

  return g_strdup_printf (_("%s is %s, not a weak-areas file; move it away so that Nimbus "
                            "can keep your weak areas there"), path, what);
}

void
nimbus_store_file_identify (const char        *path,
                            NimbusStoreFileId *id)
{
  GStatBuf buf;

  id->exists = g_stat (path, &buf) == 0;
  id->device = id->exists ? (guint64) buf.st_dev : 0;
  id->inode = id->exists ? (guint64) buf.st_ino : 0;
}

gboolean
nimbus_store_file_id_equal (const NimbusStoreFileId *a,
                            const NimbusStoreFileId *b)
{
  return a->exists == b->exists && a->device == b->device && a->inode == b->inode;
}

static NimbusStoreHealth
classify (sqlite3  *db,
          int      *code_out,
          char    **reason)
{
  int code = sqlite3_errcode (db) & 0xff;

  if (code_out != NULL)
    *code_out = code;
  *reason = g_strdup (sqlite3_errmsg (db));
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    return NIMBUS_STORE_HEALTH_DAMAGED;

  return NIMBUS_STORE_HEALTH_UNAVAILABLE;
}

/* Only real damage says DAMAGED: a locked, unreadable or short-of-memory file is
 * UNAVAILABLE and must be left exactly as it is. */
NimbusStoreHealth
nimbus_store_file_check (sqlite3  *db,
                         int      *code,
                         char    **reason)
{
  sqlite3_stmt *stmt = NULL;
  NimbusStoreHealth health;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return classify (db, code, reason);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    health = NIMBUS_STORE_HEALTH_OK;
  else if (rc == SQLITE_ROW)
    {
      if (code != NULL)
        *code = SQLITE_CORRUPT;
      *reason = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      health = NIMBUS_STORE_HEALTH_DAMAGED;
    }
  else
    health = classify (db, code, reason);

  sqlite3_finalize (stmt);
  return health;
}

/* rename () that never replaces: a second process setting aside in the same second must
 * not overwrite the first one's copy. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return -1;

  /* A file system without RENAME_NOREPLACE: link () refuses an existing name too. */
  if (link (from, to) != 0)
    return -1;
  return g_unlink (from);
}

static char *
rename_aside (const char *path,
              GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *aside = n == 1 ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
                                      : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);

      if (rename_no_replace (path, aside) == 0)
        {
          for (guint i = 0; i < G_N_ELEMENTS (journal_suffixes); i++)
            {
              g_autofree char *from = g_strconcat (path, journal_suffixes[i], NULL);
              g_autofree char *to = g_strconcat (aside, journal_suffixes[i], NULL);

              if (g_file_test (from, G_FILE_TEST_EXISTS))
                rename_no_replace (from, to);
            }
          return g_steal_pointer (&aside);
        }

      if (errno != EEXIST)
        break;
    }

  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED,
               _("Your weak-areas file %s is damaged and could not be kept aside: %s"), path,
               g_strerror (errno));
  return NULL;
}

/* A lock on the store's folder: shared while a store is opened and checked (which may
 * create the file and its journals), exclusive while a damaged one is set aside, so that a
 * new store's journal is never taken for the damaged one's. -1 where the folder cannot be
 * locked; nimbus_store_file_unlock_folder () releases it. */
int
nimbus_store_file_lock_folder (const char *path,
                               gboolean    exclusive)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    flock (fd, exclusive ? LOCK_EX : LOCK_SH);

  return fd;
}

void
nimbus_store_file_unlock_folder (int fd)
{
  if (fd >= 0)
    close (fd);  /* releases the lock */
}

/* Renames the damaged file at path, and its journal files, to a name no other file has,
 * under the folder's exclusive lock, so that two processes never move the same file twice;
 * only when path is still the file that was checked. NULL without error when it is not
 * (another process already set it aside): open again. */
char *
nimbus_store_file_set_aside (const char               *path,
                             const NimbusStoreFileId  *checked,
                             GError                  **error)
{
  NimbusStoreFileId current;
  char *aside = NULL;
  int fd = nimbus_store_file_lock_folder (path, TRUE);

  nimbus_store_file_identify (path, &current);
  if (nimbus_store_file_id_equal (&current, checked))
    aside = rename_aside (path, error);

  nimbus_store_file_unlock_folder (fd);
  return aside;
}

static sqlite3 *
open_uri (const char *path,
          const char *query)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *full = g_strconcat (uri != NULL ? uri : "", query, NULL);
  sqlite3 *db = NULL;

  if (uri == NULL || sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
        != SQLITE_OK)
    {
      g_clear_pointer (&db, sqlite3_close);
      return NULL;
    }

  sqlite3_busy_timeout (db, NIMBUS_STORE_BUSY_TIMEOUT_MS);
  return db;
}

static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf buf;

  return g_stat (wal, &buf) == 0 && buf.st_size > 0;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (from, &contents, &length, error) &&
         g_file_set_contents (to, contents, length, error);
}

/* A copy of the store and its write-ahead log in a private folder, where SQLite can make
 * the shared-memory file that reading a log needs. */
static sqlite3 *
open_copy (const char  *path,
           char       **copy_dir,
           GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("nimbus-store-XXXXXX", error);
  g_autofree char *db_copy = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_copy = NULL;
  sqlite3 *db;

  if (dir == NULL)
    return NULL;

  db_copy = g_build_filename (dir, "user.db", NULL);
  wal_copy = g_strconcat (db_copy, "-wal", NULL);
  if (!copy_file (path, db_copy, error) || !copy_file (wal, wal_copy, error) ||
      (db = open_uri (db_copy, "?mode=ro")) == NULL)
    {
      nimbus_store_file_remove_copy (dir);
      return NULL;
    }

  *copy_dir = g_steal_pointer (&dir);
  return db;
}

/* Opens a store to read it and never changes the file: not its mode, not its version, not
 * its name. A store in a folder that cannot be written, whose shared-memory file is gone,
 * is read from a private copy so that nothing committed in its log is left out. */
sqlite3 *
nimbus_store_file_open_reading (const char  *path,
                                char       **copy_dir,
                                char       **warning,
                                GError     **error)
{
  g_autoptr(GError) copy_error = NULL;
  g_autofree char *reason = NULL;
  NimbusStoreHealth health = NIMBUS_STORE_HEALTH_UNAVAILABLE;
  int code = SQLITE_CANTOPEN;
  sqlite3 *db = open_uri (path, "?mode=ro");

  if (db != NULL
      && (health = nimbus_store_file_check (db, &code, &reason)) == NIMBUS_STORE_HEALTH_OK)
    return db;
  g_clear_pointer (&db, sqlite3_close);

  /* Only a missing shared-memory file that cannot be made is worked around below. */
  if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY)
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED,
                   health == NIMBUS_STORE_HEALTH_DAMAGED
                     ? _("Your weak-areas file %s is damaged (%s); open Nimbus to keep it "
                         "aside and start a new one")
                     : _("Could not read your weak areas in %s (%s); try again in a moment"),
                   path, reason);
      return NULL;
    }
  g_clear_pointer (&reason, g_free);

  if (!has_wal (path))
    db = open_uri (path, "?immutable=1");
  else if ((db = open_copy (path, copy_dir, &copy_error)) == NULL)
    {
      *warning = g_strdup_printf (_("The list of weak areas may be incomplete: %s could not "
                                    "be read with its log (%s)"), path, copy_error->message);
      db = open_uri (path, "?immutable=1");
    }

  if (db == NULL || nimbus_store_file_check (db, NULL, &reason) != NIMBUS_STORE_HEALTH_OK)
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED,
                   _("Could not read your weak areas in %s (%s)"), path,
                   reason != NULL ? reason : g_strerror (EACCES));
      g_clear_pointer (&db, sqlite3_close);
    }

  return db;
}

void
nimbus_store_file_remove_copy (const char *copy_dir)
{
  const char *names[] = { "user.db", "user.db-wal", "user.db-shm" };

  if (copy_dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (copy_dir, names[i], NULL);

      g_unlink (file);
    }
  g_rmdir (copy_dir);
}
