/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-writer"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "nimbus-enum.h"
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
  GHashTable *stems;       /* stem -> GArray of Posting */
  GHashTable *pairs;       /* "stem stem" -> GArray of Posting, for two stems in a row */
  GHashTable *prefixes;    /* the first one or two bytes of a stem -> GArray of rowids */
  GArray *docs;            /* RankedDoc */
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

/* One document holding a phrase, while the postings are gathered: its rowid and the
 * phrase's weighted frequency there. */
typedef struct
{
  gint64 rowid;
  float freq;
} Posting;

/* The document's length in tokens, for bm25, while the documents are gathered. */
typedef struct
{
  gint64 rowid;
  guint32 length;
} RankedDoc;

static void
add_posting (GHashTable *postings,
             const char *phrase,
             gint64      rowid,
             double      weight)
{
  GArray *list = g_hash_table_lookup (postings, phrase);
  Posting *last;

  if (list == NULL)
    g_hash_table_insert (postings, g_strdup (phrase),
                         (list = g_array_new (FALSE, FALSE, sizeof (Posting))));
  last = list->len > 0 ? &g_array_index (list, Posting, list->len - 1) : NULL;
  if (last != NULL && last->rowid == rowid)
    last->freq += weight;
  else
    g_array_append_val (list, ((Posting) { rowid, weight }));
}

/* Notes that rowid holds a stem beginning with its first length bytes, when those are
 * whole characters. */
static void
add_prefix (Writer     *w,
            const char *stem,
            gsize       length,
            gint64      rowid)
{
  g_autofree char *prefix = g_strndup (stem, length);
  GArray *rowids;

  if (!g_utf8_validate (prefix, -1, NULL))
    return;
  if ((rowids = g_hash_table_lookup (w->prefixes, prefix)) == NULL)
    g_hash_table_insert (w->prefixes, g_steal_pointer (&prefix),
                         (rowids = g_array_new (FALSE, FALSE, sizeof (gint64))));
  if (rowids->len == 0 || g_array_index (rowids, gint64, rowids->len - 1) != rowid)
    g_array_append_val (rowids, rowid);
}

/* Each stem of a document and each two stems that follow each other in one of its columns,
 * with how often, each time counted with the column's weight as nimbus_rank () counts it:
 * the postings ranking reads instead of the index (nimbus-kb-postings.c), and how many
 * documents hold a two-word phrase of a query. The stems are those of the index's own
 * tokenizer; write_all () checks that they are. */
static void
index_doc (Writer     *w,
           gint64      rowid,
           const char *columns[NIMBUS_KB_N_SEARCH_COLUMNS])
{
  static const double weights[NIMBUS_KB_N_SEARCH_COLUMNS] = {
    NIMBUS_KB_WEIGHT_TITLE, NIMBUS_KB_WEIGHT_KEYWORDS, NIMBUS_KB_WEIGHT_TIP,
    NIMBUS_KB_WEIGHT_BODY, NIMBUS_KB_WEIGHT_CONTEXT,
  };
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  RankedDoc doc = { rowid, 0 };

  for (guint c = 0; c < NIMBUS_KB_N_SEARCH_COLUMNS; c++)
    {
      g_ptr_array_set_size (stems, 0);
      if (columns[c] == NULL || !nimbus_kb_stemmer_stem (w->stemmer, columns[c], stems))
        continue;
      doc.length += stems->len;
      for (guint i = 0; i < stems->len; i++)
        {
          const char *stem = g_ptr_array_index (stems, i);

          for (gsize length = 1; length <= NIMBUS_KB_MAX_SHORT_PREFIX && stem[length - 1] != '\0';
               length++)
            add_prefix (w, stem, length, rowid);
          add_posting (w->stems, stem, rowid, weights[c]);
          if (i + 1 < stems->len)
            {
              g_autofree char *pair = g_strconcat (g_ptr_array_index (stems, i), " ",
                                                   g_ptr_array_index (stems, i + 1), NULL);

              add_posting (w->pairs, pair, rowid, weights[c]);
            }
        }
    }

  g_array_append_val (w->docs, doc);
}

static int
compare_ranked_docs (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = ((const RankedDoc *) a)->rowid, y = ((const RankedDoc *) b)->rowid;

  return x < y ? -1 : x > y;
}

static int
compare_postings (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = ((const Posting *) a)->rowid, y = ((const Posting *) b)->rowid;

  return x < y ? -1 : x > y;
}

