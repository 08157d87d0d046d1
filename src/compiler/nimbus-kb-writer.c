/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-writer"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"
#include "nimbus-sqlite-private.h"
#include "nimbus-kb-questions.h"
#include "nimbus-kb-sources.h"
#include "nimbus-query.h"
#include "nimbus-kb-writer.h"

/* Writes the compiled knowledge base. Everything is inserted in source order inside one
 * transaction and the file is vacuumed, so the same sources give the same bytes. */

typedef struct
{
  sqlite3 *db;
  GError **error;
  gint64 n_docs[3];        /* per kind, in the service being written */
  gint64 service_position;
  GString *body;
  const char *service_id;  /* of the entry being written */
  NimbusKbStemmer *stemmer;
  GHashTable *pairs;       /* "stem stem" -> number of documents holding them in a row */
} Writer;

static gboolean
fail (Writer     *w,
      const char *what)
{
  if (*w->error == NULL)
    g_set_error (w->error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
                 "Could not write the knowledge base (%s): %s", what, sqlite3_errmsg (w->db));
  return FALSE;
}

static gboolean
exec (Writer     *w,
      const char *sql)
{
  return sqlite3_exec (w->db, sql, NULL, NULL, NULL) == SQLITE_OK || fail (w, sql);
}

/* One value of a row: text (NULL for NULL) or a number. */
typedef struct
{
  const char *text;
  gint64 number;
  gboolean is_number;
} Value;

#define TEXT(t) ((Value) { (t), 0, FALSE })
#define NUMBER(n) ((Value) { NULL, (n), TRUE })

/* INSERT (w, sql, TEXT (id), NUMBER (position), ...): one row, each value bound to its
 * parameter in order, as many values as the statement has parameters. */
#define INSERT(w, sql, ...) \
  insert (w, sql, (const Value[]) { __VA_ARGS__ }, \
          G_N_ELEMENTS (((const Value[]) { __VA_ARGS__ })))

static gboolean
insert (Writer      *w,
        const char  *sql,
        const Value *values,
        gsize        n_values)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (w, sql);
  g_assert (n_values == (gsize) sqlite3_bind_parameter_count (stmt));

  for (gsize i = 0; i < n_values; i++)
    {
      if (values[i].is_number)
        sqlite3_bind_int64 (stmt, i + 1, values[i].number);
      else
        sqlite3_bind_text (stmt, i + 1, values[i].text, -1, SQLITE_STATIC);
    }

  return sqlite3_step (stmt) == SQLITE_DONE || fail (w, sql);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Counts, once per document, each two stems that follow each other in one of its columns:
 * how many documents a two-word phrase of a query matches, without reading the index. */
static void
count_pairs (Writer     *w,
             const char *columns[5])
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < 5; c++)
    {
      g_ptr_array_set_size (stems, 0);
      if (columns[c] == NULL || !nimbus_kb_stemmer_stem (w->stemmer, columns[c], stems))
        continue;
      for (guint i = 0; i + 1 < stems->len; i++)
        {
          g_autofree char *pair = g_strconcat (g_ptr_array_index (stems, i), " ",
                                               g_ptr_array_index (stems, i + 1), NULL);
          gpointer key;
          guint *docs;

          if (g_hash_table_contains (seen, pair))
            continue;
          if (!g_hash_table_lookup_extended (w->pairs, pair, &key, (gpointer *) &docs))
            g_hash_table_insert (w->pairs, (key = g_steal_pointer (&pair)),
                                 (docs = g_new0 (guint, 1)));
          (*docs)++;
          g_hash_table_add (seen, key);
        }
    }
}

