/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb"

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"
#include "nimbus-service.h"

struct _NimbusKb
{
  GObject parent_instance;

  char *path;
  NimbusKbConn *main;      /* the opening thread's */
  GAsyncQueue *idle;       /* NimbusKbConn for workers, opened as needed */
};


G_DEFINE_FINAL_TYPE (NimbusKb, nimbus_kb, G_TYPE_OBJECT)

G_DEFINE_QUARK (nimbus-kb-error-quark, nimbus_kb_error)

static void
conn_free (NimbusKbConn *conn)
{
  if (conn == NULL)
    return;

  g_hash_table_unref (conn->statements);
  nimbus_kb_lexicon_free (conn->lexicon);
  nimbus_kb_postings_free (conn->postings);
  sqlite3_close (conn->db);
  g_free (conn);
}

static void
nimbus_kb_finalize (GObject *object)
{
  NimbusKb *self = NIMBUS_KB (object);
  NimbusKbConn *conn;

  while ((conn = g_async_queue_try_pop (self->idle)) != NULL)
    conn_free (conn);
  g_async_queue_unref (self->idle);
  g_clear_pointer (&self->main, conn_free);
  g_free (self->path);

  G_OBJECT_CLASS (nimbus_kb_parent_class)->finalize (object);
}

static void
nimbus_kb_class_init (NimbusKbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nimbus_kb_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
nimbus_kb_init (NimbusKb *self)
{
  self->idle = g_async_queue_new ();
}

/* --kb is handled by callers; this is where a knowledge base is without it. Uninstalled
 * runs are told where the build's is: meson devenv, build-aux/run.sh and meson test set
 * NIMBUS_KB. Installed, it is where the prefix puts it. */
char *
nimbus_kb_find_default (void)
{
  const char *env = g_getenv ("NIMBUS_KB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (PKGDATADIR, "nimbus.db", NULL);
}

gboolean
nimbus_kb_set_corrupt (NimbusKbConn  *conn,
                       GError       **error)
{
  g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
               "The knowledge base %s is damaged or not a Nimbus knowledge base (%s); "
               "rebuild or reinstall Nimbus",
               conn->path, sqlite3_errmsg (conn->db));
  return FALSE;
}

/* A value of the file that cannot be what the compiler wrote: what says which. */
gboolean
nimbus_kb_set_damaged (NimbusKbConn  *conn,
                       const char    *what,
                       GError       **error)
{
  g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
               "The knowledge base %s is damaged (%s); rebuild or reinstall Nimbus",
               conn->path, what);
  return FALSE;
}

/* sql is always a literal, so it keys the cache as it is. */
NimbusKbStmt *
nimbus_kb_prepare (NimbusKbConn  *conn,
                   const char    *sql,
                   GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (conn->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (conn->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      nimbus_kb_set_corrupt (conn, error);
      return NULL;
    }

  g_hash_table_insert (conn->statements, (gpointer) sql, stmt);
  return stmt;
}

/* After stepping a statement to its end: TRUE when it got there (SQLITE_DONE), else FALSE
 * with error set from rc, cancelled when a search was interrupted and damaged otherwise. */
gboolean
nimbus_kb_step_done (NimbusKbConn  *conn,
                     int            rc,
                     GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc == SQLITE_INTERRUPT)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Search cancelled");
  else
    nimbus_kb_set_corrupt (conn, error);

  return FALSE;
}

char *
nimbus_kb_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
check_schema (NimbusKbConn  *conn,
              GError       **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  int rc;

  stmt = nimbus_kb_prepare (conn, "SELECT value FROM meta WHERE key = 'schema'", error);
  if (stmt == NULL)
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (nimbus_kb_step_done (conn, rc, error))
        g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                     "The knowledge base %s has no schema version", conn->path);
      return FALSE;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), NIMBUS_KB_SCHEMA_VERSION) != 0)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                   "The knowledge base %s has schema version %s, this Nimbus reads version %s",
                   conn->path, sqlite3_column_text (stmt, 0), NIMBUS_KB_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static NimbusKbConn *
