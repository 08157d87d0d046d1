/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-search"

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "nimbus-enum.h"
#include "nimbus-kb.h"
#include "nimbus-kb-private.h"
#include "nimbus-query.h"
#include "nimbus-snippet.h"

/* Search over the knowledge base: what a person types, completed, ranked and cut to a
 * snippet. Part of NimbusKb, kept apart from opening and loading. */

#define MAX_EXPANSIONS 4
#define SNIPPET_WORDS 16

/* The kind of a document is in its rowid (see nimbus-kb-private.h): no join for the boost. */
#define SCORE_SQL "nimbus_rank (search, ?5, ?6, " NIMBUS_KB_SEARCH_WEIGHTS ") * " \
  "CASE search.rowid >> 32 WHEN 0 THEN " G_STRINGIFY (NIMBUS_KB_BOOST_SERVICE) \
  " WHEN 1 THEN " G_STRINGIFY (NIMBUS_KB_BOOST_SECTION) \
  " ELSE " G_STRINGIFY (NIMBUS_KB_BOOST_ITEM) " END"

/* The whole words of the index that begin with what the person has typed so far, the most
 * common first: "visib" stands for "visibility" and "visible". */
static GStrv
lookup_expansions (NimbusKbConn *conn,
                   const char  *prefix,
                   GError     **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;
  guint n = 0;
  /* U+10FFFF sorts after any character that can follow the prefix. */
  g_autofree char *end = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);

  stmt = nimbus_kb_prepare (conn, "SELECT term FROM (SELECT term, docs FROM terms "
                            "WHERE term >= ?1 AND term < ?2 LIMIT 512) "
                            "ORDER BY docs DESC, term LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, 4 * MAX_EXPANSIONS);
  /* Stop words say nothing: "the" does not expand to "then", "there" and "these". */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *word = (const char *) sqlite3_column_text (stmt, 0);

      if (word != NULL && n < MAX_EXPANSIONS && !nimbus_query_is_stop_word (word))
        {
          g_strv_builder_add (builder, word);
          n++;
        }
    }

  if (!nimbus_kb_step_done (conn, rc, error))
    return NULL;

  return g_strv_builder_end (builder);
}

static gboolean
expand_prefixes (NimbusKbConn *conn,
                 NimbusQuery  *query,
                 GError      **error)
{
  for (guint i = 0; i < query->terms->len; i++)
    {
      NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      if (!term->prefix)
        continue;

      /* Two letters at the end that are a word of the index ("s3", "az") are words in their
       * own right, not only the start of longer ones: they rank, and a widened search keeps
       * them. A single letter never is. */
      if (nimbus_query_term_is_short_prefix (term) && strlen (term->tokens[0]) == 1)
        continue;
      if (nimbus_query_term_is_short_prefix (term))
        {
          g_autoptr(NimbusKbStmt) stmt = nimbus_kb_prepare (conn,
                                                            "SELECT 1 FROM terms WHERE term = ?",
                                                            error);
          int rc;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, term->tokens[0], -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          term->known_word = rc == SQLITE_ROW;
          if (!term->known_word && !nimbus_kb_step_done (conn, rc, error))
            return FALSE;
          if (!term->known_word)
            continue;
        }

      g_clear_pointer (&term->expansions, g_strfreev);
      term->expansions = lookup_expansions (conn, term->tokens[0], error);
      if (term->expansions == NULL)
        return FALSE;
      g_clear_pointer (&term->phrase_forms, g_strfreev);
      term->phrase_forms =
        nimbus_kb_lexicon_distinct_stems (conn->lexicon, term->tokens[0],
                                          (const char * const *) term->expansions);
    }

  return TRUE;
}

static gboolean
contains_hit (GPtrArray  *hits,
              const char *id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      NimbusSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (nimbus_search_hit_get_id (hit), id))
        return TRUE;
    }

  return FALSE;
}

