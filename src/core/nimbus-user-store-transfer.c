/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-user-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nimbus-entry.h"
#include "nimbus-json-guard.h"
#include "nimbus-sqlite-private.h"
#include "nimbus-store-file.h"
#include "nimbus-user-store-private.h"

/* Moving flags and notes to another machine: export as JSON, import all or nothing, merged
 * by id so that an import never doubles a flag nor makes one it meets worse. Reading and
 * checking a file, and writing it, run in a worker thread for the window.
 *
 * Format 1 had flags only, each with an optional note; format 2 adds "notes", and its
 * flags' notes are those same notes. Both import; a flag's note becomes the item's note
 * when it has none. */

#define EXPORT_FORMAT 2
#define MAX_REVIEWS 1000000
#define MAX_NOTE_LENGTH 10000

static void
notes_to_json (JsonBuilder *builder,
               GPtrArray   *notes)
{
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      const NimbusNote *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, note->id);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, note->text);
      json_builder_set_member_name (builder, "updated_at");
      json_builder_add_string_value (builder, note->updated_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
flags_to_json (GPtrArray *flags,
               GPtrArray *notes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

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
  notes_to_json (builder, notes);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
flags_to_data (GPtrArray *flags,
               GPtrArray *notes)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = flags_to_json (flags, notes);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/* Every flag and note as JSON: {"nimbus_flags": 2,
 * "flags": [{id, flagged_at, note, box, due_at, reviews}], "notes": [{id, text, updated_at}]} */
char *
nimbus_user_store_export (NimbusUserStore  *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), NULL);

  if ((flags = nimbus_user_store_list (self, error)) == NULL ||
      (notes = nimbus_user_store_list_notes (self, error)) == NULL)
    return NULL;

  return flags_to_data (flags, notes);
}

/* Checking an import */

static gboolean G_GNUC_PRINTF (2, 3)
import_error (GError     **error,
              const char  *format,
              ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT,
               _("This is not a Nimbus weak-areas export: %s. Nothing was imported."), reason);
  return FALSE;
}

/* 2026-11-30T14:05:00Z exactly, and a real moment. */
static gboolean
is_utc_timestamp (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL || strlen (text) != sizeof pattern - 1)
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/* The member as a string; absent and null are NULL; anything else is an error. */
static gboolean
member_string (JsonObject  *object,
               const char  *name,
               const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64      fallback,
            gint64      min,
            gint64      max,
            int        *value)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 number = fallback;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return FALSE;
      number = json_node_get_int (node);
    }

  *value = (int) CLAMP (number, min, max);
  return number >= min && number <= max;
}

static NimbusFlag *
flag_from_json (JsonNode  *node,
                guint      n,
                GError   **error)
{
  g_autoptr(NimbusFlag) flag = g_new0 (NimbusFlag, 1);
  const char *id, *flagged_at, *note, *due_at;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      import_error (error, _("flag %u is not an object"), n);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!member_string (object, "id", &id) || !nimbus_id_is_valid (id))
    import_error (error, _("flag %u has no knowledge-base id (like sqs/visibility-timeout)"), n);
  else if (!member_string (object, "flagged_at", &flagged_at) || !is_utc_timestamp (flagged_at))
    import_error (error, _("flag %u (%s): “flagged_at” must be a UTC time like "
                           "2026-11-30T14:05:00Z"), n, id);
  else if (!member_string (object, "due_at", &due_at) ||
           (due_at != NULL && !is_utc_timestamp (due_at)))
    import_error (error, _("flag %u (%s): “due_at” must be null or a UTC time like "
                           "2026-11-30T14:05:00Z"), n, id);
  else if (!member_string (object, "note", &note) ||
           (note != NULL && g_utf8_strlen (note, -1) > MAX_NOTE_LENGTH))
    import_error (error, _("flag %u (%s): “note” must be text of at most %d characters"), n, id,
                  MAX_NOTE_LENGTH);
  else if (!member_int (object, "box", NIMBUS_STORE_FIRST_BOX, NIMBUS_STORE_FIRST_BOX,
                        NIMBUS_STORE_LAST_BOX, &flag->box))
    import_error (error, _("flag %u (%s): “box” must be a whole number from %d to %d"), n, id,
                  NIMBUS_STORE_FIRST_BOX, NIMBUS_STORE_LAST_BOX);
  else if (!member_int (object, "reviews", 0, 0, MAX_REVIEWS, &flag->reviews))
    import_error (error, _("flag %u (%s): “reviews” must be a whole number from 0 to %d"), n, id,
                  MAX_REVIEWS);
  else
    {
      flag->id = g_strdup (id);
      flag->flagged_at = g_strdup (flagged_at);
      flag->note = g_strdup (note);
      flag->due_at = g_strdup (due_at);
      return g_steal_pointer (&flag);
    }

  return NULL;
}