conn_open (const char  *path,
           GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  g_autofree char *db_uri = NULL;
  NimbusKbConn *conn;

  if (uri == NULL)
    return NULL;

  conn = g_new0 (NimbusKbConn, 1);
  conn->path = path;
  conn->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);

  /* immutable: the file is never written while open, so SQLite needs no locks or journal,
   * and a read-only installation directory is fine. */
  db_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
  if (sqlite3_open_v2 (db_uri, &conn->db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK || !check_schema (conn, error) ||
      !nimbus_kb_rank_register (conn->db, error))
    {
      if (error != NULL && *error == NULL)
        nimbus_kb_set_corrupt (conn, error);
      conn_free (conn);
      return NULL;
    }

  return conn;
}

NimbusKb *
nimbus_kb_open (const char  *path,
                GError     **error)
{
  g_autoptr(NimbusKb) self = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  if (g_file_test (absolute, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NOT_FOUND,
                   "%s is a folder, not a knowledge base; give the nimbus.db file inside it, "
                   "or rebuild Nimbus", absolute);
      return NULL;
    }
  if (!g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NOT_FOUND,
                   g_file_test (absolute, G_FILE_TEST_EXISTS)
                     ? "The knowledge base %s is not a regular file; give a nimbus.db file"
                     : "The knowledge base %s does not exist; build or reinstall Nimbus, "
                       "or give one with --kb", absolute);
      return NULL;
    }

  self = g_object_new (NIMBUS_TYPE_KB, NULL);
  self->path = g_steal_pointer (&absolute);
  self->main = conn_open (self->path, error);
  if (self->main == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* For tests: the main connection scores every match, however many, so that the ranking
 * of search's candidates can be compared with the whole one. */
void
nimbus_kb_set_score_every_match (NimbusKb *self,
                                 gboolean  every)
{
  self->main->score_every_match = every;
}

NimbusKbConn *
nimbus_kb_get_conn (NimbusKb *self)
{
  return self->main;
}

/* A connection for a worker thread, from the pool or newly opened; give it back with
 * nimbus_kb_release_conn (). */
NimbusKbConn *
nimbus_kb_acquire_conn (NimbusKb  *self,
                        GError   **error)
{
  NimbusKbConn *conn = g_async_queue_try_pop (self->idle);

  return conn != NULL ? conn : conn_open (self->path, error);
}

void
nimbus_kb_release_conn (NimbusKb     *self,
                        NimbusKbConn *conn)
{
  g_async_queue_push (self->idle, conn);
}

const char *
nimbus_kb_get_path (NimbusKb *self)
{
  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);

  return self->path;
}

/* A damaged file can hold NULL anywhere: FALSE, with error set, when a column of mask (bit
 * i for column i) the reader needs is missing. */
static gboolean
require_columns (NimbusKbConn  *conn,
                 sqlite3_stmt  *stmt,
                 guint          mask,
                 GError       **error)
{
  for (int column = 0; mask >> column != 0; column++)
    {
      if ((mask & (1u << column)) && sqlite3_column_type (stmt, column) == SQLITE_NULL)
        {
          g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                       "The knowledge base %s is damaged (%s has no %s); rebuild or reinstall "
                       "Nimbus", conn->path, sqlite3_column_table_name (stmt, column),
                       sqlite3_column_name (stmt, column));
          return FALSE;
        }
    }

  return TRUE;
}

/* Entries */

static NimbusKbStmt *
prepare_with_text (NimbusKbConn  *conn,
                   const char    *sql,
                   const char    *text,
                   GError       **error)
{
  NimbusKbStmt *stmt = nimbus_kb_prepare (conn, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);

  return stmt;
}

/* The first column of every row, as a NULL-terminated array. */
static GStrv
query_strv (NimbusKbConn  *conn,
            const char    *sql,
            const char    *key,
            GError       **error)
{
  g_autoptr(NimbusKbStmt) stmt = prepare_with_text (conn, sql, key, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!require_columns (conn, stmt, 0x1, error))
        return NULL;
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }

  if (!nimbus_kb_step_done (conn, rc, error))
    return NULL;

  return g_strv_builder_end (builder);
}

