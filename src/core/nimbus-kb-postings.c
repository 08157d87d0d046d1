/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-postings"

#include "config.h"

#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"
#include "nimbus-query.h"

/* Ranking from the postings the compiler stored: for each stem and each two stems in a row,
 * the documents holding them and how often, column weights counted. bm25 over them is
 * nimbus_rank () over every match of FTS5's index, to the bit (both use
 * nimbus_kb_bm25_term () on the same numbers, adding the phrases in the same order), but it
 * reads each phrase's documents as one packed array instead of walking position lists, so
 * every match is scored on any size of knowledge base. tests/test-search-eval.c holds the
 * two rankings equal. */

#define TOUCHED ((guint32) 1 << 31)
#define POSTINGS_DAMAGED "its search postings are unreadable"
#define MAX_GROUPS 31

struct _NimbusKbPostings
{
  guint n_docs;
  gint64 *rowids;       /* of the documents, in order: a posting's index is into these */
  guint32 *lengths;     /* in tokens */
  double avg_length;
  double *scores;       /* per document, during a search; all 0 between searches */
  guint32 *held;        /* per document, bit j: holds a phrase of required group j; and
                         * TOUCHED */
  GArray *touched;      /* the indexes of the documents with a score this search */
};

void
nimbus_kb_postings_free (NimbusKbPostings *postings)
{
  if (postings == NULL)
    return;

  g_free (postings->rowids);
  g_free (postings->lengths);
  g_free (postings->scores);
  g_free (postings->held);
  g_array_unref (postings->touched);
  g_free (postings);
}

static inline guint32
read_u32 (const guint8 *p)
{
  guint32 value;

  memcpy (&value, p, 4);
  return GUINT32_FROM_LE (value);
}

static NimbusKbPostings *
postings_load (NimbusKbConn  *conn,
               GError       **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  NimbusKbPostings *postings;
  const guint8 *rowids, *lengths;
  gint64 n_tokens = 0;
  int rc;

  stmt = nimbus_kb_prepare (conn, "SELECT rowids, lengths FROM ranked_docs WHERE id = 0", error);
  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (nimbus_kb_step_done (conn, rc, error))
        nimbus_kb_set_damaged (conn, "it has no document lengths", error);
      return NULL;
    }

  rowids = sqlite3_column_blob (stmt, 0);
  lengths = sqlite3_column_blob (stmt, 1);
  if ((rowids == NULL) != (lengths == NULL) ||
      sqlite3_column_bytes (stmt, 0) != 2 * sqlite3_column_bytes (stmt, 1) ||
      sqlite3_column_bytes (stmt, 1) % 4 != 0)
    {
      nimbus_kb_set_damaged (conn, "its document lengths are unreadable", error);
      return NULL;
    }

  postings = g_new0 (NimbusKbPostings, 1);
  postings->n_docs = sqlite3_column_bytes (stmt, 1) / 4;
  postings->rowids = g_new (gint64, MAX (postings->n_docs, 1));
  postings->lengths = g_new (guint32, MAX (postings->n_docs, 1));
  for (guint i = 0; i < postings->n_docs; i++)
    {
      gint64 rowid;

      memcpy (&rowid, rowids + 8 * i, 8);
      postings->rowids[i] = GINT64_FROM_LE (rowid);
      postings->lengths[i] = read_u32 (lengths + 4 * i);
      n_tokens += postings->lengths[i];
    }
  /* As nimbus_rank () has it from FTS5: the total size over the number of rows. */
  postings->avg_length = postings->n_docs > 0 ? (double) n_tokens / postings->n_docs : 1;
  postings->scores = g_new0 (double, MAX (postings->n_docs, 1));
  postings->held = g_new0 (guint32, MAX (postings->n_docs, 1));
  postings->touched = g_array_new (FALSE, FALSE, sizeof (guint));

  return postings;
}

/* A document's position in the order score_matches () gives: the score, then the rowid. */
typedef struct
{
  double score;
  gint64 rowid;
} Ranked;