static NimbusNote *
note_from_json (JsonNode  *node,
                guint      n,
                GError   **error)
{
  g_autoptr(NimbusNote) note = g_new0 (NimbusNote, 1);
  const char *id, *text, *updated_at;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      import_error (error, _("note %u is not an object"), n);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!member_string (object, "id", &id) || !nimbus_id_is_valid (id))
    import_error (error, _("note %u has no knowledge-base id (like sqs/visibility-timeout)"), n);
  else if (!member_string (object, "text", &text) || text == NULL ||
           g_utf8_strlen (text, -1) > MAX_NOTE_LENGTH)
    import_error (error, _("note %u (%s): “text” must be text of at most %d characters"), n, id,
                  MAX_NOTE_LENGTH);
  else if (!member_string (object, "updated_at", &updated_at) || !is_utc_timestamp (updated_at))
    import_error (error, _("note %u (%s): “updated_at” must be a UTC time like "
                           "2026-11-30T14:05:00Z"), n, id);
  else
    {
      note->id = g_strdup (id);
      note->text = g_strdup (text);
      note->updated_at = g_strdup (updated_at);
      return g_steal_pointer (&note);
    }

  return NULL;
}

/* The two lists an export holds. */
typedef enum
{
  LIST_FLAGS,
  LIST_NOTES,
} ListKind;

/* Every element of one list of an export, each checked, or NULL with the first problem. */
static GPtrArray *
parse_list (JsonArray  *array,
            ListKind    kind,
            GError    **error)
{
  g_autoptr(GPtrArray) items = NULL;
  guint length = json_array_get_length (array);

  if (length > NIMBUS_STORE_IMPORT_MAX_FLAGS)
    {
      import_error (error, kind == LIST_NOTES
                             ? _("it has %u notes, more than the %d an export can hold")
                             : _("it has %u flags, more than the %d an export can hold"),
                    length, NIMBUS_STORE_IMPORT_MAX_FLAGS);
      return NULL;
    }

  items = g_ptr_array_new_full (length, kind == LIST_NOTES ? (GDestroyNotify) nimbus_note_free
                                                           : (GDestroyNotify) nimbus_flag_free);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item = kind == LIST_NOTES ? (gpointer) note_from_json (node, i + 1, error)
                                         : (gpointer) flag_from_json (node, i + 1, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/* The notes of a format 2 export, every one checked; none in format 1. */
static GPtrArray *
parse_notes (JsonObject  *root,
             GError     **error)
{
  JsonNode *list = json_object_get_member (root, "notes");

  if (list == NULL || JSON_NODE_HOLDS_NULL (list))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_note_free);
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      import_error (error, _("its “notes” are not a list"));
      return NULL;
    }

  return parse_list (json_node_get_array (list), LIST_NOTES, error);
}

/* The flags of an export, and in notes its notes, every one checked, or NULL with the first
 * problem. */