/* A phrase's postings as stored (see NIMBUS_KB_POSTING_SIZE), with rowids turned into the
 * documents' indexes in ranked_docs. */
static GBytes *
encode_postings (GArray     *list,
                 GHashTable *indexes)
{
  guint8 *data = g_malloc (list->len * NIMBUS_KB_POSTING_SIZE);

  g_array_sort (list, compare_postings);
  for (guint i = 0; i < list->len; i++)
    {
      const Posting *posting = &g_array_index (list, Posting, i);
      guint32 index = GPOINTER_TO_UINT (g_hash_table_lookup (indexes, &posting->rowid)) - 1;
      union { float f; guint32 bits; } freq = { posting->freq };

      index = GUINT32_TO_LE (index);
      freq.bits = GUINT32_TO_LE (freq.bits);
      memcpy (data + i * NIMBUS_KB_POSTING_SIZE, &index, 4);
      memcpy (data + i * NIMBUS_KB_POSTING_SIZE + 4, &freq.bits, 4);
    }

  return g_bytes_new_take (data, list->len * NIMBUS_KB_POSTING_SIZE);
}

static gboolean
insert_postings (Writer     *w,
                 GHashTable *postings,
                 GHashTable *indexes,
                 gboolean    pairs)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (postings, NULL);
  guint n = g_hash_table_size (postings);
  const char *sql = pairs ? "INSERT INTO stem_pairs VALUES (?, ?, ?, ?)"
                          : "INSERT INTO stems VALUES (?, ?, ?)";
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (w, sql);

  /* In order, so that the same sources give the same bytes. */
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; ok && i < n; i++)
    {
      const char *phrase = keys[i];
      const char *space = strchr (phrase, ' ');
      GArray *list = g_hash_table_lookup (postings, phrase);
      g_autoptr(GBytes) encoded = encode_postings (list, indexes);
      int column = 1;

      if (pairs)
        sqlite3_bind_text (stmt, column++, phrase, space - phrase, SQLITE_STATIC);
      sqlite3_bind_text (stmt, column++, pairs ? space + 1 : phrase, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, column++, list->len);
      sqlite3_bind_blob (stmt, column, g_bytes_get_data (encoded, NULL),
                         g_bytes_get_size (encoded), SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE || fail (w, sql);
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  return ok;
}

/* For each prefix, the bitmap of the documents holding a stem that begins with it. */
static gboolean
insert_prefixes (Writer     *w,
                 GHashTable *indexes)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (w->prefixes, NULL);
  guint n = g_hash_table_size (w->prefixes);
  gsize size = (w->docs->len + 7) / 8;
  g_autofree guint8 *bitmap = g_malloc (MAX (size, 1));
  const char *sql = "INSERT INTO prefixes VALUES (?, ?)";
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (w, sql);

  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      GArray *rowids = g_hash_table_lookup (w->prefixes, keys[i]);

      memset (bitmap, 0, size);
      for (guint k = 0; k < rowids->len; k++)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (indexes,
                                                               &g_array_index (rowids, gint64,
                                                                               k))) - 1;

          bitmap[index / 8] |= 1 << (index % 8);
        }
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 2, bitmap, size, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return fail (w, sql);
      sqlite3_reset (stmt);
    }

  return TRUE;
}

/* The postings of every stem and pair of stems, and the documents they number. */
static gboolean
insert_ranking (Writer *w)
{
  g_autoptr(GHashTable) indexes = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint8 *rowids = g_malloc (w->docs->len * 8);
  guint8 *lengths = g_malloc (w->docs->len * 4);
  g_autoptr(GBytes) rowids_bytes = NULL;
  g_autoptr(GBytes) lengths_bytes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql = "INSERT INTO ranked_docs VALUES (0, ?, ?)";

  g_array_sort (w->docs, compare_ranked_docs);
  for (guint i = 0; i < w->docs->len; i++)
    {
      RankedDoc *doc = &g_array_index (w->docs, RankedDoc, i);
      gint64 rowid = GINT64_TO_LE (doc->rowid);
      guint32 length = GUINT32_TO_LE (doc->length);

      g_hash_table_insert (indexes, &doc->rowid, GUINT_TO_POINTER (i + 1));
      memcpy (rowids + i * 8, &rowid, 8);
      memcpy (lengths + i * 4, &length, 4);
    }
  rowids_bytes = g_bytes_new_take (rowids, w->docs->len * 8);
  lengths_bytes = g_bytes_new_take (lengths, w->docs->len * 4);

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (w, sql);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (rowids_bytes, NULL),
                     g_bytes_get_size (rowids_bytes), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (lengths_bytes, NULL),
                     g_bytes_get_size (lengths_bytes), SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (w, sql);

  return insert_postings (w, w->stems, indexes, FALSE) &&
         insert_postings (w, w->pairs, indexes, TRUE) &&
         insert_prefixes (w, indexes);
}