static gboolean
insert_pairs (Writer *w)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (w->pairs, NULL);
  guint n = g_hash_table_size (w->pairs);

  /* In order, so that the same sources give the same bytes. */
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      const char *pair = keys[i];
      const char *space = strchr (pair, ' ');
      g_autofree char *first = g_strndup (pair, space - pair);

      if (!INSERT (w, "INSERT INTO stem_pairs VALUES (?, ?, ?)", TEXT (first), TEXT (space + 1),
                   NUMBER (*(guint *) g_hash_table_lookup (w->pairs, pair))))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_doc (Writer     *w,
            const char *id,
            const char *kind,
            const char *service_id,
            const char *section_id,
            const char *title,
            const char *columns[5])
{
  gint64 base = w->service_position << NIMBUS_KB_ROWID_SERVICE_SHIFT;
  gint64 rowid;
  g_autofree char *title_key = NULL;
  const char *start = title;

  if (g_str_equal (kind, "service"))
    rowid = NIMBUS_KB_ROWID_SERVICES + base + ++w->n_docs[0];
  else if (g_str_equal (kind, "section"))
    rowid = NIMBUS_KB_ROWID_SECTIONS + base + ++w->n_docs[1];
  else
    rowid = NIMBUS_KB_ROWID_ITEMS + base + ++w->n_docs[2];
  g_assert (w->n_docs[2] < (1 << NIMBUS_KB_ROWID_SERVICE_SHIFT));

  /* Folded like a typed word, from the first letter or digit: what a one-letter search
   * browses (see nimbus_kb_search ()). */
  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  title_key = nimbus_query_fold (start, -1);
  count_pairs (w, columns);

  return INSERT (w, "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
                 NUMBER (rowid), TEXT (id), TEXT (kind), TEXT (service_id), TEXT (section_id),
                 TEXT (title), TEXT (title_key)) &&
         INSERT (w, "INSERT INTO search (rowid, " NIMBUS_KB_SEARCH_COLUMNS ") "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                 NUMBER (rowid), TEXT (columns[0]), TEXT (columns[1]), TEXT (columns[2]),
                 TEXT (columns[3]), TEXT (columns[4])) &&
         INSERT (w, "INSERT INTO temp.words (rowid, " NIMBUS_KB_SEARCH_COLUMNS ") "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                 NUMBER (rowid), TEXT (columns[0]), TEXT (columns[1]), TEXT (columns[2]),
                 TEXT (columns[3]), TEXT (columns[4]));
}

