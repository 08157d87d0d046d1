/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-user-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "nimbus-user-store.h"

/* The student's own data: weak-area flags and their review state, in an SQLite file under
 * the user data directory. It names knowledge-base items by their stable ids, never by a
 * row, so a new knowledge base keeps every flag; an id the knowledge base no longer has is
 * kept too. Opening never fails: a damaged file is kept aside and a new one started, and
 * a data directory that cannot be written leaves the store readable but not writable,
 * with a message saying why. */

#define BUSY_TIMEOUT_MS 5000
#define MAX_ID_LENGTH 256
#define EXPORT_FORMAT 1

/* Each entry takes the schema from the version before it to its own number. */
static const char * const migrations[] = {
  /* 1 */ "CREATE TABLE flags (item_id TEXT PRIMARY KEY, flagged_at TEXT NOT NULL, note TEXT);",
  /* 2 */ "ALTER TABLE flags ADD COLUMN box INTEGER NOT NULL DEFAULT 1;"
          "ALTER TABLE flags ADD COLUMN due_at TEXT;"
          "ALTER TABLE flags ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0;",
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
  char *problem;          /* what the user must be told, or NULL */
  char *set_aside_path;   /* where a damaged store was kept, or NULL */
};

G_DEFINE_FINAL_TYPE (NimbusUserStore, nimbus_user_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (nimbus-store-error-quark, nimbus_store_error)

enum {
  CHANGED,
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
  g_free (self->path);
  g_free (self->problem);
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

static char *
now_iso (gint64 days_ahead)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days_ahead);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
fail (NimbusUserStore  *self,
      GError          **error)
{
  int code = sqlite3_errcode (self->db);

  g_set_error (error, NIMBUS_STORE_ERROR,
               code == SQLITE_READONLY ? NIMBUS_STORE_ERROR_READ_ONLY : NIMBUS_STORE_ERROR_FAILED,
               _("Could not save to %s: %s"), self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
check_writable (NimbusUserStore  *self,
                GError          **error)
{
  if (self->writable)
    return TRUE;

  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY, "%s",
               self->problem != NULL ? self->problem : _("Weak areas cannot be saved"));
  return FALSE;
}

static gboolean
exec (NimbusUserStore *self,
      const char      *sql)
{
  return sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* Opening */

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

static gboolean
is_healthy (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  return ok && user_version (db) >= 0;
}

static sqlite3 *
open_db (const char *path,
         int         flags)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    g_clear_pointer (&db, sqlite3_close);
  else
    sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  return db;
}

/* A damaged file is never deleted: it is renamed user.db.corrupt-TIMESTAMP beside the new
 * one, with its journal files, so nothing the student had is lost. */
static gboolean
set_aside (NimbusUserStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  const char *suffixes[] = { "-wal", "-shm" };

  g_free (self->set_aside_path);
  self->set_aside_path = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);
  if (g_rename (self->path, self->set_aside_path) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (self->set_aside_path, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return TRUE;
}

static gboolean
migrate (NimbusUserStore *self)
{
  for (int v = MAX (self->version, 0); v < (int) G_N_ELEMENTS (migrations); v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", v + 1);

      if (!exec (self, "BEGIN IMMEDIATE;"))
        return FALSE;
      if (!exec (self, migrations[v]) || !exec (self, set_version) || !exec (self, "COMMIT;"))
        {
          exec (self, "ROLLBACK;");
          return FALSE;
        }
      self->version = v + 1;
    }

  return TRUE;
}

static void
open_read_only (NimbusUserStore *self,
                const char      *reason)
{
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autofree char *ro_uri = g_strconcat (uri != NULL ? uri : "", "?mode=ro", NULL);

  self->writable = FALSE;
  self->problem = g_strdup_printf (_("Weak areas cannot be saved: %s (%s). "
                                     "Flagging is off until it can be written."),
                                   self->path, reason);

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return;

  /* A WAL store needs its shared-memory file; where that cannot be made, read the file as
   * it stands (nothing here can write it). */
  self->db = open_db (ro_uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
  if (self->db == NULL || !is_healthy (self->db))
    {
      g_autofree char *immutable_uri = g_strconcat (uri != NULL ? uri : "", "?immutable=1", NULL);

      g_clear_pointer (&self->db, sqlite3_close);
      self->db = open_db (immutable_uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }

  if (self->db != NULL && is_healthy (self->db))
    self->version = user_version (self->db);
  else
    g_clear_pointer (&self->db, sqlite3_close);
}

NimbusUserStore *
nimbus_user_store_open (const char *path)
{
  g_autoptr(NimbusUserStore) self = g_object_new (NIMBUS_TYPE_USER_STORE, NULL);
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      open_read_only (self, g_strerror (saved_errno));
      return g_steal_pointer (&self);
    }

  self->db = open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (self->db != NULL && !is_healthy (self->db))
    {
      g_clear_pointer (&self->db, sqlite3_close);
      if (set_aside (self))
        {
          self->problem = g_strdup_printf (_("Your weak-areas file was damaged. It was kept as "
                                             "%s and a new one was started."),
                                           self->set_aside_path);
          self->db = open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        }
    }

  if (self->db == NULL || sqlite3_db_readonly (self->db, "main") == 1 ||
      !exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"))
    {
      g_autofree char *reason = g_strdup (self->db != NULL ? sqlite3_errmsg (self->db)
                                                           : g_strerror (EACCES));

      g_clear_pointer (&self->db, sqlite3_close);
      g_clear_pointer (&self->problem, g_free);
      open_read_only (self, reason);
      return g_steal_pointer (&self);
    }

  self->writable = TRUE;
  self->version = user_version (self->db);
  if (self->version > (int) G_N_ELEMENTS (migrations))
    {
      /* Written by a newer Nimbus: read what is understood, change nothing. */
      g_clear_pointer (&self->db, sqlite3_close);
      open_read_only (self, _("it was written by a newer version of Nimbus"));
      return g_steal_pointer (&self);
    }

  if (!migrate (self))
    {
      g_autofree char *reason = g_strdup (sqlite3_errmsg (self->db));

      g_clear_pointer (&self->db, sqlite3_close);
      g_clear_pointer (&self->problem, g_free);
      open_read_only (self, reason);
    }

  return g_steal_pointer (&self);
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

/* Flags */

static gboolean
valid_id (const char  *id,
          GError     **error)
{
  if (id != NULL && *id != '\0' && strlen (id) <= MAX_ID_LENGTH && g_utf8_validate (id, -1, NULL))
    return TRUE;

  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED,
               _("“%s” is not a knowledge-base id"), id != NULL ? id : "");
  return FALSE;
}

static sqlite3_stmt *
prepare (NimbusUserStore  *self,
         const char       *sql,
         GError          **error)
{
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL)
    {
      check_writable (self, error);
      return NULL;
    }

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
run (NimbusUserStore  *self,
     sqlite3_stmt     *stmt,
     GError          **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);

  g_signal_emit (self, signals[CHANGED], 0);
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
  g_autofree char *now = now_iso (0);

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!valid_id (id, error) || !check_writable (self, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO flags (item_id, flagged_at, note) VALUES (?, ?, ?) "
                        "ON CONFLICT (item_id) DO UPDATE SET note = coalesce (excluded.note, note)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, note, -1, SQLITE_STATIC);

  return run (self, stmt, error);
}

gboolean
nimbus_user_store_unflag (NimbusUserStore  *self,
                          const char       *id,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!valid_id (id, error) || !check_writable (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM flags WHERE item_id = ?", error);
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

  if (id == NULL || (stmt = prepare (self, "SELECT 1 FROM flags WHERE item_id = ?", NULL)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The columns a store of any version has; version 1 had no review state. */
static const char *
select_columns (NimbusUserStore *self)
{
  return self->version >= 2 ? "SELECT item_id, flagged_at, note, box, due_at, reviews FROM flags "
                            : "SELECT item_id, flagged_at, note, 1, NULL, 0 FROM flags ";
}

static GPtrArray *
list_ordered (NimbusUserStore  *self,
              const char       *order,
              GError          **error)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_flag_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = now_iso (0);
  int rc;

  if (self->db == NULL)
    return g_steal_pointer (&flags);

  sql = g_strconcat (select_columns (self), order, NULL);
  if ((stmt = prepare (self, sql, error)) == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusFlag *flag = g_new0 (NimbusFlag, 1);

      flag->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      flag->flagged_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      flag->note = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      flag->box = CLAMP (sqlite3_column_int (stmt, 3), NIMBUS_STORE_FIRST_BOX, NIMBUS_STORE_LAST_BOX);
      flag->due_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      flag->reviews = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (flags, flag);
    }

  if (rc != SQLITE_DONE)
    {
      fail (self, error);
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

  if (self->version < 2)
    return list_ordered (self, "ORDER BY flagged_at, rowid", error);

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

  if (!valid_id (id, error) || !check_writable (self, error))
    return FALSE;

  if ((stmt = prepare (self, "SELECT box FROM flags WHERE item_id = ?", error)) == NULL)
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
  due = now_iso (box_days[box]);

  update = prepare (self, "UPDATE flags SET box = ?, due_at = ?, reviews = reviews + 1 "
                          "WHERE item_id = ?", error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int (update, 1, box);
  sqlite3_bind_text (update, 2, due, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, id, -1, SQLITE_STATIC);

  return run (self, update, error);
}

/* Moving to another machine */

/* Every flag as JSON: {"nimbus_flags": 1, "flags": [{id, flagged_at, note, box, due_at, reviews}]} */
char *
nimbus_user_store_export (NimbusUserStore  *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  if ((flags = nimbus_user_store_list (self, error)) == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nimbus_flags");
  json_builder_add_int_value (builder, EXPORT_FORMAT);
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < flags->len; i++)
    {
      const NimbusFlag *flag = g_ptr_array_index (flags, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, flag->id);
      json_builder_set_member_name (builder, "flagged_at");
      json_builder_add_string_value (builder, flag->flagged_at);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, flag->note);
      json_builder_set_member_name (builder, "box");
      json_builder_add_int_value (builder, flag->box);
      json_builder_set_member_name (builder, "due_at");
      json_builder_add_string_value (builder, flag->due_at);
      json_builder_set_member_name (builder, "reviews");
      json_builder_add_int_value (builder, flag->reviews);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static gboolean
import_error (GError     **error,
              const char  *reason)
{
  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT,
               _("This is not a Nimbus weak-areas export: %s"), reason);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Inserts a flag with its whole state; a flag already there keeps its first date and the
 * weaker of the two boxes: merged, never doubled. */
static gboolean
merge_flag (NimbusUserStore   *self,
            const NimbusFlag  *flag,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO flags (item_id, flagged_at, note, box, due_at, reviews) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (item_id) DO UPDATE SET "
                  "flagged_at = min (flagged_at, excluded.flagged_at), "
                  "note = coalesce (note, excluded.note), box = min (box, excluded.box), "
                  "due_at = nullif (min (coalesce (due_at, ''), coalesce (excluded.due_at, '')), ''), "
                  "reviews = max (reviews, excluded.reviews)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, flag->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, flag->flagged_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, flag->note, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, CLAMP (flag->box, NIMBUS_STORE_FIRST_BOX, NIMBUS_STORE_LAST_BOX));
  sqlite3_bind_text (stmt, 5, flag->due_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, MAX (flag->reviews, 0));

  return sqlite3_step (stmt) == SQLITE_DONE || fail (self, error);
}

/* Puts back a flag exactly as it was, for undoing a removal. */
gboolean
nimbus_user_store_restore (NimbusUserStore   *self,
                           const NimbusFlag  *flag,
                           GError           **error)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);

  if (!valid_id (flag->id, error) || !check_writable (self, error) ||
      !merge_flag (self, flag, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
import_flag (NimbusUserStore  *self,
             JsonObject       *object,
             guint            *n_added,
             GError          **error)
{
  NimbusFlag flag = { 0 };

  flag.id = (char *) member_string (object, "id");
  flag.flagged_at = (char *) member_string (object, "flagged_at");
  flag.note = (char *) member_string (object, "note");
  flag.due_at = (char *) member_string (object, "due_at");
  flag.box = json_object_get_int_member_with_default (object, "box", NIMBUS_STORE_FIRST_BOX);
  flag.reviews = json_object_get_int_member_with_default (object, "reviews", 0);

  if (!valid_id (flag.id, NULL) || flag.flagged_at == NULL)
    return import_error (error, _("a flag has no id or no date"));

  if (!nimbus_user_store_is_flagged (self, flag.id))
    (*n_added)++;

  return merge_flag (self, &flag, error);
}

/* Merges an export into the store, all or nothing. */
gboolean
nimbus_user_store_import (NimbusUserStore  *self,
                          const char       *json,
                          guint            *n_added,
                          GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonArray *flags;
  guint added = 0;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &parse_error))
    return import_error (error, parse_error != NULL ? parse_error->message : _("empty"));

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_int_member_with_default (json_node_get_object (root), "nimbus_flags", 0)
        != EXPORT_FORMAT ||
      !json_object_has_member (json_node_get_object (root), "flags") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "flags")))
    return import_error (error, _("no list of flags"));

  flags = json_object_get_array_member (json_node_get_object (root), "flags");
  if (!exec (self, "BEGIN IMMEDIATE;"))
    return fail (self, error);

  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonNode *node = json_array_get_element (flags, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          exec (self, "ROLLBACK;");
          return import_error (error, _("a flag is not an object"));
        }

      if (!import_flag (self, json_node_get_object (node), &added, error))
        {
          exec (self, "ROLLBACK;");
          return FALSE;
        }
    }

  if (!exec (self, "COMMIT;"))
    {
      fail (self, error);
      exec (self, "ROLLBACK;");
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = added;
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}