GListModel *
nimbus_kb_list_services (NimbusKb  *self,
                         GError   **error)
{
  NimbusKbConn *conn;
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  int rc;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);

  conn = self->main;
  stmt = nimbus_kb_prepare (conn,
                            "SELECT s.id, s.name, s.full_name, s.category_id, c.name, s.summary "
                            "FROM services s JOIN categories c ON c.id = s.category_id "
                            "ORDER BY s.position", error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (NIMBUS_TYPE_SERVICE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(NimbusService) service = NULL;
      g_auto(GStrv) exams = NULL;
      g_auto(GStrv) names = NULL;

      if (!require_columns (conn, stmt, 0x3f, error) ||
          (exams = query_strv (conn, "SELECT exam_id FROM service_exams "
                                     "WHERE service_id = ? ORDER BY position", id,
                                     error)) == NULL ||
          (names = query_strv (conn, "SELECT alias FROM aliases WHERE service_id = ? "
                                     "ORDER BY own_name DESC, alias", id, error)) == NULL)
        return NULL;

      service =
        nimbus_service_new (id,
                            (const char *) sqlite3_column_text (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2),
                            (const char *) sqlite3_column_text (stmt, 3),
                            (const char *) sqlite3_column_text (stmt, 4),
                            (const char *) sqlite3_column_text (stmt, 5),
                            (const char * const *) exams, (const char * const *) names);

      g_list_store_append (store, service);
    }

  if (!nimbus_kb_step_done (conn, rc, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
load_domains (NimbusKbConn  *conn,
              NimbusExam    *exam,
              GError       **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  int rc;

  stmt = nimbus_kb_prepare (conn, "SELECT number, name, weight FROM exam_domains "
                                  "WHERE exam_id = ? ORDER BY number", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, exam->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusExamDomain *domain;

      if (!require_columns (conn, stmt, 0x7, error))
        return FALSE;

      domain = g_new0 (NimbusExamDomain, 1);
      domain->number = sqlite3_column_int (stmt, 0);
      domain->name = nimbus_kb_column_dup (stmt, 1);
      domain->weight = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (exam->domains, domain);
    }

  return nimbus_kb_step_done (conn, rc, error);
}

/* The exams the knowledge base covers (NimbusExam), in the order they are offered, each
 * with the domains of its guide. */
GPtrArray *
nimbus_kb_list_exams (NimbusKb  *self,
                      GError   **error)
{
  NimbusKbConn *conn;
  g_autoptr(GPtrArray) exams = NULL;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);

  conn = self->main;
  {
    g_autoptr(NimbusKbStmt) stmt = NULL;
    int rc;

    stmt = nimbus_kb_prepare (conn, "SELECT id, name, short_name FROM exams ORDER BY position",
                              error);
    if (stmt == NULL)
      return NULL;

    exams = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_exam_free);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        NimbusExam *exam;

        if (!require_columns (conn, stmt, 0x7, error))
          return NULL;

        exam = nimbus_exam_new ();
        exam->id = nimbus_kb_column_dup (stmt, 0);
        exam->name = nimbus_kb_column_dup (stmt, 1);
        exam->short_name = nimbus_kb_column_dup (stmt, 2);
        g_ptr_array_add (exams, exam);
      }

    if (!nimbus_kb_step_done (conn, rc, error))
      return NULL;
  }

  for (guint i = 0; i < exams->len; i++)
    {
      if (!load_domains (conn, g_ptr_array_index (exams, i), error))
        return NULL;
    }

  return g_steal_pointer (&exams);
}

/* List items are one cell a row; a table's row 0 holds its column headings. */
static gboolean
load_cells (NimbusKbConn   *conn,
            const char     *section_id,
            int             position,
            NimbusBlock    *block,
            GError        **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = NULL;
  int current = -1;
  int rc;

  stmt = prepare_with_text (conn, "SELECT row, text FROM block_cells "
                                  "WHERE section_id = ? AND block_position = ? ORDER BY row, col",
                            section_id, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 2, position);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!require_columns (conn, stmt, 0x3, error))
        return FALSE;
      if (sqlite3_column_int (stmt, 0) != current)
        {
          if (row != NULL)
            g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
          current = sqlite3_column_int (stmt, 0);
        }
      g_strv_builder_add (row, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (row != NULL)
    g_ptr_array_add (rows, g_strv_builder_end (row));

  if (!nimbus_kb_step_done (conn, rc, error))
    return FALSE;

  if (block->type == NIMBUS_BLOCK_LIST)
    {
      g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

      for (guint i = 0; i < rows->len; i++)
        g_strv_builder_add (items, ((GStrv) g_ptr_array_index (rows, i))[0]);
      block->items = g_strv_builder_end (items);
    }
  else if (rows->len > 0)
    {
      block->items = g_ptr_array_steal_index (rows, 0);
      block->rows = g_steal_pointer (&rows);
    }

  return TRUE;
}