/* The compiler's stems must be the index's, document for document: else ranking by the
 * postings would not be ranking by the index. */
static gboolean
check_stems (Writer *w)
{
  const char *sql = "SELECT v.term FROM temp.stems_vocab v LEFT JOIN stems s ON s.stem = v.term "
                    "WHERE s.docs IS NOT v.doc UNION ALL SELECT stem FROM stems "
                    "WHERE stem NOT IN (SELECT term FROM temp.stems_vocab) LIMIT 1";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (w, sql);
  if ((rc = sqlite3_step (stmt)) == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return fail (w, sql);

  g_set_error (w->error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
               "Could not write the knowledge base: the stem “%s” is counted differently "
               "by the index and by the compiler", sqlite3_column_text (stmt, 0));
  return FALSE;
}

static gboolean
insert_doc (Writer        *w,
            const char    *id,
            NimbusHitKind  kind,
            const char    *service_id,
            const char    *section_id,
            const char    *title,
            const char    *columns[5])
{
  gint64 base = w->service_position << NIMBUS_KB_ROWID_SERVICE_SHIFT;
  const char *kind_nick = nimbus_enum_get_nick (NIMBUS_TYPE_HIT_KIND, kind);
  gint64 rowid;
  g_autofree char *title_key = NULL;
  const char *start = title;

  if (kind == NIMBUS_HIT_KIND_SERVICE)
    rowid = NIMBUS_KB_ROWID_SERVICES + base + ++w->n_docs[0];
  else if (kind == NIMBUS_HIT_KIND_SECTION)
    rowid = NIMBUS_KB_ROWID_SECTIONS + base + ++w->n_docs[1];
  else
    rowid = NIMBUS_KB_ROWID_ITEMS + base + ++w->n_docs[2];
  g_assert (w->n_docs[2] < (1 << NIMBUS_KB_ROWID_SERVICE_SHIFT));

  /* Folded like a typed word, from the first letter or digit: what a one-letter search
   * browses (see nimbus_kb_search ()). */
  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  title_key = nimbus_query_fold (start, -1);
  index_doc (w, rowid, columns);

  return INSERT (w, "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
                 NUMBER (rowid), TEXT (id), TEXT (kind_nick), TEXT (service_id),
                 TEXT (section_id), TEXT (title), TEXT (title_key)) &&
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

      return insert_doc (w, block->id, NIMBUS_HIT_KIND_TIP, w->service_id, section->id,
                         section->title, columns);
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

      if (!insert_doc (w, block->id, NIMBUS_HIT_KIND_FACT, w->service_id, section->id,
                       block->label, columns))
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

  return insert_doc (w, section->id, NIMBUS_HIT_KIND_SECTION, entry->id, section->id,
                     section->title, columns);
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
      !insert_doc (w, entry->id, NIMBUS_HIT_KIND_SERVICE, entry->id, NULL, entry->name, columns))
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
  return insert_ranking (w) &&
         exec (w, "INSERT INTO terms SELECT term, doc FROM temp.words_vocab;"
                  "CREATE VIRTUAL TABLE temp.stems_vocab USING fts5vocab (main, search, 'row');") &&
         check_stems (w) &&
         exec (w, "INSERT INTO search (search) VALUES ('optimize');"
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
  Writer w = { NULL, error, { 0, 0, 0 }, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
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
  w.stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_array_unref);
  w.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_array_unref);
  w.prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_array_unref);
  w.docs = g_array_new (FALSE, FALSE, sizeof (RankedDoc));
  if ((w.stemmer = nimbus_kb_stemmer_new (w.db)) == NULL)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_WRITE,
                   "SQLite here has no full-text search (FTS5); the compiler needs it");
      ok = FALSE;
    }
  else
    ok = write_all (&w, categories, exams, entries, questions);
  nimbus_kb_stemmer_free (w.stemmer);
  g_hash_table_unref (w.stems);
  g_hash_table_unref (w.pairs);
  g_hash_table_unref (w.prefixes);
  g_array_unref (w.docs);
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
