/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-user-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nimbus-entry.h"
#include "nimbus-sqlite-private.h"
#include "nimbus-user-store-private.h"

/* The student's notes on sections and tips, and the pages viewed last: tables of the user
 * store since version 3, named by knowledge-base ids like flags, so that a note on an item
 * the knowledge base no longer has is kept. A store that cannot be written is still read. */

void
nimbus_note_free (NimbusNote *note)
{
  if (note == NULL)
    return;

  g_free (note->id);
  g_free (note->text);
  g_free (note->updated_at);
  g_free (note);
}

void
nimbus_visit_free (NimbusVisit *visit)
{
  if (visit == NULL)
    return;

  g_free (visit->id);
  g_free (visit->viewed_at);
  g_free (visit);
}

static const char *
path_of (NimbusUserStore *self)
{
  g_assert (NIMBUS_IS_USER_STORE (self));

  return nimbus_user_store_get_path (self);
}

/* What failed, with what SQLite said and, when the store is locked, what to do. */
static gboolean G_GNUC_PRINTF (3, 4)
fail (NimbusUserStore  *self,
      GError          **error,
      const char       *format,
      ...)
{
  sqlite3 *db = nimbus_user_store_get_db (self);
  int code = sqlite3_errcode (db) & 0xff;
  g_autofree char *what = NULL;
  va_list args;

  g_assert (NIMBUS_IS_USER_STORE (self));

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  nimbus_sqlite_set_error (error, NIMBUS_STORE_ERROR,
                           code == SQLITE_READONLY ? NIMBUS_STORE_ERROR_READ_ONLY
                           : code == SQLITE_BUSY ? NIMBUS_STORE_ERROR_BUSY
                           : NIMBUS_STORE_ERROR_FAILED,
                           db, "%s", what);
  if (code == SQLITE_BUSY && error != NULL)
    g_prefix_error (error, "%s ", _("Another program is using it, try again in a moment."));
  return FALSE;
}

/* Writing needs a store that can be written and has the tables of version 3. */
static gboolean
check_writable (NimbusUserStore  *self,
                const char       *id,
                gboolean          history,
                GError          **error)
{
  g_autoptr(GError) reason = NULL;

  if (!nimbus_user_store_check_id (id, error))
    return FALSE;

  if (!nimbus_user_store_check_writable (self, &reason))
    {
      if (history)
        g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY,
                     _("History cannot be saved: %s"), reason->message);
      else
        g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY,
                     _("Notes cannot be saved: %s"), reason->message);
      return FALSE;
    }

  g_assert (nimbus_user_store_has_notes (self));
  return TRUE;
}

/* Reading: NULL with error when the store cannot be read at all; FALSE without one when it
 * has no notes to read (a missing file, or one from before version 3). */
static gboolean
can_read (NimbusUserStore  *self,
          GError          **error)
{
  const char *read_error = nimbus_user_store_get_read_error (self);

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (read_error != NULL)
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_FAILED, "%s", read_error);
      return FALSE;
    }

  return nimbus_user_store_has_notes (self);
}

static sqlite3_stmt *
prepare (NimbusUserStore *self,
         const char      *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (sqlite3_prepare_v2 (nimbus_user_store_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_clear_pointer (&stmt, sqlite3_finalize);

  return stmt;
}

/* Notes */

/* A note given with a flag, or by an older export, becomes the item's note when it has
 * none; a blank one is no note. */
gboolean
nimbus_user_store_adopt_note (sqlite3    *db,
                              const char *id,
                              const char *text,
                              const char *updated_at)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO notes (item_id, text, updated_at) "
                              "VALUES (?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

/* An imported note: the later of the two versions of a note is kept. */
gboolean
nimbus_user_store_merge_note (sqlite3          *db,
                              const NimbusNote *note)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "INSERT INTO notes (item_id, text, updated_at) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (item_id) DO UPDATE SET text = excluded.text, "
                              "updated_at = excluded.updated_at "
                              "WHERE excluded.updated_at > updated_at", -1, &stmt, NULL)
      != SQLITE_OK)
    return FALSE;

  sqlite3_bind_text (stmt, 1, note->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, note->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, note->updated_at, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

/* Sets the note on a section or tip; blank text clears it. Text longer than
 * NIMBUS_STORE_NOTE_MAX_CHARS, or not UTF-8, is refused and nothing changes. */
gboolean
nimbus_user_store_set_note (NimbusUserStore  *self,
                            const char       *id,
                            const char       *text,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = nimbus_user_store_now_iso (0);
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID,
                   _("The note is not valid text and was not saved"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*trimmed == '\0')
    return nimbus_user_store_clear_note (self, id, error);

  if (g_utf8_strlen (trimmed, -1) > NIMBUS_STORE_NOTE_MAX_CHARS)
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_INVALID,
                   _("The note is longer than %d characters and was not saved: shorten it"),
                   NIMBUS_STORE_NOTE_MAX_CHARS);
      return FALSE;
    }

  if (!check_writable (self, id, FALSE, error))
    return FALSE;

  if ((stmt = prepare (self, "INSERT INTO notes (item_id, text, updated_at) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (item_id) DO UPDATE SET text = excluded.text, "
                             "updated_at = excluded.updated_at")) == NULL)
    return fail (self, error, _("Could not save your note to %s"), path_of (self));

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error, _("Could not save your note to %s"), path_of (self));

  nimbus_user_store_emit_changed (self);
  return TRUE;
}

gboolean
nimbus_user_store_clear_note (NimbusUserStore  *self,
                              const char       *id,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!check_writable (self, id, FALSE, error))
    return FALSE;

  if ((stmt = prepare (self, "DELETE FROM notes WHERE item_id = ?")) == NULL)
    return fail (self, error, _("Could not delete your note from %s"), path_of (self));

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error, _("Could not delete your note from %s"), path_of (self));

  nimbus_user_store_emit_changed (self);
  return TRUE;
}