/* Columns each type of block cannot do without (see block_from_row). */
static guint
required_block_columns (NimbusBlockType type)
{
  switch (type)
    {
    case NIMBUS_BLOCK_PARAGRAPH:
      return 1u << 3;
    case NIMBUS_BLOCK_TIP:
      return 1u << 2 | 1u << 3;
    case NIMBUS_BLOCK_FACT:
      return 1u << 2 | 1u << 6 | 1u << 7 | 1u << 9;
    case NIMBUS_BLOCK_WIDGET:
      return 1u << 4;
    default:
      return 0;
    }
}

static NimbusBlock *
block_from_row (NimbusKbConn  *conn,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  const char *type_name = (const char *) sqlite3_column_text (stmt, 1);
  NimbusBlockType type = NIMBUS_BLOCK_PARAGRAPH;
  NimbusBlock *block;

  if (type_name == NULL || !nimbus_block_type_from_string (type_name, &type))
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                   "The knowledge base %s is damaged (a block of unknown type “%s”); rebuild "
                   "or reinstall Nimbus", conn->path, type_name != NULL ? type_name : "");
      return NULL;
    }
  if (!require_columns (conn, stmt, required_block_columns (type), error))
    return NULL;

  block = nimbus_block_new (type);
  block->id = nimbus_kb_column_dup (stmt, 2);
  block->text = nimbus_kb_column_dup (stmt, 3);
  block->name = nimbus_kb_column_dup (stmt, 4);
  block->ordered = sqlite3_column_int (stmt, 5);
  block->label = nimbus_kb_column_dup (stmt, 6);
  block->value = nimbus_kb_column_dup (stmt, 7);
  block->unit = nimbus_kb_column_dup (stmt, 8);
  block->limits = nimbus_kb_column_dup (stmt, 9);
  block->note = nimbus_kb_column_dup (stmt, 10);
  block->previous_value = nimbus_kb_column_dup (stmt, 11);
  block->previous_unit = nimbus_kb_column_dup (stmt, 12);
  block->previous_until = nimbus_kb_column_dup (stmt, 13);

  return block;
}

static gboolean
load_blocks (NimbusKbConn   *conn,
             NimbusSection  *section,
             GError        **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  int rc;

  stmt = prepare_with_text (conn,
                            "SELECT position, type, item_id, text, name, ordered, label, value, "
                            "unit, limits, note, previous_value, previous_unit, previous_until "
                            "FROM blocks WHERE section_id = ? ORDER BY position",
                            section->id, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusBlock *block = block_from_row (conn, stmt, error);

      if (block == NULL)
        return FALSE;
      g_ptr_array_add (section->blocks, block);
      if ((block->type == NIMBUS_BLOCK_LIST || block->type == NIMBUS_BLOCK_TABLE) &&
          !load_cells (conn, section->id, sqlite3_column_int (stmt, 0), block, error))
        return FALSE;
    }

  return nimbus_kb_step_done (conn, rc, error);
}

static gboolean
load_sources (NimbusKbConn   *conn,
              NimbusSection  *section,
              GError        **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  int rc;

  stmt = prepare_with_text (conn, "SELECT url, title, checked FROM sources "
                                  "WHERE section_id = ? ORDER BY position",
                            section->id, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusSource *source;

      if (!require_columns (conn, stmt, 0x5, error))
        return FALSE;
      source = nimbus_source_new ();
      source->url = nimbus_kb_column_dup (stmt, 0);
      source->title = nimbus_kb_column_dup (stmt, 1);
      source->checked = nimbus_kb_column_dup (stmt, 2);
      g_ptr_array_add (section->sources, source);
    }

  return nimbus_kb_step_done (conn, rc, error);
}

