/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-user-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "nimbus-entry.h"
#include "nimbus-sqlite-private.h"
#include "nimbus-store-file.h"
#include "nimbus-user-store-private.h"

/* The student's own data: weak-area flags and their review state, in an SQLite file under
 * the user data directory. It names knowledge-base items by their stable ids, never by a
 * row, so a new knowledge base keeps every flag; an id the knowledge base no longer has is
 * kept too. Only real damage sets a file aside; a file that is busy, cannot be written or
 * comes from a newer Nimbus is read as it stands, with a message saying why. */


/* Each entry takes the schema from the version before it to its own number. */
static const char * const migrations[] = {
  /* 1 */ "CREATE TABLE flags (item_id TEXT PRIMARY KEY, flagged_at TEXT NOT NULL, note TEXT);",
  /* 2 */ "ALTER TABLE flags ADD COLUMN box INTEGER NOT NULL DEFAULT 1;"
          "ALTER TABLE flags ADD COLUMN due_at TEXT;"
          "ALTER TABLE flags ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0;",
  /* 3: notes of their own, and the notes flags had (which nothing showed) moved into them;
   * the pages viewed last. */
  /* 3 */ "CREATE TABLE notes (item_id TEXT PRIMARY KEY, text TEXT NOT NULL, "
          "                    updated_at TEXT NOT NULL);"
          "CREATE TABLE history (item_id TEXT PRIMARY KEY, viewed_at TEXT NOT NULL);"
          "INSERT OR IGNORE INTO notes (item_id, text, updated_at) "
          "  SELECT item_id, note, flagged_at FROM flags WHERE trim (coalesce (note, '')) <> '';"
          "UPDATE flags SET note = NULL;",
  /* 4 */ NIMBUS_USER_STORE_PRACTICE_SCHEMA,
};

/* The columns a flag is read from, and what stands in for one a store lacks (version 1 had
 * no review state); the first two are needed. */
static const struct
{
  const char *name;
  const char *fallback;
} columns[] = {
  { "item_id", NULL }, { "flagged_at", NULL }, { "note", "NULL" }, { "box", "1" },
  { "due_at", "NULL" }, { "reviews", "0" },
};

/* Days until a flag in each box is due again. */
static const int box_days[] = { 0, 0, 1, 3, 7, 14 };

struct _NimbusUserStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  gboolean writable;
  int version;
  guint columns;          /* bit i: columns[i] is in the flags table */
  gboolean has_notes;     /* the store has the notes and history tables (version 3) */
  char *problem;          /* what the user must be told, or NULL */
  char *read_error;       /* why the flags cannot be read at all, or NULL */
  char *set_aside_path;   /* where a damaged store was kept, or NULL */
  char *copy_dir;         /* a private copy read in place of the file, or NULL */
};

G_DEFINE_FINAL_TYPE (NimbusUserStore, nimbus_user_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (nimbus-store-error-quark, nimbus_store_error)

enum {
  CHANGED,
  HISTORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
nimbus_flag_free (NimbusFlag *flag)
{
  if (flag == NULL)
    return;

  g_free (flag->id);
  g_free (flag->flagged_at);
  g_free (flag->note);
  g_free (flag->due_at);
  g_free (flag);
}

static void
nimbus_user_store_finalize (GObject *object)
{
  NimbusUserStore *self = NIMBUS_USER_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  nimbus_store_file_remove_copy (self->copy_dir);
  g_free (self->copy_dir);
  g_free (self->path);
  g_free (self->problem);
  g_free (self->read_error);
  g_free (self->set_aside_path);

  G_OBJECT_CLASS (nimbus_user_store_parent_class)->finalize (object);
}

static void
nimbus_user_store_class_init (NimbusUserStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nimbus_user_store_finalize;

  /* Flags were added, removed, reviewed or imported. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A page was viewed, or the history cleared. */
  signals[HISTORY_CHANGED] = g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
nimbus_user_store_init (NimbusUserStore *self)
{
}

/* $XDG_DATA_HOME/nimbus/user.db */
char *
nimbus_user_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "nimbus", "user.db", NULL);
}

char *
nimbus_user_store_now_iso (gint64 days_ahead)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days_ahead);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
nimbus_user_store_fail (NimbusUserStore  *self,
                        sqlite3          *db,
                        gboolean          writing,
                        GError          **error)
{
  int code = sqlite3_errcode (db) & 0xff;

  nimbus_sqlite_set_error (error, NIMBUS_STORE_ERROR,
                           code == SQLITE_READONLY ? NIMBUS_STORE_ERROR_READ_ONLY
                           : code == SQLITE_BUSY ? NIMBUS_STORE_ERROR_BUSY
                           : NIMBUS_STORE_ERROR_FAILED,
                           db,
                           writing ? _("Could not save your weak areas to %s")
                                   : _("Could not read your weak areas from %s"),
                           self->path);
  if (code == SQLITE_BUSY && error != NULL)
    g_prefix_error (error, "%s ", _("Another program is using it, try again in a moment."));
  return FALSE;
}