static GPtrArray *
parse_export (const char  *json,
              gsize        length,
              GPtrArray  **notes,
              GError     **error)
{
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *reason = NULL;
  guint line, column;
  JsonNode *root, *format, *list;

  if (length > NIMBUS_STORE_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (NIMBUS_STORE_IMPORT_MAX_BYTES);

      g_set_error (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT,
                   _("This file is too large to be a weak-areas export (%s; at most %s). "
                     "Nothing was imported."), size, max);
      return NULL;
    }

  if (!nimbus_json_guard_check (json, length, NIMBUS_JSON_MAX_DEPTH, &line, &column, &reason))
    {
      import_error (error, _("line %u, column %u: %s"), line, column, reason);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      import_error (error, "%s", parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (format = json_object_get_member (json_node_get_object (root), "nimbus_flags")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) < 1 || json_node_get_int (format) > EXPORT_FORMAT ||
      (list = json_object_get_member (json_node_get_object (root), "flags")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      import_error (error, _("it has no “nimbus_flags”: 1 to %d and list of “flags”"),
                    EXPORT_FORMAT);
      return NULL;
    }

  if ((flags = parse_list (json_node_get_array (list), LIST_FLAGS, error)) == NULL ||
      (*notes = parse_notes (json_node_get_object (root), error)) == NULL)
    return NULL;

  return g_steal_pointer (&flags);
}

/* Merging */

/* Inserts a flag with its whole state; a flag already there keeps its first date, its note,
 * the weaker of the two boxes, the sooner due date and the most reviews. */
static gboolean
merge_flag (sqlite3          *db,
            const NimbusFlag *flag,
            gboolean         *added)
{
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM flags WHERE item_id = ?", -1, &exists, NULL)
        != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO flags (item_id, flagged_at, note, box, due_at, reviews) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (item_id) DO UPDATE SET "
                          "flagged_at = min (flagged_at, excluded.flagged_at), "
                          "note = coalesce (note, excluded.note), box = min (box, excluded.box), "
                          "due_at = CASE WHEN due_at IS NULL OR excluded.due_at IS NULL THEN NULL "
                          "  ELSE min (due_at, excluded.due_at) END, "
                          "reviews = max (reviews, excluded.reviews)", -1, &stmt, NULL)
        != SQLITE_OK)
    return FALSE;

  sqlite3_bind_text (exists, 1, flag->id, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (exists)) != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  if (added != NULL)
    *added = rc == SQLITE_DONE;

  sqlite3_bind_text (stmt, 1, flag->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, flag->flagged_at, -1, SQLITE_STATIC);
  /* The note is the item's, in notes. */
  sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, CLAMP (flag->box, NIMBUS_STORE_FIRST_BOX, NIMBUS_STORE_LAST_BOX));
  sqlite3_bind_text (stmt, 5, flag->due_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, MAX (flag->reviews, 0));

  return sqlite3_step (stmt) == SQLITE_DONE &&
         nimbus_user_store_adopt_note (db, flag->id, flag->note, flag->flagged_at);
}

/* All or nothing, in one transaction; the notes first, so that a flag's note of an older
 * export is taken only for an item with none. */
