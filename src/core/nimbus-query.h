/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NIMBUS_QUERY_MAX_TERMS 32
#define NIMBUS_QUERY_MAX_TOKEN_BYTES 64

/* A word still being typed ranks only once it is this long: "t" matches too much to say
 * anything about relevance, so "visibility t" is ranked by "visibility". */
#define NIMBUS_QUERY_MIN_RANKED_PREFIX 3

/* Adjacent words rank as phrases in queries of up to this many words; a whole question is
 * ranked by its words (measured on tests/search-eval/: phrases there cost and gain nothing). */
#define NIMBUS_QUERY_MAX_PHRASED 6

typedef enum
{
  NIMBUS_QUERY_ALL_TERMS,   /* documents holding every term: what search finds first */
  NIMBUS_QUERY_ALL_RANKED,  /* every term but a short prefix: what ranks those */
  NIMBUS_QUERY_ANY_TERM,    /* any term but a short prefix: what widens a search, and ranks it */
} NimbusQueryMode;

typedef struct
{
  GStrv tokens;       /* folded words; more than one for a quoted phrase */
  gboolean prefix;    /* the last word, still being typed */
  gboolean stop_word;
  gboolean known_word; /* a short last word that is a whole word of the index ("s3") */
  GStrv expansions;   /* whole words the prefix stands for, filled in from the KB */
  GStrv phrase_forms; /* the prefix and its expansions, one for each stem, for phrases */
} NimbusQueryTerm;

/* What a person typed, turned into terms that can only ever be searched for as text. */
typedef struct
{
  GPtrArray *terms;   /* NimbusQueryTerm */
} NimbusQuery;

NimbusQuery *nimbus_query_parse          (const char        *text);
void         nimbus_query_free           (NimbusQuery       *query);
guint        nimbus_query_count_searched (const NimbusQuery *query);
guint        nimbus_query_count_content  (const NimbusQuery *query);
gboolean     nimbus_query_has_content_words (const NimbusQuery *query);
gboolean     nimbus_query_term_is_short_prefix (const NimbusQueryTerm *term);
char        *nimbus_query_to_fts         (const NimbusQuery *query,
                                          NimbusQueryMode    mode);
char        *nimbus_query_term_to_fts    (const NimbusQueryTerm *term);
guint        nimbus_query_count_phrases  (const char        *fts);
GPtrArray   *nimbus_query_list_phrases   (const char        *fts,
                                          GArray            *prefix);
char        *nimbus_query_to_ranked_fts  (const NimbusQuery *query,
                                          NimbusQueryMode    mode);
char        *nimbus_query_fold           (const char        *word,
                                          gssize             len);
char        *nimbus_query_fold_phrase    (const char        *text);
char        *nimbus_query_split_scope    (const char        *text,
                                          char             **scope);
gboolean     nimbus_query_is_stop_word   (const char        *folded);
gboolean     nimbus_query_matches_word   (const NimbusQuery *query,
                                          const char        *folded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusQuery, nimbus_query_free)

G_END_DECLS