/* The hit for one document, with a snippet of its text around what the query matches. */
static NimbusSearchHit *
load_hit (NimbusKbConn       *conn,
          const NimbusQuery  *query,
          sqlite3_int64       rowid,
          GError            **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  const char *text;
  g_autofree char *snippet = NULL;
  const char *title;
  const char *kind_name;
  int kind;
  int rc;

  stmt = nimbus_kb_prepare (conn,
                            "SELECT d.id, d.kind, d.service_id, d.section_id, d.title, "
                            "  CASE d.kind WHEN 'tip' THEN s.tip ELSE s.body END, sv.name "
                            "FROM docs d JOIN search s ON s.rowid = d.rowid "
                            "  JOIN services sv ON sv.id = d.service_id WHERE d.rowid = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rowid);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (nimbus_kb_step_done (conn, rc, error))
        g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                     "The knowledge base %s is damaged (it has no document %" G_GINT64_FORMAT
                     "); rebuild or reinstall Nimbus",
                     conn->path, (gint64) rowid);
      return NULL;
    }

  /* A damaged file can hold anything: a hit needs its id, kind, service and title. */
  for (int column = 0; column <= 6; column++)
    {
      if (column != 3 && column != 5 && sqlite3_column_type (stmt, column) == SQLITE_NULL)
        {
          g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                       "The knowledge base %s is damaged (document %" G_GINT64_FORMAT
                       " is incomplete); rebuild or reinstall Nimbus", conn->path, (gint64) rowid);
          return NULL;
        }
    }

  /* Notes are the student's, never documents of the knowledge base. */
  kind_name = (const char *) sqlite3_column_text (stmt, 1);
  if (!nimbus_enum_from_nick (NIMBUS_TYPE_HIT_KIND, kind_name, &kind) ||
      kind == NIMBUS_HIT_KIND_NOTE)
    {
      g_set_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_CORRUPT,
                   "The knowledge base %s is damaged (document %" G_GINT64_FORMAT
                   " of unknown kind “%s”); rebuild or reinstall Nimbus",
                   conn->path, (gint64) rowid, kind_name);
      return NULL;
    }

  title = (const char *) sqlite3_column_text (stmt, 4);
  text = (const char *) sqlite3_column_text (stmt, 5);
  snippet = nimbus_snippet_build (text != NULL && *text != '\0' ? text : title, query,
                                  SNIPPET_WORDS);

  return nimbus_search_hit_new ((const char *) sqlite3_column_text (stmt, 0), kind,
                                (const char *) sqlite3_column_text (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 6),
                                (const char *) sqlite3_column_text (stmt, 3), title, snippet);
}

static gboolean
add_hits (NimbusKbConn      *conn,
          GArray            *rowids,
          const NimbusQuery *query,
          guint              limit,
          GPtrArray         *hits,
          GError           **error)
{
  for (guint i = 0; i < rowids->len && hits->len < limit; i++)
    {
      NimbusSearchHit *hit = load_hit (conn, query, g_array_index (rowids, sqlite3_int64, i),
                                       error);

      if (hit == NULL)
        return FALSE;
      if (contains_hit (hits, nimbus_search_hit_get_id (hit)))
        g_object_unref (hit);
      else
        g_ptr_array_add (hits, hit);
    }

  return TRUE;
}

/* One or two letters say too little to rank by: they browse the titles that begin with
 * them, services first, as an index at the back of a book would. This also keeps the
 * first keystroke fast however large the knowledge base is. */