static inline gboolean
ranks_before (const Ranked *a,
              const Ranked *b)
{
  return a->score < b->score || (a->score == b->score && a->rowid < b->rowid);
}

/* Keeps in best, in order, the first n of those offered. */
static void
offer (GArray       *best,
       guint         n,
       const Ranked *ranked)
{
  guint at = best->len;

  if (at == n && !ranks_before (ranked, &g_array_index (best, Ranked, n - 1)))
    return;
  while (at > 0 && ranks_before (ranked, &g_array_index (best, Ranked, at - 1)))
    at--;
  g_array_insert_val (best, at, *ranked);
  if (best->len > n)
    g_array_set_size (best, n);
}

/* The positions of ",12,40,". */
static GArray *
parse_named (const char *named)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (int));

  for (const char *p = named; p != NULL && *p != '\0'; p++)
    {
      char *end = NULL;
      gint64 position = g_ascii_strtoll (p, &end, 10);

      if (end != p)
        {
          int value = (int) position;

          g_array_append_val (positions, value);
          p = end - 1;
        }
    }

  return positions;
}

static gboolean
is_named (GArray *named,
          int     position)
{
  for (guint i = 0; i < named->len; i++)
    if (g_array_index (named, int, i) == position)
      return TRUE;

  return FALSE;
}

static inline void
touch (NimbusKbPostings *postings,
       guint             index)
{
  if ((postings->held[index] & TOUCHED) == 0)
    {
      postings->held[index] |= TOUCHED;
      g_array_append_val (postings->touched, index);
    }
}

static void
clear_scratch (NimbusKbPostings *postings)
{
  for (guint i = 0; i < postings->touched->len; i++)
    {
      guint index = g_array_index (postings->touched, guint, i);

      postings->scores[index] = 0;
      postings->held[index] = 0;
    }
  g_array_set_size (postings->touched, 0);
}

/* The postings of every phrase, or FALSE: an error, or a phrase they cannot answer. The
 * indexes in them are checked where they are read. */
static gboolean
fetch_all (NimbusKbConn  *conn,
           GPtrArray     *phrases,
           GPtrArray     *out,
           GError       **error)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      GBytes *bytes = NULL;

      if (!nimbus_kb_lexicon_phrase_postings (conn->lexicon, g_ptr_array_index (phrases, i),
                                              &bytes, error) || bytes == NULL)
        return FALSE;
      g_ptr_array_add (out, bytes);
    }

  return TRUE;
}

/* Fills best with the first n documents matching rank (an expression of
 * nimbus_query_to_ranked_fts ()), in the order of score_matches (): bm25 over the phrases
 * of rank, times the kind's boost, times named_boost for the services in named
 * (",12,40,"). required NULL: every document holding a phrase of rank matches (rank is an
 * OR); else a document must hold one phrase of each of its groups (GStrv, at most 31).
 * scope >= 0 keeps that service's documents only.
 *
 * FALSE with error set when the file is damaged; FALSE without when the postings cannot
 * answer rank (a prefix in it, a phrase of three words or more): FTS5 does then. */