static gboolean
fail (NimbusUserStore  *self,
      GError          **error)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  return nimbus_user_store_fail (self, self->db, TRUE, error);
}

gboolean
nimbus_user_store_check_writable (NimbusUserStore  *self,
                                  GError          **error)
{
  if (self->writable)
    return TRUE;

  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY, "%s",
               self->problem != NULL ? self->problem
               : self->read_error != NULL ? self->read_error
               : _("Weak areas cannot be saved"));
  return FALSE;
}

static gboolean
exec (NimbusUserStore *self,
      const char      *sql)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  return sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* Opening */

static int
user_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

/* No tables at all: a file another Nimbus has created and not yet set up, or an empty one. */
static gboolean
is_blank (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  return sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &stmt, NULL)
           == SQLITE_OK &&
         sqlite3_step (stmt) == SQLITE_DONE;
}

/* Which of the optional columns the flags table has: a store from a newer Nimbus may have
 * renamed or dropped some, and what is understood is still read. */
static gboolean
read_columns (NimbusUserStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint required = 0;
  int rc;

  g_assert (NIMBUS_IS_USER_STORE (self));

  self->columns = 0;
  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM pragma_table_info ('flags')", -1, &stmt,
                          NULL) != SQLITE_OK)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (g_strcmp0 (name, columns[i].name) == 0)
          self->columns |= 1u << i;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].fallback == NULL)
      required |= 1u << i;

  g_clear_pointer (&stmt, sqlite3_finalize);
  self->has_notes = FALSE;
  if (rc == SQLITE_DONE &&
      sqlite3_prepare_v2 (self->db, "SELECT count (*) FROM sqlite_master WHERE type = 'table' "
                                    "AND name IN ('notes', 'history')", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    self->has_notes = sqlite3_column_int (stmt, 0) == 2;

  return rc == SQLITE_DONE && (self->columns & required) == required;
}

static sqlite3 *
open_db (const char *path,
         int         flags)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      g_clear_pointer (&db, sqlite3_close);
      return NULL;
    }

  sqlite3_busy_timeout (db, NIMBUS_STORE_BUSY_TIMEOUT_MS);
  return db;
}

/* Every migration in one transaction that reads the version again once it holds the write
 * lock, so processes opening a new store together never run a migration twice. */
static gboolean
migrate (NimbusUserStore  *self,
         char            **reason)
{
  int version;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (!exec (self, "BEGIN IMMEDIATE;"))
    {
      *reason = g_strdup (sqlite3_errmsg (self->db));
      return FALSE;
    }

  version = user_version (self->db);
  for (int v = MAX (version, 0); v < (int) G_N_ELEMENTS (migrations); v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", v + 1);

      if (!exec (self, migrations[v]) || !exec (self, set_version))
        {
          *reason = g_strdup (sqlite3_errmsg (self->db));
          exec (self, "ROLLBACK;");
          return FALSE;
        }
    }

  if (!exec (self, "COMMIT;"))
    {
      *reason = g_strdup (sqlite3_errmsg (self->db));
      exec (self, "ROLLBACK;");
      return FALSE;
    }

  self->version = user_version (self->db);
  return TRUE;
}

/* Write-ahead logging; another process switching the same new file at the same moment can
 * hold the lock this needs for longer than the busy handler waits, so it is tried again. */
static gboolean
use_wal (NimbusUserStore  *self,
         char            **reason)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL)
            == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW &&
          g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0)
        return exec (self, "PRAGMA synchronous = NORMAL;");

      if ((sqlite3_errcode (self->db) & 0xff) != SQLITE_BUSY &&
          (sqlite3_errcode (self->db) & 0xff) != SQLITE_OK)
        break;
      g_usleep (100 * 1000);
    }

  *reason = g_strdup (sqlite3_errcode (self->db) == SQLITE_OK
                        ? _("another program keeps it locked")
                        : sqlite3_errmsg (self->db));
  return FALSE;
}