static gboolean
browse_titles (NimbusKbConn      *conn,
               const NimbusQuery *query,
               const char        *prefix,
               guint              limit,
               GPtrArray   *hits,
               GError     **error)
{
  static const NimbusHitKind kinds[] = {
    NIMBUS_HIT_KIND_SERVICE, NIMBUS_HIT_KIND_SECTION, NIMBUS_HIT_KIND_FACT
  };
  g_autofree char *end = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));

  for (guint k = 0; k < G_N_ELEMENTS (kinds) && rowids->len < limit; k++)
    {
      g_autoptr(NimbusKbStmt) stmt = NULL;
      int rc;

      stmt = nimbus_kb_prepare (conn, "SELECT rowid FROM docs WHERE kind = ?1 AND title_key >= ?2 "
                                "AND title_key < ?3 ORDER BY title_key, rowid LIMIT ?4", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, nimbus_enum_get_nick (NIMBUS_TYPE_HIT_KIND, kinds[k]), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, end, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, limit - rowids->len);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (rowids, rowid);
        }

      if (!nimbus_kb_step_done (conn, rc, error))
        return FALSE;
    }

  return add_hits (conn, rowids, query, limit, hits, error);
}

/* What a query says beyond its words: the services it names, the one it is limited to,
 * and its words as searched after corrections. */
typedef struct
{
  GString *named;          /* ",12,40,": sidebar positions of the services it names */
  int scope;               /* the only service to search, or -1 */
  int only_service;        /* the query is nothing but this service's name, or -1 */
  gboolean corrected;
} Plan;

/* A short query naming a service ("sqs order", "Amazon Simple Queue Service", "ALB") ranks
 * that service's documents this many times higher: enough to come first on equal words,
 * not enough to beat a document the rest of the query points to clearly. Whole exam
 * questions name the services of their wrong answers too ("instead of Amazon SQS"), so
 * from NAMED_UP_TO + 1 words on, names count as words only. Both measured on
 * tests/search-eval/. */
#define NAMED_BOOST 1.5
#define NAMED_UP_TO 4
#define NAMED_SQL "CASE WHEN instr (?3, ',' || " NIMBUS_KB_ROWID_SERVICE_SQL " || ',') > 0 " \
  "THEN " G_STRINGIFY (NAMED_BOOST) " ELSE 1.0 END"
#define SCOPE_SQL "(?4 < 0 OR " NIMBUS_KB_ROWID_SERVICE_SQL " = ?4)"

/* How many documents each phrase of rank matches, for nimbus_rank () ("38 101 -1"), from
 * what the compiler counted; NULL for a connection that scores every match, which has FTS5
 * count them all, so that its ranking checks these counts too. */
static char *
phrase_counts (NimbusKbConn *conn,
               const char   *rank)
{
  g_autoptr(GArray) prefix = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GPtrArray) phrases = nimbus_query_list_phrases (rank, prefix);
  GString *counts = g_string_new (NULL);

  if (conn->score_every_match)
    return g_string_free (counts, TRUE);

  for (guint i = 0; i < phrases->len; i++)
    {
      gint64 docs = g_array_index (prefix, gboolean, i)
                    ? -1 : nimbus_kb_lexicon_phrase_docs (conn->lexicon, conn,
                                                          g_ptr_array_index (phrases, i));

      g_string_append_printf (counts, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", docs);
    }

  return g_string_free (counts, FALSE);
}

/* Appends to hits, up to limit, the documents matching the FTS5 expression "(rank) AND
 * (restrict)" (rank alone without restrict), best first: scored by bm25 over the phrases of
 * rank only (nimbus_rank (), nimbus-kb-rank.c), by kind of document and by the services
 * the query names. */