static gboolean
load_sections (NimbusKbConn *conn,
               NimbusEntry  *entry,
               GError      **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  int rc;

  stmt = prepare_with_text (conn, "SELECT id, title FROM sections "
                                  "WHERE service_id = ? ORDER BY position",
                            entry->id, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NimbusSection *section;

      if (!require_columns (conn, stmt, 0x3, error))
        return FALSE;
      section = nimbus_section_new ();
      section->id = nimbus_kb_column_dup (stmt, 0);
      section->title = nimbus_kb_column_dup (stmt, 1);
      g_ptr_array_add (entry->sections, section);

      section->keywords = query_strv (conn, "SELECT keyword FROM keywords "
                                            "WHERE owner_id = ? ORDER BY position",
                                      section->id, error);
      if (section->keywords == NULL ||
          !load_blocks (conn, section, error) ||
          !load_sources (conn, section, error))
        return FALSE;
    }

  return nimbus_kb_step_done (conn, rc, error);
}

/* Loads the page of a service. */
NimbusEntry *
nimbus_kb_load_entry (NimbusKb    *self,
                      const char  *id,
                      GError     **error)
{
  NimbusKbConn *conn;
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(NimbusEntry) entry = NULL;
  int rc;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  conn = self->main;
  stmt = prepare_with_text (conn,
                            "SELECT s.id, s.name, s.full_name, s.category_id, c.name, s.summary "
                            "FROM services s JOIN categories c ON c.id = s.category_id "
                            "WHERE s.id = ?", id, error);
  if (stmt == NULL)
    return NULL;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (nimbus_kb_step_done (conn, rc, error))
        g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY,
                     "No service “%s” in the knowledge base", id);
      return NULL;
    }

  if (!require_columns (conn, stmt, 0x3f, error))
    return NULL;

  entry = nimbus_entry_new ();
  entry->id = nimbus_kb_column_dup (stmt, 0);
  entry->name = nimbus_kb_column_dup (stmt, 1);
  entry->full_name = nimbus_kb_column_dup (stmt, 2);
  entry->category_id = nimbus_kb_column_dup (stmt, 3);
  entry->category_name = nimbus_kb_column_dup (stmt, 4);
  entry->summary = nimbus_kb_column_dup (stmt, 5);

  entry->keywords = query_strv (conn, "SELECT keyword FROM keywords "
                                      "WHERE owner_id = ? ORDER BY position", id, error);
  if (entry->keywords == NULL || !load_sections (conn, entry, error))
    return NULL;

  if ((entry->related = query_strv (conn, "SELECT related_id FROM related "
                                          "WHERE service_id = ? ORDER BY position", id,
                                    error)) == NULL ||
      (entry->related_names = query_strv (conn, "SELECT s.name FROM related r "
                                                "JOIN services s ON s.id = r.related_id "
                                                "WHERE r.service_id = ? ORDER BY r.position",
                                          id, error)) == NULL ||
      (entry->exams = query_strv (conn, "SELECT exam_id FROM service_exams "
                                        "WHERE service_id = ? ORDER BY position", id,
                                  error)) == NULL ||
      (entry->exam_names = query_strv (conn, "SELECT e.short_name FROM service_exams se "
                                             "JOIN exams e ON e.id = se.exam_id "
                                             "WHERE se.service_id = ? ORDER BY se.position",
                                       id, error)) == NULL)
    return NULL;

  return g_steal_pointer (&entry);
}

/* The title of a service, section, tip or fact; NULL when the knowledge base has no such
 * id (a weak-area flag kept from an older knowledge base). */
char *
nimbus_kb_lookup_title (NimbusKb   *self,
                        const char *id)
{
  NimbusKbConn *conn;
  g_autoptr(NimbusKbStmt) stmt = NULL;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  conn = self->main;
  stmt = prepare_with_text (conn, "SELECT title FROM docs WHERE id = ?", id, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return nimbus_kb_column_dup (stmt, 0);
}