/* Opens the store to read only, for a command that must change nothing, or for the app
 * when the file cannot be written. */
static void
open_reading (NimbusUserStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  char *kind_problem = nimbus_store_file_kind_problem (self->path);

  g_assert (NIMBUS_IS_USER_STORE (self));

  self->writable = FALSE;
  if (kind_problem != NULL)
    {
      self->read_error = kind_problem;
      return;
    }

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return;

  self->db = nimbus_store_file_open_reading (self->path, &self->copy_dir, &warning, &error);
  if (self->db == NULL)
    {
      self->read_error = g_strdup (error->message);
      return;
    }

  self->version = user_version (self->db);
  if (self->version == 0 && is_blank (self->db))
    {
      /* Nothing flagged yet, as when there is no file. */
      g_clear_pointer (&self->db, sqlite3_close);
      return;
    }
  if (!read_columns (self))
    {
      g_clear_pointer (&self->db, sqlite3_close);
      self->read_error = g_strdup_printf (_("Your weak-areas file %s was written by a newer "
                                            "version of Nimbus and cannot be read by this "
                                            "one; update Nimbus"), self->path);
      return;
    }

  if (warning != NULL)
    {
      g_free (self->problem);
      self->problem = g_steal_pointer (&warning);
    }
}

static void
fall_back_to_reading (NimbusUserStore *self,
                      const char      *reason)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->problem);
  self->problem = g_strdup_printf (_("Weak areas cannot be saved: %s (%s). "
                                     "Flagging is off until it can be written."),
                                   self->path, reason);
  open_reading (self);
}

/* The store file opened and checked; a damaged one is set aside first. FALSE with reason
 * when it could not be opened for writing. */
static gboolean
open_checked (NimbusUserStore  *self,
              char            **reason)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *aside = NULL;
      NimbusStoreFileId before, after;
      NimbusStoreHealth health;

      int lock;

      g_clear_pointer (reason, g_free);
      lock = nimbus_store_file_lock_folder (self->path, FALSE);
      nimbus_store_file_identify (self->path, &before);
      self->db = open_db (self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      health = self->db != NULL ? nimbus_store_file_check (self->db, NULL, reason)
                                : NIMBUS_STORE_HEALTH_UNAVAILABLE;
      nimbus_store_file_identify (self->path, &after);
      nimbus_store_file_unlock_folder (lock);

      if (self->db == NULL)
        {
          *reason = g_strdup (g_strerror (EACCES));
          return FALSE;
        }
      if (health == NIMBUS_STORE_HEALTH_UNAVAILABLE)
        return FALSE;
      if (health == NIMBUS_STORE_HEALTH_OK)
        return TRUE;

      /* Damaged: set aside only the very file that was checked. */
      g_clear_pointer (&self->db, sqlite3_close);
      if (!before.exists || !nimbus_store_file_id_equal (&before, &after))
        continue;

      aside = nimbus_store_file_set_aside (self->path, &after, &error);
      if (error != NULL)
        {
          g_free (*reason);
          *reason = g_strdup (error->message);
          return FALSE;
        }
      if (aside != NULL)
        {
          g_free (self->set_aside_path);
          self->set_aside_path = g_steal_pointer (&aside);
          g_free (self->problem);
          self->problem = g_strdup_printf (_("Your weak-areas file was damaged. It was kept as "
                                             "%s and a new one was started."),
                                           self->set_aside_path);
        }
    }

  g_clear_pointer (reason, g_free);
  *reason = g_strdup (_("it keeps changing while it is opened"));
  return FALSE;
}

/* For the app: opens the store to read and write, creating and migrating it. Opening never
 * fails: a damaged file is kept aside and a new one started; a file that is busy, cannot be
 * written, or comes from a newer Nimbus is read as it is, with flagging off and a problem
 * that says why. */