/* The note on id, or NULL when it has none or notes cannot be read. */
char *
nimbus_user_store_get_note (NimbusUserStore *self,
                            const char      *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  if (id == NULL || !can_read (self, NULL) ||
      (stmt = prepare (self, "SELECT text FROM notes WHERE item_id = ?")) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Every note, the latest written first. */
GPtrArray *
nimbus_user_store_list_notes (NimbusUserStore  *self,
                              GError          **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_note_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) read_error = NULL;
  int rc;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  if (!can_read (self, &read_error))
    {
      if (read_error == NULL)
        return g_steal_pointer (&notes);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }

  if ((stmt = prepare (self, "SELECT item_id, text, updated_at FROM notes "
                             "ORDER BY updated_at DESC, rowid DESC")) == NULL)
    {
      fail (self, error, _("Could not read your notes from %s"), path_of (self));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusNote *note;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL ||
          sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;

      note = g_new0 (NimbusNote, 1);
      note->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      note->text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      note->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (notes, note);
    }

  if (rc != SQLITE_DONE)
    {
      fail (self, error, _("Could not read your notes from %s"), path_of (self));
      return NULL;
    }

  return g_steal_pointer (&notes);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

/* The notes that hold every word of words, whatever their case, the latest first. The
 * words are matched as plain text, here rather than in SQL: nothing the student types is
 * read as a pattern or a query. Blank words match nothing. */
GPtrArray *
nimbus_user_store_search_notes (NimbusUserStore  *self,
                                const char       *words,
                                GError          **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  guint n_parts = 0;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  if ((notes = nimbus_user_store_list_notes (self, error)) == NULL)
    return NULL;

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_note_free);
  if (words == NULL || !g_utf8_validate (words, -1, NULL))
    return g_steal_pointer (&hits);

  folded = fold (words);
  parts = g_strsplit_set (folded, " \t\n\r", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    n_parts += *parts[i] != '\0';
  if (n_parts == 0)
    return g_steal_pointer (&hits);

  for (guint i = 0; i < notes->len; i++)
    {
      NimbusNote *note = g_ptr_array_index (notes, i);
      g_autofree char *text = fold (note->text);
      gboolean all = TRUE;

      for (guint j = 0; all && parts[j] != NULL; j++)
        all = *parts[j] == '\0' || strstr (text, parts[j]) != NULL;

      if (all)
        g_ptr_array_add (hits, g_steal_pointer (&g_ptr_array_index (notes, i)));
    }

  return g_steal_pointer (&hits);
}

/* History */

/* Puts a service page at the top of the history, keeping the latest
 * NIMBUS_STORE_HISTORY_MAX; a page viewed again moves to the top. */
gboolean
nimbus_user_store_record_view (NimbusUserStore  *self,
                               const char       *id,
                               GError          **error)
{
  g_autofree char *now = nimbus_user_store_now_iso (0);
  g_autofree char *trim = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  sqlite3 *db;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!check_writable (self, id, TRUE, error))
    return FALSE;

  /* Deleted and inserted again, so that the row order is the viewing order. */
  db = nimbus_user_store_get_db (self);
  trim = g_strdup_printf ("DELETE FROM history WHERE rowid NOT IN "
                          "(SELECT rowid FROM history ORDER BY rowid DESC LIMIT %d)",
                          NIMBUS_STORE_HISTORY_MAX);
  if (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL) != SQLITE_OK)
    return fail (self, error, _("Could not save your history to %s"), path_of (self));

  if ((remove = prepare (self, "DELETE FROM history WHERE item_id = ?")) == NULL ||
      (insert = prepare (self, "INSERT INTO history (item_id, viewed_at) VALUES (?, ?)")) == NULL)
    goto failed;

  sqlite3_bind_text (remove, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);
  if (sqlite3_step (remove) != SQLITE_DONE || sqlite3_step (insert) != SQLITE_DONE ||
      sqlite3_exec (db, trim, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  nimbus_user_store_emit_history_changed (self);
  return TRUE;

failed:
  fail (self, error, _("Could not save your history to %s"), path_of (self));
  sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

/* The pages viewed, the latest first. */
GPtrArray *
nimbus_user_store_list_history (NimbusUserStore  *self,
                                GError          **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) read_error = NULL;
  int rc;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  visits = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_visit_free);
  if (!can_read (self, &read_error))
    {
      if (read_error == NULL)
        return g_steal_pointer (&visits);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }

  stmt = prepare (self, "SELECT item_id, viewed_at FROM history ORDER BY rowid DESC");
  if (stmt == NULL)
    {
      fail (self, error, _("Could not read your history from %s"), path_of (self));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && visits->len < NIMBUS_STORE_HISTORY_MAX)
    {
      NimbusVisit *visit;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;

      visit = g_new0 (NimbusVisit, 1);
      visit->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      visit->viewed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (visits, visit);
    }

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fail (self, error, _("Could not read your history from %s"), path_of (self));
      return NULL;
    }

  return g_steal_pointer (&visits);
}

gboolean
nimbus_user_store_clear_history (NimbusUserStore  *self,
                                 GError          **error)
{
  g_autoptr(GError) reason = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!nimbus_user_store_check_writable (self, &reason))
    {
      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_READ_ONLY,
                   _("History cannot be cleared: %s"), reason->message);
      return FALSE;
    }

  if (sqlite3_exec (nimbus_user_store_get_db (self), "DELETE FROM history;", NULL, NULL, NULL)
      != SQLITE_OK)
    return fail (self, error, _("Could not clear your history in %s"), path_of (self));

  nimbus_user_store_emit_history_changed (self);
  return TRUE;
}