static gboolean
score_matches (NimbusKbConn       *conn,
               const NimbusQuery  *query,
               const Plan         *plan,
               const char         *rank,
               const char         *restrict_to,
               guint               limit,
               GPtrArray          *hits,
               GError            **error)
{
  g_autoptr(NimbusKbStmt) stmt = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  g_autofree char *expression = restrict_to != NULL && !g_str_equal (restrict_to, rank)
                                ? g_strdup_printf ("(%s) AND (%s)", rank, restrict_to)
                                : g_strdup (rank);
  g_autofree char *counts = phrase_counts (conn, rank);
  int rc;

  if (!nimbus_query_has_content_words (query))
    /* Stop words alone rank nothing, and counting their documents for bm25 would read
     * nearly the whole index: the first matches in document order will do. */
    stmt = nimbus_kb_prepare (conn, "SELECT search.rowid FROM search WHERE search MATCH ?1 "
                              "AND " SCOPE_SQL " LIMIT ?2", error);
  else
    stmt = nimbus_kb_prepare (conn, "SELECT search.rowid, " SCORE_SQL " * " NAMED_SQL " AS score "
                              "FROM search WHERE search MATCH ?1 AND " SCOPE_SQL
                              " ORDER BY score, search.rowid LIMIT ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit + hits->len);
  sqlite3_bind_text (stmt, 3, plan->named->str, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, plan->scope);
  sqlite3_bind_int (stmt, 5, nimbus_query_count_phrases (rank));
  sqlite3_bind_text (stmt, 6, counts, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }

  if (!nimbus_kb_step_done (conn, rc, error))
    return FALSE;

  return add_hits (conn, rowids, query, limit, hits, error);
}

/* The phrases of each term a document must hold, as nimbus_query_to_fts () writes them
 * for NIMBUS_QUERY_ALL_TERMS; a word of one or two letters being typed is its letters and
 * "*", as the postings take a prefix. */
static GPtrArray *
required_groups (const NimbusQuery *query)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean skip_stop_words = nimbus_query_has_content_words (query);

  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);
      g_autoptr(GStrvBuilder) builder = NULL;
      g_autofree char *words = NULL;

      if (skip_stop_words && term->stop_word)
        continue;

      builder = g_strv_builder_new ();
      if (nimbus_query_term_is_short_prefix (term))
        words = g_strconcat (term->tokens[0], "*", NULL);
      else if (!term->prefix)
        words = g_strjoinv (" ", term->tokens);
      g_strv_builder_add (builder, words != NULL ? words : term->tokens[0]);
      for (guint k = 0; words == NULL && term->expansions != NULL && term->expansions[k] != NULL;
           k++)
        g_strv_builder_add (builder, term->expansions[k]);
      g_ptr_array_add (groups, g_strv_builder_end (builder));
    }

  return groups;
}

/* Scores the matches of rank (and filter) into hits: from the compiler's postings
 * (nimbus-kb-postings.c), which score every match on any size of knowledge base, or where
 * they cannot (a phrase of three words), by FTS5 over every match. */
static gboolean
run_query (NimbusKbConn       *conn,
           const NimbusQuery  *query,
           const Plan         *plan,
           const char         *rank,
           const char         *filter,
           guint               limit,
           GPtrArray          *hits,
           GError            **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  g_autoptr(GPtrArray) required = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!nimbus_query_has_content_words (query) || conn->score_every_match)
    return score_matches (conn, query, plan, rank, filter, limit, hits, error);

  if (filter != NULL)
    required = required_groups (query);
  if (!nimbus_kb_postings_rank (conn, rank, required, plan->named->str, NAMED_BOOST, plan->scope,
                                limit + hits->len, rowids, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return score_matches (conn, query, plan, rank, filter, limit, hits, error);
    }

  return add_hits (conn, rowids, query, limit, hits, error);
}

/* The services a query names, longest name first ("aws elastic beanstalk" before
 * "elastic"), as ",position," items; sets plan->only_service when the names are all the
 * query has. */