NimbusUserStore *
nimbus_user_store_open (const char *path)
{
  g_autoptr(NimbusUserStore) self = g_object_new (NIMBUS_TYPE_USER_STORE, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *kind_problem = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      fall_back_to_reading (self, g_strerror (errno));
      return g_steal_pointer (&self);
    }

  if ((kind_problem = nimbus_store_file_kind_problem (path)) != NULL)
    {
      self->problem = g_steal_pointer (&kind_problem);
      open_reading (self);
      return g_steal_pointer (&self);
    }

  if (!open_checked (self, &reason) || sqlite3_db_readonly (self->db, "main") == 1)
    {
      fall_back_to_reading (self, reason != NULL ? reason : g_strerror (EACCES));
      return g_steal_pointer (&self);
    }

  self->version = user_version (self->db);
  if (self->version > (int) G_N_ELEMENTS (migrations))
    {
      /* Written by a newer Nimbus: read what is understood, change nothing. */
      fall_back_to_reading (self, _("it was written by a newer version of Nimbus"));
      return g_steal_pointer (&self);
    }

  if (!use_wal (self, &reason) || !migrate (self, &reason) || !read_columns (self))
    {
      fall_back_to_reading (self, reason != NULL ? reason : sqlite3_errmsg (self->db));
      return g_steal_pointer (&self);
    }

  self->writable = TRUE;
  return g_steal_pointer (&self);
}

/* For a command that only reads (nimbus --weak): never creates, renames, migrates or
 * converts the file. A missing file is an empty store. */
NimbusUserStore *
nimbus_user_store_open_for_reading (const char *path)
{
  NimbusUserStore *self = g_object_new (NIMBUS_TYPE_USER_STORE, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  open_reading (self);
  return self;
}

gboolean
nimbus_user_store_is_writable (NimbusUserStore *self)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  return self->writable;
}

/* What the user should be told about the store, or NULL when all is well. */
const char *
nimbus_user_store_get_problem (NimbusUserStore *self)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  return self->problem;
}

const char *
nimbus_user_store_get_set_aside_path (NimbusUserStore *self)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  return self->set_aside_path;
}

/* Why the flags cannot be read at all (a folder where the file should be, damage seen by a
 * command that only reads, a store from a newer Nimbus), or NULL. */
const char *
nimbus_user_store_get_read_error (NimbusUserStore *self)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  return self->read_error;
}

const char *
nimbus_user_store_get_path (NimbusUserStore *self)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  return self->path;
}

sqlite3 *
nimbus_user_store_get_db (NimbusUserStore *self)
{
  return self->db;
}

gboolean
nimbus_user_store_has_notes (NimbusUserStore *self)
{
  return self->db != NULL && self->has_notes;
}

void
nimbus_user_store_emit_changed (NimbusUserStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nimbus_user_store_emit_history_changed (NimbusUserStore *self)
{
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
}

/* Flags */

gboolean
nimbus_user_store_check_id (const char  *id,
                            GError     **error)
{
  if (nimbus_id_is_valid (id))
    return TRUE;

  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID,
               _("“%s” is not a knowledge-base id (like sqs/visibility-timeout)"),
               id != NULL && g_utf8_validate (id, -1, NULL) ? id : "");
  return FALSE;
}

static sqlite3_stmt *
prepare (NimbusUserStore  *self,
         const char       *sql,
         gboolean          writing,
         GError          **error)
{
  sqlite3_stmt *stmt = NULL;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (self->db == NULL)
    {
      nimbus_user_store_check_writable (self, error);
      return NULL;
    }

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      nimbus_user_store_fail (self, self->db, writing, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static gboolean
run (NimbusUserStore  *self,
     sqlite3_stmt     *stmt,
     GError          **error)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);

  nimbus_user_store_emit_changed (self);
  return TRUE;
}

