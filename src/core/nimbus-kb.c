/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb"

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"
#include "nimbus-query.h"
#include "nimbus-service.h"
#include "nimbus-snippet.h"

#define MAX_LIMIT 1000
#define MAX_EXPANSIONS 8
#define SNIPPET_WORDS 16
#define MAX_CANDIDATES 256
/* The kind of a document is in its rowid (see nimbus-kb-private.h): no join for the boost. */
#define SCORE_SQL "bm25 (search, " NIMBUS_KB_SEARCH_WEIGHTS ") * " \
  "CASE search.rowid >> 32 WHEN 0 THEN " G_STRINGIFY (NIMBUS_KB_BOOST_SERVICE) \
  " WHEN 1 THEN " G_STRINGIFY (NIMBUS_KB_BOOST_SECTION) \
  " ELSE " G_STRINGIFY (NIMBUS_KB_BOOST_ITEM) " END"

/* The compiled knowledge base, opened read-only. Every public call holds the lock, so
 * searches may run in worker threads; prepared statements are kept for the next call. */
struct _NimbusKb
{
  GObject parent_instance;

  GMutex lock;
  char *path;
  sqlite3 *db;
  GHashTable *statements;  /* SQL -> sqlite3_stmt */
};

/* A statement borrowed from the cache: going out of scope resets it for the next use. */
typedef sqlite3_stmt NimbusKbStmt;

static void
release_stmt (NimbusKbStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusKbStmt, release_stmt)

G_DEFINE_FINAL_TYPE (NimbusKb, nimbus_kb, G_TYPE_OBJECT)

G_DEFINE_QUARK (nimbus-kb-error-quark, nimbus_kb_error)

static void
nimbus_kb_finalize (GObject *object)
{
  NimbusKb *self = NIMBUS_KB (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);
  g_mutex_clear (&self->lock);

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
  g_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);
}

/* --kb and NIMBUS_KB are handled by callers; this is where a knowledge base is without
 * them: the freshly compiled one when running from the build tree, else the installed one. */
char *
nimbus_kb_find_default (void)
{
  const char *env = g_getenv ("NIMBUS_KB");
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S))
    return g_build_filename (BUILD_ROOT, "data", "kb", "nimbus.db", NULL);

  return g_build_filename (PKGDATADIR, "nimbus.db", NULL);
}