static void
find_named_services (NimbusKbLexicon   *lexicon,
                     const NimbusQuery *query,
                     Plan              *plan)
{
  guint n_content = 0, n_named_content = 0;
  int only = -1;
  gboolean several = FALSE;

  for (guint i = 0; i < query->terms->len; i++)
    n_content += !((NimbusQueryTerm *) g_ptr_array_index (query->terms, i))->stop_word;

  /* Whole terms only: "SSE-KMS" is a phrase of its own, not the name KMS. */
  for (guint i = 0; i < query->terms->len;)
    {
      guint matched = 0;

      for (guint n = MIN (5, query->terms->len - i); n > 0 && matched == 0; n--)
        {
          g_autoptr(GString) name = g_string_new (NULL);
          gboolean own = FALSE;
          int position;

          for (guint k = 0; k < n; k++)
            {
              const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i + k);
              g_autofree char *words = g_strjoinv (" ", term->tokens);

              g_string_append_printf (name, "%s%s", k > 0 ? " " : "", words);
            }
          if ((position = nimbus_kb_lexicon_service (lexicon, name->str, &own)) < 0)
            continue;

          g_string_append_printf (plan->named, "%d,", position);
          /* "parameter store" alone wants that section, not the service's page. */
          several |= (only >= 0 && only != position) || !own;
          only = position;
          matched = n;
          for (guint k = 0; k < n; k++)
            n_named_content += !((NimbusQueryTerm *) g_ptr_array_index (query->terms,
                                                                        i + k))->stop_word;
        }

      i += MAX (matched, 1);
    }

  if (plan->named->len > 0)
    g_string_prepend_c (plan->named, ',');
  plan->only_service = !several && n_content > 0 && n_named_content == n_content ? only : -1;
}

/* Long questions are full of words nearly every page holds ("application", "data",
 * "scenario"): measured on this knowledge base, those that more than COMMON_SHARE of all
 * documents hold say nothing about the topic and are left out, the commonest first, as
 * long as MIN_KEPT words remain. */
#define COMMON_SHARE 0.2
#define MIN_KEPT 3

static void
drop_common_words (NimbusKbLexicon *lexicon,
                   NimbusQuery     *query)
{
  guint threshold = (guint) (COMMON_SHARE * nimbus_kb_lexicon_n_docs (lexicon));

  for (;;)
    {
      NimbusQueryTerm *commonest = NULL;
      guint kept = 0, most = threshold;

      for (guint i = 0; i < query->terms->len; i++)
        {
          NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);
          guint docs;

          if (term->stop_word)
            continue;
          kept++;
          if (term->prefix || term->tokens[1] != NULL)
            continue;
          docs = nimbus_kb_lexicon_doc_count (lexicon, term->tokens[0]);
          if (docs > most)
            {
              most = docs;
              commonest = term;
            }
        }

      if (commonest == NULL || kept <= MIN_KEPT)
        return;
      commonest->stop_word = TRUE;
    }
}

static void
replace_token (NimbusQueryTerm *term,
               const char      *word)
{
  g_free (term->tokens[0]);
  term->tokens[0] = g_strdup (word);
}

/* Words the index does not have become the nearest word it has ("visibilty" ->
 * "visibility"), and two words whose join names a service become it ("dynamo db"). The
 * word still being typed is left alone while it begins a word of the index. */
static gboolean
correct_words (NimbusKbConn    *conn,
               NimbusKbLexicon *lexicon,
               NimbusQuery     *query)
{
  gboolean corrected = FALSE;

  for (guint i = 0; i + 1 < query->terms->len; i++)
    {
      NimbusQueryTerm *a = g_ptr_array_index (query->terms, i);
      NimbusQueryTerm *b = g_ptr_array_index (query->terms, i + 1);
      g_autofree char *joined = NULL;

      if (a->tokens[1] != NULL || b->tokens[1] != NULL || a->stop_word || b->stop_word)
        continue;
      joined = g_strconcat (a->tokens[0], b->tokens[0], NULL);
      if (nimbus_kb_lexicon_service (lexicon, joined, NULL) < 0 ||
          nimbus_kb_lexicon_doc_count (lexicon, a->tokens[0]) >
            nimbus_kb_lexicon_doc_count (lexicon, joined))
        continue;

      replace_token (a, joined);
      a->prefix = b->prefix;
      g_ptr_array_remove_index (query->terms, i + 1);
      corrected = TRUE;
    }

  for (guint i = 0; i < query->terms->len; i++)
    {
      NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);
      const char *word = term->tokens[0];
      const char *nearest;

      if (term->stop_word || term->tokens[1] != NULL ||
          nimbus_kb_lexicon_doc_count (lexicon, word) > 0 ||
          nimbus_kb_lexicon_service (lexicon, word, NULL) >= 0)
        continue;

      if (term->prefix)
        {
          g_auto(GStrv) expansions = lookup_expansions (conn, word, NULL);

          if (expansions == NULL || expansions[0] != NULL)
            continue;
        }

      if ((nearest = nimbus_kb_lexicon_correct (lexicon, word)) != NULL)
        {
          replace_token (term, nearest);
          term->prefix = FALSE;
          corrected = TRUE;
        }
    }

  return corrected;
}