/* Flags id as a weak area; flagging it again keeps the first flag and its progress. */
gboolean
nimbus_user_store_flag (NimbusUserStore  *self,
                        const char       *id,
                        const char       *note,
                        GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = nimbus_user_store_now_iso (0);

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!nimbus_user_store_check_id (id, error) || !nimbus_user_store_check_writable (self, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO flags (item_id, flagged_at, note) VALUES (?, ?, ?) "
                        "ON CONFLICT (item_id) DO UPDATE SET note = coalesce (excluded.note, note)",
                  TRUE, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  /* Since version 3 a note given with a flag is the item's note, unless it has one. */
  sqlite3_bind_text (stmt, 3, self->has_notes ? NULL : note, -1, SQLITE_STATIC);
  if (self->has_notes && note != NULL &&
      !nimbus_user_store_adopt_note (self->db, id, note, now))
    return fail (self, error);

  return run (self, stmt, error);
}

gboolean
nimbus_user_store_unflag (NimbusUserStore  *self,
                          const char       *id,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!nimbus_user_store_check_id (id, error) || !nimbus_user_store_check_writable (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM flags WHERE item_id = ?", TRUE, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return run (self, stmt, error);
}

gboolean
nimbus_user_store_is_flagged (NimbusUserStore *self,
                              const char      *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (id == NULL ||
      (stmt = prepare (self, "SELECT 1 FROM flags WHERE item_id = ?", FALSE, NULL)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* SELECT of every column a flag has, from what this store's table holds. */
static char *
select_sql (NimbusUserStore *self,
            const char      *order)
{
  GString *sql = g_string_new ("SELECT ");

  g_assert (NIMBUS_IS_USER_STORE (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      /* A flag's note is the item's note, kept in notes since version 3. */
      if (self->has_notes && g_str_equal (columns[i].name, "note"))
        g_string_append (sql, "(SELECT text FROM notes WHERE notes.item_id = flags.item_id) "
                              "AS note");
      else if (self->columns & (1u << i))
        g_string_append (sql, columns[i].name);
      else
        g_string_append_printf (sql, "%s AS %s", columns[i].fallback, columns[i].name);
    }
  g_string_append_printf (sql, " FROM flags %s", order);

  return g_string_free (sql, FALSE);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GPtrArray *
list_ordered (NimbusUserStore  *self,
              const char       *order,
              GError          **error)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_flag_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = nimbus_user_store_now_iso (0);
  int rc;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (self->read_error != NULL)
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED, "%s", self->read_error);
      return NULL;
    }

  if (self->db == NULL)
    return g_steal_pointer (&flags);

  sql = select_sql (self, order);
  if ((stmt = prepare (self, sql, FALSE, error)) == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusFlag *flag;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL ||
          sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;

      flag = g_new0 (NimbusFlag, 1);
      flag->id = column_dup (stmt, 0);
      flag->flagged_at = column_dup (stmt, 1);
      flag->note = column_dup (stmt, 2);
      flag->box = CLAMP (sqlite3_column_int (stmt, 3), NIMBUS_STORE_FIRST_BOX,
                         NIMBUS_STORE_LAST_BOX);
      flag->due_at = column_dup (stmt, 4);
      flag->reviews = MAX (sqlite3_column_int (stmt, 5), 0);
      g_ptr_array_add (flags, flag);
    }

  if (rc != SQLITE_DONE)
    {
      nimbus_user_store_fail (self, self->db, FALSE, error);
      return NULL;
    }

  return g_steal_pointer (&flags);
}

/* Every flag, newest first. */
GPtrArray *
nimbus_user_store_list (NimbusUserStore  *self,
                        GError          **error)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  return list_ordered (self, "ORDER BY flagged_at DESC, rowid DESC", error);
}

/* Every flag in review order: those due first, the weakest box first, then the longest
 * overdue. */
GPtrArray *
nimbus_user_store_list_for_review (NimbusUserStore  *self,
                                   GError          **error)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  return list_ordered (self, "ORDER BY coalesce (due_at, '') > ?1, box, coalesce (due_at, ''), "
                             "flagged_at, rowid", error);
}

/* One answer of a review: known moves the flag up a box and further away, still weak
 * sends it back to the first box, due at once. */
gboolean
nimbus_user_store_review (NimbusUserStore  *self,
                          const char       *id,
                          gboolean          knew_it,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *due = NULL;
  int box;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!nimbus_user_store_check_id (id, error) || !nimbus_user_store_check_writable (self, error))
    return FALSE;

  if ((stmt = prepare (self, "SELECT box FROM flags WHERE item_id = ?", FALSE, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED,
                   _("“%s” is not flagged"), id);
      return FALSE;
    }

  box = knew_it ? MIN (sqlite3_column_int (stmt, 0) + 1, NIMBUS_STORE_LAST_BOX)
                : NIMBUS_STORE_FIRST_BOX;
  box = CLAMP (box, NIMBUS_STORE_FIRST_BOX, NIMBUS_STORE_LAST_BOX);
  due = nimbus_user_store_now_iso (box_days[box]);

  update = prepare (self, "UPDATE flags SET box = ?, due_at = ?, reviews = reviews + 1 "
                          "WHERE item_id = ?", TRUE, error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int (update, 1, box);
  sqlite3_bind_text (update, 2, due, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, id, -1, SQLITE_STATIC);

  return run (self, update, error);
}
