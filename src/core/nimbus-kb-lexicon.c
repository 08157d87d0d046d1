/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-lexicon"

#include "config.h"

#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"
#include "nimbus-query.h"

/* What search knows of the knowledge base's language, per connection: the number of
 * documents holding an unstemmed word (how much a word discriminates) or a stem, looked up
 * when first asked for and kept; the whole vocabulary, read the first time a typo is
 * corrected; and every name of every service. A one-off `nimbus --search` reads only the
 * few words it needs. */

#define OWN_NAME (1 << 20)

#define POSTINGS_DAMAGED "its search postings are unreadable"

struct _NimbusKbLexicon
{
  NimbusKbConn *conn;    /* that owns the lexicon */
  GHashTable *docs;      /* word -> number of documents + 1, for the words asked about */
  GPtrArray *words;      /* the whole vocabulary, for correcting; NULL until needed */
  GHashTable *services;  /* folded name -> service position + 1 */
  GHashTable *stems;     /* stem of the index -> number of documents + 1 */
  GHashTable *postings;  /* phrase -> GBytes, its stored postings, for the next keystrokes */
  gsize postings_size;   /* of all those, in bytes */
  NimbusKbStemmer *stemmer;
  guint n_docs;
};

void
nimbus_kb_lexicon_free (NimbusKbLexicon *lexicon)
{
  if (lexicon == NULL)
    return;

  g_hash_table_unref (lexicon->docs);
  g_clear_pointer (&lexicon->words, g_ptr_array_unref);
  g_hash_table_unref (lexicon->services);
  g_hash_table_unref (lexicon->stems);
  g_hash_table_unref (lexicon->postings);
  nimbus_kb_stemmer_free (lexicon->stemmer);
  g_free (lexicon);
}

NimbusKbLexicon *
nimbus_kb_lexicon_load (NimbusKbConn  *conn,
                        GError       **error)
{
  NimbusKbLexicon *lexicon = g_new0 (NimbusKbLexicon, 1);
  NimbusKbStmt *stmt;
  int rc;

  lexicon->conn = conn;
  lexicon->docs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  if ((lexicon->stemmer = nimbus_kb_stemmer_new (conn->db)) == NULL)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                   "SQLite here has no full-text search (FTS5); Nimbus needs it");
      goto failed;
    }

  if ((stmt = nimbus_kb_prepare (conn, "SELECT alias, service_position, own_name FROM aliases",
                                 error)) == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *alias = (const char *) sqlite3_column_text (stmt, 0);

      if (alias != NULL)
        g_hash_table_insert (lexicon->services, g_strdup (alias),
                             GINT_TO_POINTER ((sqlite3_column_int (stmt, 1) + 1) |
                                              (sqlite3_column_int (stmt, 2) != 0 ? OWN_NAME : 0)));
    }
  sqlite3_reset (stmt);
  if (!nimbus_kb_step_done (conn, rc, error))
    goto failed;

  if ((stmt = nimbus_kb_prepare (conn, "SELECT count (*) FROM docs", error)) == NULL)
    goto failed;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    lexicon->n_docs = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && !nimbus_kb_step_done (conn, rc, error))
    goto failed;

  return lexicon;

failed:
  nimbus_kb_lexicon_free (lexicon);
  return NULL;
}

/* The number of documents sql (one parameter, one column) gives for key, kept in cache;
 * 0 when it has no row, or when the file cannot be read here (the search's own queries
 * then say so). */
static guint
cached_count (NimbusKbLexicon *lexicon,
              GHashTable      *cache,
              const char      *sql,
              const char      *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (cache, key));
  g_autoptr(NimbusKbStmt) stmt = NULL;

  if (n > 0)
    return n - 1;

  if ((stmt = nimbus_kb_prepare (lexicon->conn, sql, NULL)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  n = sqlite3_step (stmt) == SQLITE_ROW ? (guint) MAX (sqlite3_column_int (stmt, 0), 0) : 0;
  g_hash_table_insert (cache, g_strdup (key), GUINT_TO_POINTER (n + 1));

  return n;
}

/* How many documents hold word (unstemmed); 0 when it is not a word of the index. */
guint
nimbus_kb_lexicon_doc_count (NimbusKbLexicon *lexicon,
                             const char      *word)
{
  return cached_count (lexicon, lexicon->docs, "SELECT docs FROM terms WHERE term = ?", word);
}

/* Every word of the vocabulary, read once. */
static GPtrArray *
vocabulary (NimbusKbLexicon *lexicon)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;

  if (lexicon->words != NULL)
    return lexicon->words;

  lexicon->words = g_ptr_array_new_with_free_func (g_free);
  stmt = nimbus_kb_prepare (lexicon->conn, "SELECT term, docs FROM terms", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *word = (const char *) sqlite3_column_text (stmt, 0);

      if (word == NULL)
        continue;
      g_ptr_array_add (lexicon->words, g_strdup (word));
      g_hash_table_insert (lexicon->docs, g_strdup (word),
                           GUINT_TO_POINTER ((guint) MAX (sqlite3_column_int (stmt, 1), 0) + 1));
    }

  return lexicon->words;
}