static gboolean
insert_keywords (Writer     *w,
                 const char *owner_id,
                 GStrv       keywords)
{
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      if (!INSERT (w, "INSERT INTO keywords VALUES (?, ?, ?)",
                   TEXT (owner_id), NUMBER (i), TEXT (keywords[i])))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_cells (Writer            *w,
              const char        *section_id,
              guint              position,
              gint64             row,
              const char * const *cells)
{
  for (guint col = 0; cells != NULL && cells[col] != NULL; col++)
    {
      if (!INSERT (w, "INSERT INTO block_cells VALUES (?, ?, ?, ?, ?)",
                   TEXT (section_id), NUMBER (position), NUMBER (row), NUMBER (col),
                   TEXT (cells[col])))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_block (Writer            *w,
              const NimbusSection *section,
              guint              position,
              const NimbusBlock *block,
              const char        *context)
{
  if (!INSERT (w, "INSERT INTO blocks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               TEXT (section->id), NUMBER (position),
               TEXT (nimbus_block_type_to_string (block->type)), TEXT (block->id),
               TEXT (block->text), TEXT (block->name), NUMBER (block->ordered),
               TEXT (block->label), TEXT (block->value), TEXT (block->unit), TEXT (block->limits),
               TEXT (block->note), TEXT (block->previous_value), TEXT (block->previous_unit),
               TEXT (block->previous_until)))
    return FALSE;

  if (block->type == NIMBUS_BLOCK_LIST)
    {
      for (guint i = 0; block->items[i] != NULL; i++)
        {
          const char *item[] = { block->items[i], NULL };

          if (!insert_cells (w, section->id, position, i, item))
            return FALSE;
        }
    }
  else if (block->type == NIMBUS_BLOCK_TABLE)
    {
      /* Row 0 holds the column headings. */
      if (!insert_cells (w, section->id, position, 0, (const char * const *) block->items))
        return FALSE;
      for (guint i = 0; i < block->rows->len; i++)
        {
          if (!insert_cells (w, section->id, position, i + 1, g_ptr_array_index (block->rows, i)))
            return FALSE;
        }
    }

  if (block->type == NIMBUS_BLOCK_TIP)
    {
      const char *columns[5] = { "", "", block->text, "", context };

      return insert_doc (w, block->id, "tip", w->service_id, section->id, section->title,
                         columns);
    }

  if (block->type == NIMBUS_BLOCK_FACT)
    {
      const char *parts[] = { block->value, block->unit, block->limits, block->note,
                              block->previous_value, block->previous_unit,
                              block->previous_until };
      g_autoptr(GString) text = g_string_new (NULL);
      const char *columns[5] = { block->label, "", "", NULL, context };

      /* The label is the title column already. */
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (parts[i] != NULL)
            g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", parts[i]);
        }
      columns[3] = text->str;

      if (!insert_doc (w, block->id, "fact", w->service_id, section->id, block->label, columns))
        return FALSE;
    }

  /* Tips are documents of their own; everything else is the section's body. */
  if (block->type != NIMBUS_BLOCK_TIP)
    {
      g_autofree char *text = nimbus_block_dup_plain_text (block);

      g_string_append_printf (w->body, "%s%s", w->body->len > 0 ? "\n" : "", text);
    }

  return TRUE;
}

static gboolean
insert_section (Writer              *w,
                const NimbusEntry   *entry,
                guint                position,
                const NimbusSection *section)
{
  g_autofree char *context = g_strdup_printf ("%s %s", entry->name, section->title);
  g_autofree char *keywords = NULL;
  const char *columns[5];

  if (!INSERT (w, "INSERT INTO sections VALUES (?, ?, ?, ?)",
               TEXT (section->id), TEXT (entry->id), NUMBER (position), TEXT (section->title)) ||
      !insert_keywords (w, section->id, section->keywords))
    return FALSE;

  g_string_truncate (w->body, 0);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      if (!insert_block (w, section, i, g_ptr_array_index (section->blocks, i), context))
        return FALSE;
    }

  for (guint i = 0; i < section->sources->len; i++)
    {
      const NimbusSource *source = g_ptr_array_index (section->sources, i);

      if (!INSERT (w, "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                   TEXT (section->id), NUMBER (i), TEXT (source->url), TEXT (source->title),
                   TEXT (source->checked)))
        return FALSE;
    }

  keywords = section->keywords != NULL ? g_strjoinv (" ", section->keywords) : g_strdup ("");
  columns[0] = section->title;
  columns[1] = keywords;
  columns[2] = "";
  columns[3] = w->body->str;
  columns[4] = entry->name;

  return insert_doc (w, section->id, "section", entry->id, section->id, section->title, columns);
}

static gboolean
insert_entry (Writer            *w,
              const NimbusEntry *entry,
              guint              position)
{
  g_autofree char *title = g_strdup_printf ("%s %s", entry->name, entry->full_name);
  g_autofree char *keywords = g_strjoinv (" ", entry->keywords);
  const char *columns[5] = { title, keywords, "", entry->summary, entry->id };
  g_auto(GStrv) names = nimbus_entry_dup_names (entry);
  guint n_own_names = nimbus_entry_count_own_names (entry);

  w->service_id = entry->id;
  w->service_position = position;
  memset (w->n_docs, 0, sizeof w->n_docs);

  if (!INSERT (w, "INSERT INTO services VALUES (?, ?, ?, ?, ?, ?)",
               TEXT (entry->id), TEXT (entry->name), TEXT (entry->full_name),
               TEXT (entry->category_id), TEXT (entry->summary), NUMBER (position)) ||
      !insert_keywords (w, entry->id, entry->keywords) ||
      !insert_doc (w, entry->id, "service", entry->id, NULL, entry->name, columns))
    return FALSE;

  for (guint i = 0; i < entry->sections->len; i++)
    {
      if (!insert_section (w, entry, i, g_ptr_array_index (entry->sections, i)))
        return FALSE;
    }

  /* Its own names first (id, name, full name), then what else means it. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!INSERT (w, "INSERT INTO aliases VALUES (?, ?, ?, ?)",
                   TEXT (names[i]), TEXT (entry->id), NUMBER (position),
                   NUMBER (i < n_own_names)))
        return FALSE;
    }

  for (guint i = 0; entry->exams[i] != NULL; i++)
    {
      if (!INSERT (w, "INSERT INTO service_exams VALUES (?, ?, ?)",
                   TEXT (entry->id), TEXT (entry->exams[i]), NUMBER (i)))
        return FALSE;
    }

  for (guint i = 0; entry->related[i] != NULL; i++)
    {
      if (!INSERT (w, "INSERT INTO related VALUES (?, ?, ?)",
                   TEXT (entry->id), NUMBER (i), TEXT (entry->related[i])))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_question (Writer                 *w,
                 const NimbusKbQuestion *question,
                 guint                   position)
{
  if (!INSERT (w, "INSERT INTO questions VALUES (?, ?, ?, ?, ?)",
               TEXT (question->id), NUMBER (position), TEXT (question->service_id),
               TEXT (question->stem), NUMBER (question->choose)))
    return FALSE;

  for (guint i = 0; i < question->options->len; i++)
    {
      const NimbusKbOption *option = g_ptr_array_index (question->options, i);

      if (!INSERT (w, "INSERT INTO question_options VALUES (?, ?, ?, ?, ?)",
                   TEXT (question->id), NUMBER (i), TEXT (option->text),
                   NUMBER (option->correct), TEXT (option->why)))
        return FALSE;
    }

  for (guint i = 0; i < question->exams->len; i++)
    {
      const NimbusKbQuestionExam *exam = &g_array_index (question->exams,
                                                         NimbusKbQuestionExam, i);

      if (!INSERT (w, "INSERT INTO question_exams VALUES (?, ?, ?)",
                   TEXT (question->id), TEXT (exam->exam_id), NUMBER (exam->domain)))
        return FALSE;
    }

  for (guint i = 0; question->sections[i] != NULL; i++)
    {
      if (!INSERT (w, "INSERT INTO question_sections VALUES (?, ?, ?)",
                   TEXT (question->id), NUMBER (i), TEXT (question->sections[i])))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_all (Writer    *w,
           GPtrArray *categories,
           GPtrArray *exams,
           GPtrArray *entries,
           GPtrArray *questions)
{
  if (!exec (w, "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;"
                "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; BEGIN;") ||
      !exec (w, NIMBUS_KB_SCHEMA) ||
      !exec (w, "CREATE VIRTUAL TABLE temp.words USING fts5 (" NIMBUS_KB_SEARCH_COLUMNS ","
                "  tokenize = '" NIMBUS_KB_TOKENIZER "');"
                "CREATE VIRTUAL TABLE temp.words_vocab USING fts5vocab (temp, words, 'row');") ||
      !INSERT (w, "INSERT INTO meta VALUES ('schema', ?)",
               TEXT (NIMBUS_KB_SCHEMA_VERSION)))
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      const NimbusCategory *category = g_ptr_array_index (categories, i);

      if (!INSERT (w, "INSERT INTO categories VALUES (?, ?, ?)",
                   TEXT (category->id), TEXT (category->name), NUMBER (i)))
        return FALSE;
    }

  for (guint i = 0; i < exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (exams, i);

      if (!INSERT (w, "INSERT INTO exams VALUES (?, ?, ?, ?)",
                   TEXT (exam->id), NUMBER (i), TEXT (exam->name), TEXT (exam->short_name)))
        return FALSE;

      for (guint j = 0; j < exam->domains->len; j++)
        {
          const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, j);

          if (!INSERT (w, "INSERT INTO exam_domains VALUES (?, ?, ?, ?)",
                       TEXT (exam->id), NUMBER (domain->number), TEXT (domain->name),
                       NUMBER (domain->weight)))
            return FALSE;
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      if (!insert_entry (w, g_ptr_array_index (entries, i), i))
        return FALSE;
    }

  for (guint i = 0; i < questions->len; i++)
    {
      if (!insert_question (w, g_ptr_array_index (questions, i), i))
        return FALSE;
    }

  /* The unstemmed vocabulary, for completing the word a person is still typing; the stems
   * and pairs of stems with the documents holding them, for ranking (nimbus_rank ()). */
  return insert_pairs (w) &&
         exec (w, "INSERT INTO terms SELECT term, doc FROM temp.words_vocab;"
                  "CREATE VIRTUAL TABLE temp.stems_vocab USING fts5vocab (main, search, 'row');"
                  "INSERT INTO stems SELECT term, doc FROM temp.stems_vocab;"
                  "INSERT INTO search (search) VALUES ('optimize');"
                  "COMMIT;"
                  "DROP TABLE temp.stems_vocab; DROP TABLE temp.words_vocab; DROP TABLE temp.words;"
                  "VACUUM;");
}

gboolean
nimbus_kb_write (GPtrArray   *categories,
                 GPtrArray   *exams,
                 GPtrArray   *entries,
                 GPtrArray   *questions,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  Writer w = { NULL, error, { 0, 0, 0 }, 0, NULL, NULL, NULL, NULL };
  GStatBuf buf;
  gboolean ok;
  int fd;

  g_return_val_if_fail (categories != NULL, FALSE);
  g_return_val_if_fail (exams != NULL, FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (questions != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Only ever a new file or a regular file replaced: never a device, a folder or what a
   * symbolic link points to. */
  if (g_lstat (path, &buf) == 0 && !S_ISREG (buf.st_mode))
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
                   "%s exists and is not a regular file; give a new path or a file to replace",
                   path);
      return FALSE;
    }

  /* A temporary name of its own beside the output, so nothing else is overwritten. */
  if ((fd = g_mkstemp (tmp_path)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
                   "Could not create a file beside %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Readable by everyone once installed, as the file it replaces was meant to be. */
  fchmod (fd, 0644);
  close (fd);

  if (sqlite3_open_v2 (tmp_path, &w.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
                   "Could not create %s: %s", tmp_path, sqlite3_errmsg (w.db));
      sqlite3_close (w.db);
      return FALSE;
    }

  w.body = g_string_new (NULL);
  w.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((w.stemmer = nimbus_kb_stemmer_new (w.db)) == NULL)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
                   "SQLite here has no full-text search (FTS5); the compiler needs it");
      ok = FALSE;
    }
  else
    ok = write_all (&w, categories, exams, entries, questions);
  nimbus_kb_stemmer_free (w.stemmer);
  g_hash_table_unref (w.pairs);
  g_string_free (w.body, TRUE);
  sqlite3_close (w.db);

  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
                   "Could not rename %s to %s: %s", tmp_path, path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp_path);

  return ok;
}