static gboolean
set_corrupt (NimbusKb    *self,
             GError     **error)
{
  g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
               "The knowledge base %s is damaged or not a Nimbus knowledge base (%s); "
               "rebuild or reinstall Nimbus",
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

/* sql is always a literal, so it keys the cache as it is. */
static NimbusKbStmt *
prepare (NimbusKb    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      set_corrupt (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement; FALSE with error set when it failed, FALSE without error when done. */
static gboolean
step (NimbusKb      *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_corrupt (self, error);

  return FALSE;
}

/* After a loop over step (): FALSE, with error set, if the loop ended on an error. */
static gboolean
rows_done (GError **local_error,
           GError **error)
{
  if (*local_error == NULL)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
check_schema (NimbusKb  *self,
              GError   **error)
{
  g_autoptr(NimbusKbStmt) stmt = prepare (self, "SELECT value FROM meta WHERE key = 'schema'",
                                          error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;

  if (!step (self, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                     "The knowledge base %s has no schema version", self->path);
      return FALSE;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), NIMBUS_KB_SCHEMA_VERSION) != 0)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                   "The knowledge base %s has schema version %s, this Nimbus reads version %s",
                   self->path, sqlite3_column_text (stmt, 0), NIMBUS_KB_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

NimbusKb *
nimbus_kb_open (const char  *path,
                GError     **error)
{
  g_autoptr(NimbusKb) self = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *db_uri = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  if (!g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NOT_FOUND,
                   "The knowledge base %s does not exist; build or reinstall Nimbus, "
                   "or give one with --kb", absolute);
      return NULL;
    }

  self = g_object_new (NIMBUS_TYPE_KB, NULL);
  self->path = g_steal_pointer (&absolute);
  uri = g_filename_to_uri (self->path, NULL, error);
  if (uri == NULL)
    return NULL;

  /* immutable: the file is never written while open, so SQLite needs no locks or journal,
   * and a read-only installation directory is fine. */
  db_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
  if (sqlite3_open_v2 (db_uri, &self->db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      set_corrupt (self, error);
      return NULL;
    }

  if (!check_schema (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
nimbus_kb_get_path (NimbusKb *self)
{
  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);

  return self->path;
}

GListModel *
nimbus_kb_list_services (NimbusKb  *self,
                         GError   **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = prepare (self,
                  "SELECT s.id, s.name, s.full_name, s.category_id, c.name, s.summary "
                  "FROM services s JOIN categories c ON c.id = s.category_id "
                  "ORDER BY s.position", error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (NIMBUS_TYPE_SERVICE);
  while (step (self, stmt, &local_error))
    {
      g_autoptr(NimbusService) service =
        nimbus_service_new ((const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2),
                            (const char *) sqlite3_column_text (stmt, 3),
                            (const char *) sqlite3_column_text (stmt, 4),
                            (const char *) sqlite3_column_text (stmt, 5));

      g_list_store_append (store, service);
    }

  if (!rows_done (&local_error, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Entries */

static NimbusKbStmt *
prepare_with_text (NimbusKb    *self,
                   const char  *sql,
                   const char  *text,
                   GError     **error)
{
  NimbusKbStmt *stmt = prepare (self, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);

  return stmt;
}

/* The first column of every row, as a NULL-terminated array. */
static GStrv
query_strv (NimbusKb    *self,
            const char  *sql,
            const char  *key,
            GError     **error)
{
  g_autoptr(NimbusKbStmt) stmt = prepare_with_text (self, sql, key, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;

  while (step (self, stmt, &local_error))
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  if (!rows_done (&local_error, error))
    return NULL;

  return g_strv_builder_end (builder);
}

/* List items are one cell a row; a table's row 0 holds its column headings. */
static gboolean
load_cells (NimbusKb       *self,
            const char     *section_id,
            int             position,
            NimbusBlock    *block,
            GError        **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = NULL;
  g_autoptr(GError) local_error = NULL;
  int current = -1;

  stmt = prepare_with_text (self, "SELECT row, text FROM block_cells "
                                  "WHERE section_id = ? AND block_position = ? ORDER BY row, col",
                            section_id, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 2, position);
  while (step (self, stmt, &local_error))
    {
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

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

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

static NimbusBlock *
block_from_row (sqlite3_stmt *stmt)
{
  NimbusBlockType type = NIMBUS_BLOCK_PARAGRAPH;
  NimbusBlock *block;

  nimbus_block_type_from_string ((const char *) sqlite3_column_text (stmt, 1), &type);
  block = nimbus_block_new (type);
  block->id = column_dup (stmt, 2);
  block->text = column_dup (stmt, 3);
  block->name = column_dup (stmt, 4);
  block->ordered = sqlite3_column_int (stmt, 5);
  block->label = column_dup (stmt, 6);
  block->value = column_dup (stmt, 7);
  block->unit = column_dup (stmt, 8);
  block->limits = column_dup (stmt, 9);
  block->note = column_dup (stmt, 10);
  block->previous_value = column_dup (stmt, 11);
  block->previous_unit = column_dup (stmt, 12);
  block->previous_until = column_dup (stmt, 13);

  return block;
}

static gboolean
load_blocks (NimbusKb       *self,
             NimbusSection  *section,
             GError        **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare_with_text (self,
                            "SELECT position, type, item_id, text, name, ordered, label, value, "
                            "unit, limits, note, previous_value, previous_unit, previous_until "
                            "FROM blocks WHERE section_id = ? ORDER BY position",
                            section->id, error);
  if (stmt == NULL)
    return FALSE;

  while (step (self, stmt, &local_error))
    {
      NimbusBlock *block = block_from_row (stmt);

      g_ptr_array_add (section->blocks, block);
      if ((block->type == NIMBUS_BLOCK_LIST || block->type == NIMBUS_BLOCK_TABLE) &&
          !load_cells (self, section->id, sqlite3_column_int (stmt, 0), block, error))
        return FALSE;
    }

  return rows_done (&local_error, error);
}

static gboolean
load_sources (NimbusKb       *self,
              NimbusSection  *section,
              GError        **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare_with_text (self, "SELECT url, title, checked FROM sources "
                                  "WHERE section_id = ? ORDER BY position",
                            section->id, error);
  if (stmt == NULL)
    return FALSE;

  while (step (self, stmt, &local_error))
    {
      NimbusSource *source = nimbus_source_new ();

      source->url = column_dup (stmt, 0);
      source->title = column_dup (stmt, 1);
      source->checked = column_dup (stmt, 2);
      g_ptr_array_add (section->sources, source);
    }

  return rows_done (&local_error, error);
}

static gboolean
load_sections (NimbusKb     *self,
               NimbusEntry  *entry,
               GError      **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare_with_text (self, "SELECT id, title FROM sections "
                                  "WHERE service_id = ? ORDER BY position",
                            entry->id, error);
  if (stmt == NULL)
    return FALSE;

  while (step (self, stmt, &local_error))
    {
      NimbusSection *section = nimbus_section_new ();

      section->id = column_dup (stmt, 0);
      section->title = column_dup (stmt, 1);
      g_ptr_array_add (entry->sections, section);

      section->keywords = query_strv (self, "SELECT keyword FROM keywords "
                                            "WHERE owner_id = ? ORDER BY position",
                                      section->id, error);
      if (section->keywords == NULL ||
          !load_blocks (self, section, error) ||
          !load_sources (self, section, error))
        return FALSE;
    }

  return rows_done (&local_error, error);
}

/* Loads the page of a service. */
NimbusEntry *
nimbus_kb_load_entry (NimbusKb    *self,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(NimbusEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = prepare_with_text (self,
                            "SELECT s.id, s.name, s.full_name, s.category_id, c.name, s.summary "
                            "FROM services s JOIN categories c ON c.id = s.category_id "
                            "WHERE s.id = ?", id, error);
  if (stmt == NULL)
    return NULL;

  if (!step (self, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY,
                     "No service “%s” in the knowledge base", id);
      return NULL;
    }

  entry = nimbus_entry_new ();
  entry->id = column_dup (stmt, 0);
  entry->name = column_dup (stmt, 1);
  entry->full_name = column_dup (stmt, 2);
  entry->category_id = column_dup (stmt, 3);
  entry->category_name = column_dup (stmt, 4);
  entry->summary = column_dup (stmt, 5);

  entry->keywords = query_strv (self, "SELECT keyword FROM keywords "
                                      "WHERE owner_id = ? ORDER BY position", id, error);
  if (entry->keywords == NULL || !load_sections (self, entry, error))
    return NULL;

  entry->related = query_strv (self, "SELECT related_id FROM related "
                                     "WHERE service_id = ? ORDER BY position", id, error);
  entry->related_names = query_strv (self, "SELECT s.name FROM related r "
                                           "JOIN services s ON s.id = r.related_id "
                                           "WHERE r.service_id = ? ORDER BY r.position", id,
                                     error);
  if (entry->related == NULL || entry->related_names == NULL)
    return NULL;

  return g_steal_pointer (&entry);
}

/* Search */

/* The whole words of the index that begin with what the person has typed so far, the most
 * common first: "visib" stands for "visibility" and "visible". */
static GStrv
lookup_expansions (NimbusKb    *self,
                   const char  *prefix,
                   GError     **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  guint n = 0;
  /* U+10FFFF sorts after any character that can follow the prefix. */
  g_autofree char *end = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);

  stmt = prepare (self, "SELECT term FROM (SELECT term, docs FROM terms "
                        "WHERE term >= ?1 AND term < ?2 LIMIT 512) "
                        "ORDER BY docs DESC, term LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, 4 * MAX_EXPANSIONS);
  /* Stop words say nothing: "the" does not expand to "then", "there" and "these". */
  while (step (self, stmt, &local_error))
    {
      const char *word = (const char *) sqlite3_column_text (stmt, 0);

      if (n < MAX_EXPANSIONS && !nimbus_query_is_stop_word (word))
        {
          g_strv_builder_add (builder, word);
          n++;
        }
    }

  if (!rows_done (&local_error, error))
    return NULL;

  return g_strv_builder_end (builder);
}

static gboolean
expand_prefixes (NimbusKb     *self,
                 NimbusQuery  *query,
                 GError      **error)
{
  for (guint i = 0; i < query->terms->len; i++)
    {
      NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      if (!term->prefix || strlen (term->tokens[0]) < NIMBUS_QUERY_MIN_RANKED_PREFIX)
        continue;

      g_clear_pointer (&term->expansions, g_strfreev);
      term->expansions = lookup_expansions (self, term->tokens[0], error);
      if (term->expansions == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Is the one term searched a word of one or two letters still being typed? */
static gboolean
is_short_prefix (const NimbusQuery *query)
{
  const NimbusQueryTerm *term = g_ptr_array_index (query->terms, query->terms->len - 1);

  return term->prefix && strlen (term->tokens[0]) < NIMBUS_QUERY_MIN_RANKED_PREFIX;
}

static gboolean
contains_hit (GPtrArray  *hits,
              const char *id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const NimbusSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (hit->id, id))
        return TRUE;
    }

  return FALSE;
}

/* The hit for one document, with a snippet of its text around what the query matches. */
static NimbusSearchHit *
load_hit (NimbusKb           *self,
          const NimbusQuery  *query,
          sqlite3_int64       rowid,
          GError            **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text;
  NimbusSearchHit *hit;

  stmt = prepare (self,
                  "SELECT d.id, d.kind, d.service_id, d.section_id, d.title, "
                  "  CASE d.kind WHEN 'tip' THEN s.tip ELSE s.body END, sv.name "
                  "FROM docs d JOIN search s ON s.rowid = d.rowid "
                  "  JOIN services sv ON sv.id = d.service_id WHERE d.rowid = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rowid);
  if (!step (self, stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                     "The knowledge base %s has no document %" G_GINT64_FORMAT "; rebuild it",
                     self->path, (gint64) rowid);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  hit = g_new0 (NimbusSearchHit, 1);
  hit->id = column_dup (stmt, 0);
  hit->kind = column_dup (stmt, 1);
  hit->service_id = column_dup (stmt, 2);
  hit->section_id = column_dup (stmt, 3);
  hit->title = column_dup (stmt, 4);
  hit->service_name = column_dup (stmt, 6);
  text = (const char *) sqlite3_column_text (stmt, 5);
  hit->snippet = nimbus_snippet_build (text != NULL && *text != '\0' ? text : hit->title, query,
                                       SNIPPET_WORDS);

  return hit;
}

static gboolean
add_hits (NimbusKb          *self,
          GArray            *rowids,
          const NimbusQuery *query,
          guint              limit,
          GPtrArray         *hits,
          GError           **error)
{
  for (guint i = 0; i < rowids->len && hits->len < limit; i++)
    {
      NimbusSearchHit *hit = load_hit (self, query, g_array_index (rowids, sqlite3_int64, i),
                                       error);

      if (hit == NULL)
        return FALSE;
      if (contains_hit (hits, hit->id))
        nimbus_search_hit_free (hit);
      else
        g_ptr_array_add (hits, hit);
    }

  return TRUE;
}

/* One or two letters say too little to rank by: they browse the titles that begin with
 * them, services first, as an index at the back of a book would. This also keeps the
 * first keystroke fast however large the knowledge base is. */
static gboolean
browse_titles (NimbusKb          *self,
               const NimbusQuery *query,
               const char        *prefix,
               guint              limit,
               GPtrArray   *hits,
               GError     **error)
{
  static const char * const kinds[] = { "service", "section", "fact" };
  g_autofree char *end = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));

  for (guint k = 0; k < G_N_ELEMENTS (kinds) && rowids->len < limit; k++)
    {
      g_autoptr(NimbusKbStmt) stmt = NULL;
      g_autoptr(GError) local_error = NULL;

      stmt = prepare (self, "SELECT rowid FROM docs WHERE kind = ?1 AND title_key >= ?2 "
                            "AND title_key < ?3 ORDER BY title_key, rowid LIMIT ?4", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, kinds[k], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, end, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, limit - rowids->len);
      while (step (self, stmt, &local_error))
        {
          sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (rowids, rowid);
        }

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return add_hits (self, rowids, query, limit, hits, error);
}

typedef struct
{
  sqlite3_int64 rowid;
  double score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

/* Appends to hits, up to limit, the documents matching the FTS5 expression rank and, when
 * given, filter too, ranked by bm25 over rank. Only the first MAX_CANDIDATES matches in
 * document order are ranked (and filtered): services, then sections, then facts and tips, which bounds the
 * work per keystroke on any size of knowledge base and is exact on the real one. */
static gboolean
run_query (NimbusKb           *self,
           const NimbusQuery  *query,
           const char         *rank,
           const char         *filter,
           guint               limit,
           GPtrArray          *hits,
           GError            **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  g_autoptr(GError) local_error = NULL;

  if (filter == NULL || g_str_equal (filter, rank))
    stmt = prepare (self, "SELECT search.rowid, " SCORE_SQL " FROM search "
                          "WHERE search MATCH ?1 LIMIT ?2", error);
  else
    /* The + keeps SQLite from looking each filtered rowid up with the rank expression. */
    stmt = prepare (self, "SELECT search.rowid, " SCORE_SQL " FROM search "
                          "WHERE search MATCH ?1 AND +search.rowid IN "
                          "  (SELECT rowid FROM search WHERE search MATCH ?3 LIMIT ?2) LIMIT ?2",
                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, rank, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, MAX_CANDIDATES);
  if (filter != NULL && !g_str_equal (filter, rank))
    sqlite3_bind_text (stmt, 3, filter, -1, SQLITE_STATIC);

  while (step (self, stmt, &local_error))
    {
      Candidate candidate = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (candidates, candidate);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (rowids, g_array_index (candidates, Candidate, i).rowid);

  return add_hits (self, rowids, query, limit, hits, error);
}

/* Ranked hits for what a person typed. Documents holding every word come first; when they
 * are too few, documents holding any of the words follow, so that a pasted exam question
 * still finds its topic. No text makes this fail: only a damaged knowledge base does. */
GPtrArray *
nimbus_kb_search (NimbusKb    *self,
                  const char  *text,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_search_hit_free);
  g_autoptr(NimbusQuery) query = NULL;
  g_autofree char *all_terms = NULL;
  g_autofree char *all_ranked = NULL;
  g_autofree char *any_term = NULL;

  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  limit = CLAMP (limit, 1, MAX_LIMIT);
  query = nimbus_query_parse (text);
  if (!expand_prefixes (self, query, error))
    return NULL;

  all_terms = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_TERMS);
  all_ranked = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_RANKED);
  any_term = nimbus_query_to_fts (query, NIMBUS_QUERY_ANY_TERM);
  if (all_terms == NULL)
    return g_steal_pointer (&hits);

  if (nimbus_query_count_searched (query) == 1 && is_short_prefix (query))
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, query->terms->len - 1);

      if (!browse_titles (self, query, term->tokens[0], limit, hits, error))
        return NULL;
    }

  /* Few titles begin so: then the prefix is rare enough to search the text for. */
  if (hits->len < limit && !run_query (self, query, all_ranked, all_terms, limit, hits, error))
    return NULL;

  /* A word of one or two letters still being typed finds too much to widen a search with. */
  if (hits->len < limit && nimbus_query_count_searched (query) > 1)
    {
      if (!run_query (self, query, any_term, NULL, limit, hits, error))
        return NULL;
    }

  for (guint i = 0; i < hits->len; i++)
    ((NimbusSearchHit *) g_ptr_array_index (hits, i))->rank = i + 1;

  return g_steal_pointer (&hits);
}

typedef struct
{
  char *text;
  guint limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->text);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  GPtrArray *hits;

  if (g_task_return_error_if_cancelled (task))
    return;

  hits = nimbus_kb_search (source_object, data->text, data->limit, &error);
  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

void
nimbus_kb_search_async (NimbusKb            *self,
                        const char          *text,
                        guint                limit,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (NIMBUS_IS_KB (self));

  data = g_new0 (SearchData, 1);
  data->text = g_strdup (text);
  data->limit = limit;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nimbus_kb_search_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, search_thread);
}

GPtrArray *
nimbus_kb_search_finish (NimbusKb      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
