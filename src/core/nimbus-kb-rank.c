/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-rank"

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"

/* nimbus_rank (search, N, COUNTS, weight...): bm25 (k1 1.2, b 0.75, as FTS5's own) over the
 * first N phrases of the MATCH expression only. Search ranks "(RANK) AND (CANDIDATES)" with
 * N the phrases of RANK: the candidates choose which documents are read, RANK alone scores
 * them, exactly as if every document matching RANK had been scored.
 *
 * COUNTS is how many documents each phrase matches, as text ("38 101 16"), as the compiler
 * counted them (the stems and stem_pairs tables); a phrase without one (-1, or past the
 * end) is counted by reading its whole doclist, which on a large knowledge base is most of
 * a search's time. */

typedef struct
{
  int n_phrases;
  double avg_length;
  double *idf;
  double *freq;
} RankData;

static void
rank_data_free (void *data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank->freq);
  g_free (rank);
}

static int
count_hit (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  (*(sqlite3_int64 *) user_data)++;
  return SQLITE_OK;
}

static RankData *
rank_data (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           int                     n_phrases,
           const char             *counts)
{
  RankData *rank = api->xGetAuxdata (fts, 0);
  sqlite3_int64 n_rows = 0, n_tokens = 0;
  const char *next = counts;

  if (rank != NULL)
    return rank;

  rank = g_new0 (RankData, 1);
  rank->n_phrases = CLAMP (n_phrases, 0, api->xPhraseCount (fts));
  rank->idf = g_new0 (double, MAX (rank->n_phrases, 1));
  rank->freq = g_new0 (double, MAX (rank->n_phrases, 1));

  api->xRowCount (fts, &n_rows);
  api->xColumnTotalSize (fts, -1, &n_tokens);
  rank->avg_length = n_rows > 0 ? (double) n_tokens / n_rows : 1;

  for (int i = 0; i < rank->n_phrases; i++)
    {
      sqlite3_int64 n_hits = -1;

      if (next != NULL && *next != '\0')
        {
          char *end = NULL;

          n_hits = g_ascii_strtoll (next, &end, 10);
          next = end != next ? end : NULL;
        }
      if (n_hits < 0)
        {
          n_hits = 0;
          api->xQueryPhrase (fts, i, &n_hits, count_hit);
        }
      rank->idf[i] = nimbus_kb_bm25_idf (n_rows, n_hits);
    }

  if (api->xSetAuxdata (fts, rank, rank_data_free) != SQLITE_OK)
    return NULL;

  return rank;
}

static void
nimbus_rank (const Fts5ExtensionApi  *api,
             Fts5Context             *fts,
             sqlite3_context         *context,
             int                      n_values,
             sqlite3_value          **values)
{
  RankData *rank;
  int n_inst = 0, n_columns, length = 0;
  double score = 0;

  if (n_values < 2 ||
      (rank = rank_data (api, fts, sqlite3_value_int (values[0]),
                         (const char *) sqlite3_value_text (values[1]))) == NULL)
    {
      sqlite3_result_error (context, "nimbus_rank: bad arguments", -1);
      return;
    }

  memset (rank->freq, 0, sizeof (double) * MAX (rank->n_phrases, 1));
  n_columns = api->xColumnCount (fts);
  api->xInstCount (fts, &n_inst);
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) != SQLITE_OK || phrase >= rank->n_phrases)
        continue;
      rank->freq[phrase] += column + 2 < n_values && column < n_columns
                              ? sqlite3_value_double (values[column + 2]) : 1.0;
    }

  api->xColumnSize (fts, -1, &length);
  for (int i = 0; i < rank->n_phrases; i++)
    {
      score += nimbus_kb_bm25_term (rank->idf[i], rank->freq[i], length, rank->avg_length);
    }

  sqlite3_result_double (context, -score);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  return api;
}

/* The index's own tokenizer, porter over unicode61: the stems a text is indexed by. */
struct _NimbusKbStemmer
{
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *instance;
};

NimbusKbStemmer *
nimbus_kb_stemmer_new (sqlite3 *db)
{
  static const char * const args[] = { "unicode61", "remove_diacritics", "2" };
  fts5_api *api = get_fts5_api (db);
  NimbusKbStemmer *stemmer;
  void *user_data = NULL;

  if (api == NULL)
    return NULL;

  stemmer = g_new0 (NimbusKbStemmer, 1);
  if (api->xFindTokenizer (api, "porter", &user_data, &stemmer->tokenizer) != SQLITE_OK ||
      stemmer->tokenizer.xCreate (user_data, (const char **) args, G_N_ELEMENTS (args),
                                  &stemmer->instance) != SQLITE_OK)
    {
      g_free (stemmer);
      return NULL;
    }

  return stemmer;
}

void
nimbus_kb_stemmer_free (NimbusKbStemmer *stemmer)
{
  if (stemmer == NULL)
    return;

  stemmer->tokenizer.xDelete (stemmer->instance);
  g_free (stemmer);
}

static int
add_token (void       *stems,
           int         flags,
           const char *token,
           int         length,
           int         start,
           int         end)
{
  /* Tokens at the same position add nothing to a phrase (porter makes none). */
  if ((flags & FTS5_TOKEN_COLOCATED) == 0)
    g_ptr_array_add (stems, g_strndup (token, length));
  return SQLITE_OK;
}

/* Appends to stems (owning its strings) the stems of text, in order, as the index holds
 * them. */
gboolean
nimbus_kb_stemmer_stem (NimbusKbStemmer *stemmer,
                        const char      *text,
                        GPtrArray       *stems)
{
  return stemmer->tokenizer.xTokenize (stemmer->instance, stems, FTS5_TOKENIZE_DOCUMENT, text,
                                       strlen (text), add_token) == SQLITE_OK;
}

/* Makes nimbus_rank () known to conn. */
gboolean
nimbus_kb_rank_register (sqlite3  *db,
                         GError  **error)
{
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateFunction (api, "nimbus_rank", NULL, nimbus_rank, NULL) != SQLITE_OK)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                   "SQLite here has no full-text search (FTS5); Nimbus needs it");
      return FALSE;
    }

  return TRUE;
}