static gboolean
merge_flags (NimbusUserStore  *self,
             sqlite3          *db,
             GPtrArray        *flags,
             GPtrArray        *notes,
             guint            *n_added,
             GError          **error)
{
  guint added = 0;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL) != SQLITE_OK)
    return nimbus_user_store_fail (self, db, TRUE, error);

  for (guint i = 0; i < notes->len; i++)
    {
      if (!nimbus_user_store_merge_note (db, g_ptr_array_index (notes, i)))
        {
          nimbus_user_store_fail (self, db, TRUE, error);
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
    }

  for (guint i = 0; i < flags->len; i++)
    {
      gboolean is_new = FALSE;

      if (!merge_flag (db, g_ptr_array_index (flags, i), &is_new))
        {
          nimbus_user_store_fail (self, db, TRUE, error);
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
      added += is_new;
    }

  if (sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    {
      nimbus_user_store_fail (self, db, TRUE, error);
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/* Puts back a flag exactly as it was, for undoing a removal. */
gboolean
nimbus_user_store_restore (NimbusUserStore   *self,
                           const NimbusFlag  *flag,
                           GError           **error)
{
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);

  if (!nimbus_user_store_check_id (flag->id, error) ||
      !nimbus_user_store_check_writable (self, error))
    return FALSE;

  if (!merge_flag (nimbus_user_store_get_db (self), flag, NULL))
    return nimbus_user_store_fail (self, nimbus_user_store_get_db (self), TRUE, error);

  nimbus_user_store_emit_changed (self);
  return TRUE;
}

/* Merges an export into the store, all or nothing. length -1: json is NUL-terminated. */
gboolean
nimbus_user_store_import (NimbusUserStore  *self,
                          const char       *json,
                          gssize            length,
                          guint            *n_added,
                          GError          **error)
{
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  g_return_val_if_fail (NIMBUS_IS_USER_STORE (self), FALSE);

  if (!nimbus_user_store_check_writable (self, error))
    return FALSE;

  if (json == NULL)
    return import_error (error, _("it is empty"));

  flags = parse_export (json, length < 0 ? strlen (json) : (gsize) length, &notes, error);
  if (flags == NULL ||
      !merge_flags (self, nimbus_user_store_get_db (self), flags, notes, n_added, error))
    return FALSE;

  nimbus_user_store_emit_changed (self);
  return TRUE;
}

/* In a worker thread
 *
 * The store's connection belongs to the main thread and is never handed to a worker.
 * SQLite may be built to let one connection serve several threads, or not (SQLITE_THREADSAFE
 * 1 or 2, which distributions and runtimes set differently); and even where it may, an
 * import's transaction on the shared connection would take in whatever the window wrote
 * meanwhile, and roll it back with the import. So:
 * - an import reads and checks the file in the worker, then merges it on a connection of
 *   its own, opened there on the store's file and closed before it returns. Write-ahead
 *   logging lets the window go on reading meanwhile; a write of the window waits for the
 *   import's transaction like one from another process (the busy timeout);
 * - an export reads the rows on the main thread, through the store's connection (a few
 *   thousand rows: quick, and it reads whatever store it is, also one opened for reading
 *   from a private copy), and the worker turns them into JSON and writes the file. */

static gboolean
merge_on_own_connection (NimbusUserStore  *self,
                         GPtrArray        *flags,
                         GPtrArray        *notes,
                         guint            *n_added,
                         GError          **error)
{
  sqlite3 *db = NULL;
  gboolean merged = FALSE;

  g_assert (NIMBUS_IS_USER_STORE (self));

  if (sqlite3_open_v2 (nimbus_user_store_get_path (self), &db, SQLITE_OPEN_READWRITE, NULL)
        != SQLITE_OK)
    nimbus_user_store_fail (self, db, TRUE, error);
  else
    {
      sqlite3_busy_timeout (db, NIMBUS_STORE_BUSY_TIMEOUT_MS);
      merged = merge_flags (self, db, flags, notes, n_added, error);
    }
  sqlite3_close (db);

  return merged;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NimbusUserStore *self = source_object;
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *contents = NULL;
  GError *error = NULL;
  gsize length;
  guint added = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > NIMBUS_STORE_IMPORT_MAX_BYTES)
    flags = parse_export ("", NIMBUS_STORE_IMPORT_MAX_BYTES + (gsize) 1, &notes, &error);
  else if (info != NULL && g_file_load_contents (file, cancellable, &contents, &length, NULL,
                                                 &error))
    flags = parse_export (contents, length, &notes, &error);

  /* GIO's own messages name the file already; a file that is no export is named here. */
  if (g_error_matches (error, NIMBUS_STORE_ERROR, NIMBUS_STORE_ERROR_IMPORT))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (&error, "%s: ", name);
    }

  if (flags != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    merge_on_own_connection (self, flags, notes, &added, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, added);
}

/* Reads, checks and merges an export file away from the main thread, all or nothing; a file
 * that is not an export is named in the error. "changed" is emitted when it finishes. */
void
nimbus_user_store_import_file_async (NimbusUserStore     *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NIMBUS_IS_USER_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nimbus_user_store_import_file_async);
  if (!nimbus_user_store_check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
nimbus_user_store_import_file_finish (NimbusUserStore  *self,
                                      GAsyncResult     *result,
                                      guint            *n_added,
                                      GError          **error)
{
  gssize added;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  added = g_task_propagate_int (G_TASK (result), error);
  if (added < 0)
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  nimbus_user_store_emit_changed (self);
  return TRUE;
}

/* What an export's worker is given: the rows read, and where to write them. */
typedef struct
{
  GPtrArray *flags;
  GPtrArray *notes;
  GFile *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->flags, g_ptr_array_unref);
  g_clear_pointer (&data->notes, g_ptr_array_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autofree char *json = flags_to_data (data->flags, data->notes);
  GError *error = NULL;

  if (g_file_replace_contents (data->file, json, strlen (json), NULL, FALSE,
                               G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writes every flag and note to file: the rows are read here, the JSON made and written
 * away from the main thread. */
void
nimbus_user_store_export_file_async (NimbusUserStore     *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data;

  g_return_if_fail (NIMBUS_IS_USER_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nimbus_user_store_export_file_async);
  data = g_new0 (ExportData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  if ((data->flags = nimbus_user_store_list (self, &error)) == NULL ||
      (data->notes = nimbus_user_store_list_notes (self, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->file = g_object_ref (file);
  g_task_run_in_thread (task, export_thread);
}

gboolean
nimbus_user_store_export_file_finish (NimbusUserStore  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