guint
nimbus_kb_lexicon_n_docs (NimbusKbLexicon *lexicon)
{
  return lexicon->n_docs;
}

/* The sidebar position of the service that name (folded: "simple queue service") means,
 * or -1; *own_name (may be NULL) says whether it is the service's own name ("sqs",
 * "amazon sqs") rather than another that means it ("parameter store"). */
int
nimbus_kb_lexicon_service (NimbusKbLexicon *lexicon,
                           const char      *name,
                           gboolean        *own_name)
{
  int value = GPOINTER_TO_INT (g_hash_table_lookup (lexicon->services, name));

  if (own_name != NULL)
    *own_name = (value & OWN_NAME) != 0;
  return (value & ~OWN_NAME) - 1;
}

/* word and then those of words that have a stem none before them has: the forms a phrase
 * needs for every stem a prefix stands for ("link", not also "links" and "linked"). */
GStrv
nimbus_kb_lexicon_distinct_stems (NimbusKbLexicon    *lexicon,
                                  const char         *word,
                                  const char * const *words)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i == 0 || words[i - 1] != NULL; i++)
    {
      const char *form = i == 0 ? word : words[i - 1];
      g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *key = NULL;

      if (!nimbus_kb_stemmer_stem (lexicon->stemmer, form, stems))
        continue;
      g_ptr_array_add (stems, NULL);
      key = g_strjoinv (" ", (GStrv) stems->pdata);
      if (g_hash_table_add (seen, g_steal_pointer (&key)))
        g_strv_builder_add (builder, form);
    }

  return g_strv_builder_end (builder);
}

/* How many documents match phrase (words joined by spaces), as FTS5 would count them, from
 * the stems and pairs of stems the compiler counted; -1 when they were not counted (three
 * words or more), or on an error, which FTS5 then meets itself. */
gint64
nimbus_kb_lexicon_phrase_docs (NimbusKbLexicon *lexicon,
                               NimbusKbConn    *conn,
                               const char      *phrase)
{
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NimbusKbStmt) stmt = NULL;
  gint64 docs;
  int rc;

  if (!nimbus_kb_stemmer_stem (lexicon->stemmer, phrase, stems) || stems->len == 0 ||
      stems->len > 2)
    return -1;

  if (stems->len == 1)
    return cached_count (lexicon, lexicon->stems, "SELECT docs FROM stems WHERE stem = ?",
                         g_ptr_array_index (stems, 0));

  stmt = nimbus_kb_prepare (conn, "SELECT docs FROM stem_pairs WHERE first = ? AND second = ?",
                            NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, g_ptr_array_index (stems, 0), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g_ptr_array_index (stems, 1), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  docs = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : rc == SQLITE_DONE ? 0 : -1;

  return docs;
}

/* Optimal string alignment distance (Levenshtein with adjacent swaps), stopping early once
 * it is certain to exceed max. */
static guint
distance (const char *a,
          gsize       la,
          const char *b,
          gsize       lb,
          guint       max)
{
  guint rows[3][NIMBUS_QUERY_MAX_TOKEN_BYTES + 1];
  guint *before = rows[0], *previous = rows[1], *current = rows[2];

  if ((la > lb ? la - lb : lb - la) > max)
    return max + 1;

  for (gsize j = 0; j <= lb; j++)
    previous[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint row_min;

      current[0] = i;
      row_min = current[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, before[j - 2] + 1);
          current[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > max)
        return max + 1;

      {
        guint *t = before;
        before = previous;
        previous = current;
        current = t;
      }
    }

  return previous[lb];
}

/* The vocabulary word nearest to a word the index does not have: one edit away for words
 * of 5 to 7 letters, two from 8, the most common of the nearest; NULL when none is near. */