gboolean
nimbus_kb_postings_rank (NimbusKbConn  *conn,
                         const char    *rank,
                         GPtrArray     *required,
                         const char    *named,
                         double         named_boost,
                         int            scope,
                         guint          n,
                         GArray        *rowids,
                         GError       **error)
{
  g_autoptr(GArray) prefix = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GPtrArray) phrases = nimbus_query_list_phrases (rank, prefix);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GArray) best = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), n + 1);
  g_autoptr(GArray) named_positions = parse_named (named);
  guint32 all_groups;
  NimbusKbPostings *postings;

  g_return_val_if_fail (rowids != NULL && n > 0, FALSE);

  if (phrases->len == 0 ||
      (required != NULL && (required->len == 0 || required->len > MAX_GROUPS)))
    return FALSE;
  for (guint i = 0; i < prefix->len; i++)
    if (g_array_index (prefix, gboolean, i))
      return FALSE;

  if (conn->postings == NULL && (conn->postings = postings_load (conn, error)) == NULL)
    return FALSE;
  postings = conn->postings;

  if (!fetch_all (conn, phrases, lists, error))
    return FALSE;

  /* bm25, phrase after phrase: each document's terms are added in the order nimbus_rank ()
   * adds them. */
  for (guint i = 0; i < lists->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (lists, i), &size);
      double idf = nimbus_kb_bm25_idf (postings->n_docs, size / NIMBUS_KB_POSTING_SIZE);

      for (gsize at = 0; at < size; at += NIMBUS_KB_POSTING_SIZE)
        {
          guint index = read_u32 (data + at);
          union { guint32 bits; float f; } freq = { read_u32 (data + at + 4) };

          /* A damaged file could point outside the documents. */
          if (index >= postings->n_docs)
            {
              clear_scratch (postings);
              return nimbus_kb_set_damaged (conn, POSTINGS_DAMAGED, error);
            }
          touch (postings, index);
          postings->scores[index] += nimbus_kb_bm25_term (idf, freq.f, postings->lengths[index],
                                                          postings->avg_length);
        }
    }

  all_groups = required != NULL ? (((guint32) 1 << required->len) - 1) | TOUCHED : TOUCHED;
  for (guint j = 0; required != NULL && j < required->len; j++)
    {
      GStrv words = g_ptr_array_index (required, j);

      for (guint k = 0; words[k] != NULL; k++)
        {
          GBytes *bytes = NULL;
          gsize size;
          const guint8 *data;

          if (!nimbus_kb_lexicon_phrase_postings (conn->lexicon, words[k], &bytes, error) ||
              bytes == NULL)
            {
              clear_scratch (postings);
              return FALSE;
            }
          g_ptr_array_add (lists, bytes);
          data = g_bytes_get_data (bytes, &size);

          /* A prefix's documents are a bitmap, which the documents scored look up. */
          if (g_str_has_suffix (words[k], "*"))
            {
              if (size != 0 && size != (postings->n_docs + 7) / 8)
                {
                  clear_scratch (postings);
                  return nimbus_kb_set_damaged (conn, POSTINGS_DAMAGED, error);
                }
              for (guint i = 0; size > 0 && i < postings->touched->len; i++)
                {
                  guint index = g_array_index (postings->touched, guint, i);

                  if (data[index / 8] & (1 << (index % 8)))
                    postings->held[index] |= (guint32) 1 << j;
                }
              continue;
            }

          for (gsize at = 0; at < size; at += NIMBUS_KB_POSTING_SIZE)
            {
              guint index = read_u32 (data + at);

              if (index >= postings->n_docs)
                {
                  clear_scratch (postings);
                  return nimbus_kb_set_damaged (conn, POSTINGS_DAMAGED, error);
                }
              touch (postings, index);
              postings->held[index] |= (guint32) 1 << j;
            }
        }
    }

  for (guint i = 0; i < postings->touched->len; i++)
    {
      guint index = g_array_index (postings->touched, guint, i);
      gint64 rowid = postings->rowids[index];
      int service = (rowid >> NIMBUS_KB_ROWID_SERVICE_SHIFT) & 0xffff;
      gint64 kind = rowid >> 32;
      double boost = kind == 0 ? NIMBUS_KB_BOOST_SERVICE
                     : kind == 1 ? NIMBUS_KB_BOOST_SECTION : NIMBUS_KB_BOOST_ITEM;
      Ranked ranked;

      /* A document holding a required phrase and none of rank would score 0: FTS5 would
       * rank it too, last. */
      if (postings->held[index] != all_groups ||
          (scope >= 0 && service != scope))
        continue;

      /* As the SQL of score_matches (): nimbus_rank () * boost * named. */
      ranked.score = -postings->scores[index] * boost *
                     (is_named (named_positions, service) ? named_boost : 1.0);
      ranked.rowid = rowid;
      offer (best, n, &ranked);
    }

  clear_scratch (postings);
  for (guint i = 0; i < best->len; i++)
    g_array_append_val (rowids, g_array_index (best, Ranked, i).rowid);

  return TRUE;
}