static char *
query_text (const NimbusQuery *query)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);
      g_autofree char *words = g_strjoinv (" ", term->tokens);

      g_string_append_printf (text, "%s%s%s%s", text->len > 0 ? " " : "",
                              term->tokens[1] != NULL ? "\"" : "", words,
                              term->tokens[1] != NULL ? "\"" : "");
    }

  return g_string_free (text, FALSE);
}

/* The service's own page, first, for a query that is only its name ("dynamodb"). */
static gboolean
add_service_page (NimbusKbConn      *conn,
                  const NimbusQuery *query,
                  int                position,
                  GPtrArray         *hits,
                  GError           **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  sqlite3_int64 rowid = NIMBUS_KB_ROWID_SERVICES +
                        ((sqlite3_int64) position << NIMBUS_KB_ROWID_SERVICE_SHIFT) + 1;

  g_array_append_val (rowids, rowid);
  return add_hits (conn, rowids, query, 1, hits, error);
}

/* Ranked hits for what a person typed. Documents holding every word come first; when they
 * are too few, documents holding any of the words follow, so that a pasted exam question
 * still finds its topic. No text makes this fail: only a damaged knowledge base does. */
static GPtrArray *
search_on (NimbusKbConn  *conn,
           const char    *text,
           const char    *scope_id,
           guint          limit,
           char         **corrected,
           GError       **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NimbusQuery) query = NULL;
  g_autoptr(GString) named = g_string_new (NULL);
  g_autofree char *typed_scope = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *all_terms = NULL;
  g_autofree char *all_ranked = NULL;
  g_autofree char *any_term = NULL;
  Plan plan = { named, -1, -1, FALSE };
  const NimbusQueryTerm *last;

  if (conn->lexicon == NULL && (conn->lexicon = nimbus_kb_lexicon_load (conn, error)) == NULL)
    return NULL;

  limit = CLAMP (limit, 1, NIMBUS_KB_MAX_LIMIT);
  rest = nimbus_query_split_scope (text, &typed_scope);
  if (scope_id == NULL)
    scope_id = typed_scope;
  if (scope_id != NULL)
    plan.scope = nimbus_kb_lexicon_service (conn->lexicon, scope_id, NULL);
  /* An unknown scope is searched for as the words it is. */
  query = nimbus_query_parse (scope_id != NULL && plan.scope < 0 ? text : rest);

  plan.corrected = correct_words (conn, conn->lexicon, query);
  if (plan.corrected && corrected != NULL)
    *corrected = query_text (query);
  if (nimbus_query_count_content (query) <= NAMED_UP_TO)
    find_named_services (conn->lexicon, query, &plan);
  drop_common_words (conn->lexicon, query);
  if (!expand_prefixes (conn, query, error))
    return NULL;

  all_terms = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_TERMS);
  all_ranked = nimbus_query_to_ranked_fts (query, NIMBUS_QUERY_ALL_RANKED);
  any_term = nimbus_query_to_ranked_fts (query, NIMBUS_QUERY_ANY_TERM);
  if (all_terms == NULL)
    return g_steal_pointer (&hits);

  if (plan.only_service >= 0 && plan.scope < 0 &&
      !add_service_page (conn, query, plan.only_service, hits, error))
    return NULL;

  /* One or two letters alone browse the titles, even a word such as "s3". */
  last = g_ptr_array_index (query->terms, query->terms->len - 1);
  if (nimbus_query_count_searched (query) == 1 && last->prefix && plan.scope < 0 &&
      strlen (last->tokens[0]) < NIMBUS_QUERY_MIN_RANKED_PREFIX)
    {
      if (!browse_titles (conn, query, last->tokens[0], limit, hits, error))
        return NULL;
    }

  /* Few titles begin so: then the prefix is rare enough to search the text for. */
  if (hits->len < limit &&
      !run_query (conn, query, &plan, all_ranked, all_terms, limit, hits, error))
    return NULL;

  /* Too few documents hold every word: widen to any of them, so that a pasted question still
   * finds its topic. */
  if (hits->len < limit && nimbus_query_count_searched (query) > 1 && any_term != NULL)
    {
      if (!run_query (conn, query, &plan, any_term, NULL, limit, hits, error))
        return NULL;
    }

  for (guint i = 0; i < hits->len; i++)
    nimbus_search_hit_set_rank (g_ptr_array_index (hits, i), i + 1);

  return g_steal_pointer (&hits);
}