const char *
nimbus_kb_lexicon_correct (NimbusKbLexicon *lexicon,
                           const char      *word)
{
  gsize length = strlen (word);
  guint max = length >= 8 ? 2 : 1;
  const char *best = NULL;
  guint best_distance = max + 1, best_docs = 0;
  GPtrArray *words;

  /* Four letters or fewer are too often another real word one edit away ("cafe"). */
  if (length < 5 || length > NIMBUS_QUERY_MAX_TOKEN_BYTES)
    return NULL;

  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_islower (*p))
      return NULL;  /* digits and non-ASCII: names and numbers, not typos */

  words = vocabulary (lexicon);
  for (guint i = 0; i < words->len; i++)
    {
      const char *candidate = g_ptr_array_index (words, i);
      gsize candidate_length = strlen (candidate);
      guint d, docs;

      if (candidate_length > NIMBUS_QUERY_MAX_TOKEN_BYTES ||
          (candidate_length > length ? candidate_length - length : length - candidate_length) > max)
        continue;

      d = distance (word, length, candidate, candidate_length, MIN (max, best_distance));
      if (d > max)
        continue;

      docs = nimbus_kb_lexicon_doc_count (lexicon, candidate);
      if (d < best_distance || (d == best_distance && docs > best_docs))
        {
          best = candidate;
          best_distance = d;
          best_docs = docs;
        }
    }

  return best;
}

/* Kept postings past this many bytes are let go: a session of searches reads the same few
 * words again and again, not the whole index. */
#define MAX_KEPT_POSTINGS (32 * 1024 * 1024)

/* The stored postings of one stem or two stems in a row; empty when no document holds
 * them. */
static gboolean
read_postings (NimbusKbLexicon  *lexicon,
               GPtrArray        *stems,
               GBytes          **postings,
               GError          **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  int rc;

  stmt = nimbus_kb_prepare (lexicon->conn, stems->len == 1
                            ? "SELECT postings FROM stems WHERE stem = ?1"
                            : "SELECT postings FROM stem_pairs WHERE first = ?1 AND second = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < stems->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (stems, i), -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_BLOB ||
          sqlite3_column_bytes (stmt, 0) % NIMBUS_KB_POSTING_SIZE != 0)
        return nimbus_kb_set_damaged (lexicon->conn, POSTINGS_DAMAGED, error);
      *postings = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      return TRUE;
    }
  if (!nimbus_kb_step_done (lexicon->conn, rc, error))
    return FALSE;

  *postings = g_bytes_new (NULL, 0);
  return TRUE;
}

/* The bitmap of the documents holding a stem that begins with prefix (see
 * NIMBUS_KB_MAX_SHORT_PREFIX); empty when none does. */
static GBytes *
prefix_docs (NimbusKbLexicon  *lexicon,
             const char       *prefix,
             GError          **error)
{
  g_autoptr(NimbusKbStmt) stmt = nimbus_kb_prepare (lexicon->conn, "SELECT docs FROM prefixes "
                                                    "WHERE prefix = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_BLOB)
        {
          nimbus_kb_set_damaged (lexicon->conn, POSTINGS_DAMAGED, error);
          return NULL;
        }
      return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
    }
  if (!nimbus_kb_step_done (lexicon->conn, rc, error))
    return NULL;

  return g_bytes_new (NULL, 0);
}

/* The postings of phrase (words joined by spaces; see NIMBUS_KB_POSTING_SIZE) as the
 * compiler stored them, in *postings, or NULL when it stored none that could answer it (no
 * word, or three words or more). A phrase of one or two letters ending in "*" is a prefix
 * as FTS5 takes it, every stem that begins with them: its documents come as a bitmap (see
 * NIMBUS_KB_POSTING_SIZE). FALSE on an error reading the file. */
gboolean
nimbus_kb_lexicon_phrase_postings (NimbusKbLexicon  *lexicon,
                                   const char       *phrase,
                                   GBytes          **postings,
                                   GError          **error)
{
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  GBytes *kept;

  *postings = NULL;
  if ((kept = g_hash_table_lookup (lexicon->postings, phrase)) != NULL)
    {
      *postings = g_bytes_ref (kept);
      return TRUE;
    }

  if (g_str_has_suffix (phrase, "*"))
    {
      g_autofree char *letters = g_strndup (phrase, strlen (phrase) - 1);

      if (strlen (letters) > NIMBUS_KB_MAX_SHORT_PREFIX)
        return TRUE;
      if ((kept = prefix_docs (lexicon, letters, error)) == NULL)
        return FALSE;
    }
  else if (!nimbus_kb_stemmer_stem (lexicon->stemmer, phrase, stems) || stems->len == 0 ||
           stems->len > 2)
    return TRUE;
  else if (!read_postings (lexicon, stems, &kept, error))
    return FALSE;

  if (lexicon->postings_size + g_bytes_get_size (kept) > MAX_KEPT_POSTINGS)
    {
      g_hash_table_remove_all (lexicon->postings);
      lexicon->postings_size = 0;
    }
  lexicon->postings_size += g_bytes_get_size (kept);
  g_hash_table_insert (lexicon->postings, g_strdup (phrase), g_bytes_ref (kept));
  *postings = kept;

  return TRUE;
}