/* On the thread that opened the knowledge base. */
GPtrArray *
nimbus_kb_search (NimbusKb    *self,
                  const char  *text,
                  guint        limit,
                  GError     **error)
{
  return nimbus_kb_search_scoped (self, text, NULL, limit, NULL, error);
}

/* The same, limited to one service when scope_id is given (as "in:ID" in the text does);
 * when a word was corrected, *corrected holds the query as searched ("visibility
 * timeout"), else NULL. */
GPtrArray *
nimbus_kb_search_scoped (NimbusKb    *self,
                         const char  *text,
                         const char  *scope_id,
                         guint        limit,
                         char       **corrected,
                         GError     **error)
{
  g_return_val_if_fail (NIMBUS_IS_KB (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (corrected != NULL)
    *corrected = NULL;

  return search_on (nimbus_kb_get_conn (self), text, scope_id, limit, corrected, error);
}

typedef struct
{
  char *text;
  guint limit;
  char *corrected;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->text);
  g_free (data->corrected);
  g_free (data);
}

/* SQLite calls this every few thousand steps: a superseded search stops at once. */
static int
check_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* Each search in a worker runs on a connection of its own from the pool: the knowledge
 * base is immutable, so connections share nothing, not even a lock. */
static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  GPtrArray *hits = NULL;
  NimbusKbConn *conn;

  if (g_task_return_error_if_cancelled (task))
    return;

  conn = nimbus_kb_acquire_conn (source_object, &error);
  if (conn != NULL)
    {
      if (cancellable != NULL)
        sqlite3_progress_handler (conn->db, 1000, check_cancelled, cancellable);
      hits = search_on (conn, data->text, NULL, data->limit, &data->corrected, &error);
      sqlite3_progress_handler (conn->db, 0, NULL, NULL);
      nimbus_kb_release_conn (source_object, conn);
    }

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_error (&error);
      g_clear_pointer (&hits, g_ptr_array_unref);
    }
  else if (hits == NULL)
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

/* The hits, a list model of NimbusSearchHit; *corrected as nimbus_kb_search_scoped () gives
 * it. */
GListModel *
nimbus_kb_search_finish (NimbusKb      *self,
                         GAsyncResult  *result,
                         char         **corrected,
                         GError       **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  GListStore *model;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  hits = g_task_propagate_pointer (G_TASK (result), error);
  if (corrected != NULL)
    {
      SearchData *data = g_task_get_task_data (G_TASK (result));

      *corrected = hits != NULL ? g_strdup (data->corrected) : NULL;
    }
  if (hits == NULL)
    return NULL;

  model = g_list_store_new (NIMBUS_TYPE_SEARCH_HIT);
  g_list_store_splice (model, 0, 0, hits->pdata, hits->len);
  return G_LIST_MODEL (model);
}
