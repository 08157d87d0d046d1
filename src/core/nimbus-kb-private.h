/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>
#include <math.h>
#include <sqlite3.h>

#include "nimbus-kb.h"

G_BEGIN_DECLS

/* Bumped whenever the tables below change; the reader refuses any other version.
 *
 * stems and stem_pairs are for ranking: how many documents hold each stem of the index, and
 * each two stems in a row in one column, counted by the compiler with the index's own
 * tokenizer, so that bm25's IDF needs no read of a doclist (nimbus-kb-rank.c); and their
 * postings, the documents holding them with how often (nimbus-kb-postings.c), which
 * ranked_docs completes with the length of each document and prefixes with the documents
 * a word of one or two letters being typed matches. */
#define NIMBUS_KB_SCHEMA_VERSION "8"

/* Column order of the search table, and the weight bm25 gives each. */
#define NIMBUS_KB_SEARCH_COLUMNS "title, keywords, tip, body, context"
#define NIMBUS_KB_N_SEARCH_COLUMNS 5
#define NIMBUS_KB_WEIGHT_TITLE 10.0
#define NIMBUS_KB_WEIGHT_KEYWORDS 6.0
#define NIMBUS_KB_WEIGHT_TIP 4.0
#define NIMBUS_KB_WEIGHT_BODY 1.0
#define NIMBUS_KB_WEIGHT_CONTEXT 1.5
#define NIMBUS_KB_SEARCH_WEIGHTS \
  G_STRINGIFY (NIMBUS_KB_WEIGHT_TITLE) ", " G_STRINGIFY (NIMBUS_KB_WEIGHT_KEYWORDS) ", " \
  G_STRINGIFY (NIMBUS_KB_WEIGHT_TIP) ", " G_STRINGIFY (NIMBUS_KB_WEIGHT_BODY) ", " \
  G_STRINGIFY (NIMBUS_KB_WEIGHT_CONTEXT)
/* bm25's parameters, as FTS5's own bm25 (). */
#define NIMBUS_KB_BM25_K1 1.2
#define NIMBUS_KB_BM25_B 0.75
/* bm25 scores are negative: a larger boost ranks a kind of document higher. A section is
 * what a person reads, so it comes before the facts and tips inside it. */
#define NIMBUS_KB_BOOST_SERVICE 1.2
#define NIMBUS_KB_BOOST_SECTION 1.5
#define NIMBUS_KB_BOOST_ITEM 1.0
/* Documents are numbered by kind, services first, then sections, then facts and tips, each
 * kind in sidebar order. Search ranks only the first matches in that order, so a huge
 * knowledge base costs no more per keystroke than a small one (see nimbus-kb.c). */
#define NIMBUS_KB_ROWID_SERVICES 0
#define NIMBUS_KB_ROWID_SECTIONS (G_GINT64_CONSTANT (1) << 32)
#define NIMBUS_KB_ROWID_ITEMS (G_GINT64_CONSTANT (2) << 32)
/* Inside a kind, bits 16 to 31 hold the service's position in the sidebar, so search can
 * favour or keep one service's documents without a join. */
#define NIMBUS_KB_ROWID_SERVICE_SHIFT 16
#define NIMBUS_KB_ROWID_SERVICE_SQL "((search.rowid >> 16) & 65535)"

#define NIMBUS_KB_TOKENIZER "unicode61 remove_diacritics 2"

#define NIMBUS_KB_SCHEMA \
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;" \
  "CREATE TABLE categories (id TEXT PRIMARY KEY, name TEXT NOT NULL," \
  "  position INTEGER NOT NULL UNIQUE) WITHOUT ROWID;" \
  "CREATE TABLE services (id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT NOT NULL," \
  "  category_id TEXT NOT NULL REFERENCES categories (id), summary TEXT NOT NULL," \
  "  position INTEGER NOT NULL UNIQUE) WITHOUT ROWID;" \
  "CREATE TABLE exams (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE," \
  "  name TEXT NOT NULL, short_name TEXT NOT NULL) WITHOUT ROWID;" \
  "CREATE TABLE exam_domains (exam_id TEXT NOT NULL REFERENCES exams (id)," \
  "  number INTEGER NOT NULL, name TEXT NOT NULL, weight INTEGER NOT NULL," \
  "  PRIMARY KEY (exam_id, number)) WITHOUT ROWID;" \
  "CREATE TABLE service_exams (service_id TEXT NOT NULL REFERENCES services (id)," \
  "  exam_id TEXT NOT NULL REFERENCES exams (id), position INTEGER NOT NULL," \
  "  PRIMARY KEY (service_id, exam_id)) WITHOUT ROWID;" \
  "CREATE TABLE keywords (owner_id TEXT NOT NULL, position INTEGER NOT NULL," \
  "  keyword TEXT NOT NULL, PRIMARY KEY (owner_id, position)) WITHOUT ROWID;" \
  "CREATE TABLE sections (id TEXT PRIMARY KEY, service_id TEXT NOT NULL REFERENCES services (id)," \
  "  position INTEGER NOT NULL, title TEXT NOT NULL) WITHOUT ROWID;" \
  "CREATE INDEX sections_by_service ON sections (service_id, position);" \
  "CREATE TABLE blocks (section_id TEXT NOT NULL REFERENCES sections (id)," \
  "  position INTEGER NOT NULL, type TEXT NOT NULL, item_id TEXT UNIQUE, text TEXT, name TEXT," \
  "  ordered INTEGER NOT NULL DEFAULT 0, label TEXT, value TEXT, unit TEXT, limits TEXT," \
  "  note TEXT, previous_value TEXT, previous_unit TEXT, previous_until TEXT," \
  "  PRIMARY KEY (section_id, position)) WITHOUT ROWID;" \
  "CREATE TABLE block_cells (section_id TEXT NOT NULL, block_position INTEGER NOT NULL," \
  "  row INTEGER NOT NULL, col INTEGER NOT NULL, text TEXT NOT NULL," \
  "  PRIMARY KEY (section_id, block_position, row, col)) WITHOUT ROWID;" \
  "CREATE TABLE sources (section_id TEXT NOT NULL REFERENCES sections (id)," \
  "  position INTEGER NOT NULL, url TEXT NOT NULL, title TEXT, checked TEXT NOT NULL," \
  "  PRIMARY KEY (section_id, position)) WITHOUT ROWID;" \
  "CREATE TABLE related (service_id TEXT NOT NULL REFERENCES services (id)," \
  "  position INTEGER NOT NULL, related_id TEXT NOT NULL REFERENCES services (id)" \
  "    DEFERRABLE INITIALLY DEFERRED," \
  "  PRIMARY KEY (service_id, position)) WITHOUT ROWID;" \
  "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL," \
  "  service_id TEXT NOT NULL, section_id TEXT, title TEXT NOT NULL," \
  "  title_key TEXT NOT NULL);" \
  "CREATE INDEX docs_by_title ON docs (kind, title_key);" \
  "CREATE VIRTUAL TABLE search USING fts5 (" NIMBUS_KB_SEARCH_COLUMNS "," \
  "  tokenize = 'porter " NIMBUS_KB_TOKENIZER "', prefix = '1 2');" \
  "CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;" \
  "CREATE TABLE stems (stem TEXT PRIMARY KEY, docs INTEGER NOT NULL," \
  "  postings BLOB NOT NULL) WITHOUT ROWID;" \
  "CREATE TABLE stem_pairs (first TEXT NOT NULL, second TEXT NOT NULL," \
  "  docs INTEGER NOT NULL, postings BLOB NOT NULL, PRIMARY KEY (first, second)) WITHOUT ROWID;" \
  "CREATE TABLE ranked_docs (id INTEGER PRIMARY KEY CHECK (id = 0)," \
  "  rowids BLOB NOT NULL, lengths BLOB NOT NULL);" \
  "CREATE TABLE prefixes (prefix TEXT PRIMARY KEY, docs BLOB NOT NULL) WITHOUT ROWID;" \
  "CREATE TABLE aliases (alias TEXT PRIMARY KEY," \
  " service_id TEXT NOT NULL REFERENCES services (id)," \
  "  service_position INTEGER NOT NULL, own_name INTEGER NOT NULL) WITHOUT ROWID;" \
  NIMBUS_KB_QUESTIONS_SCHEMA

/* Practice questions, apart from the search documents: no question is a search hit. */
#define NIMBUS_KB_QUESTIONS_SCHEMA \
  "CREATE TABLE questions (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE," \
  "  service_id TEXT NOT NULL REFERENCES services (id), stem TEXT NOT NULL," \
  "  choose INTEGER NOT NULL) WITHOUT ROWID;" \
  "CREATE TABLE question_options (question_id TEXT NOT NULL REFERENCES questions (id)," \
  "  position INTEGER NOT NULL, text TEXT NOT NULL, correct INTEGER NOT NULL," \
  "  why TEXT NOT NULL, PRIMARY KEY (question_id, position)) WITHOUT ROWID;" \
  "CREATE TABLE question_exams (question_id TEXT NOT NULL REFERENCES questions (id)," \
  "  exam_id TEXT NOT NULL REFERENCES exams (id), domain INTEGER NOT NULL," \
  "  PRIMARY KEY (question_id, exam_id)) WITHOUT ROWID;" \
  "CREATE INDEX question_exams_by_domain ON question_exams (exam_id, domain);" \
  "CREATE TABLE question_sections (question_id TEXT NOT NULL REFERENCES questions (id)," \
  "  position INTEGER NOT NULL, section_id TEXT NOT NULL REFERENCES sections (id)," \
  "  PRIMARY KEY (question_id, position)) WITHOUT ROWID;" \
  "CREATE INDEX question_sections_by_section ON question_sections (section_id);"

/* A posting, in the postings of stems and stem_pairs: the document's index in ranked_docs
 * (whose rowids are in order) as a 32-bit integer and the phrase's frequency there as a
 * 32-bit float, each instance counted with its column's weight; both little-endian, the
 * postings in index order. ranked_docs holds the rowids as 64-bit integers and the lengths
 * in tokens as 32-bit ones, little-endian. prefixes holds, for the first one and two bytes
 * of every stem (whole characters), the documents holding a stem that begins so, as a
 * bitmap over those indexes (bit i is bit i % 8 of byte i / 8): what FTS5's prefix query
 * of one or two letters matches. */
#define NIMBUS_KB_POSTING_SIZE 8
#define NIMBUS_KB_MAX_SHORT_PREFIX 2

/* bm25's IDF of a phrase that n_hits of n_rows documents hold, and what it adds to a
 * document's score: one definition for nimbus_rank () and the postings, so that both give
 * the same bits. */
static inline double
nimbus_kb_bm25_idf (gint64 n_rows,
                    gint64 n_hits)
{
  double idf = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));

  return idf > 1e-6 ? idf : 1e-6;
}

static inline double
nimbus_kb_bm25_term (double idf,
                     double freq,
                     int    length,
                     double avg_length)
{
  return idf * freq * (NIMBUS_KB_BM25_K1 + 1) /
         (freq + NIMBUS_KB_BM25_K1 * (1 - NIMBUS_KB_BM25_B +
                                      NIMBUS_KB_BM25_B * length / avg_length));
}

/* A statement borrowed from the cache: going out of scope resets it for the next use. */
typedef sqlite3_stmt NimbusKbStmt;

static inline void
nimbus_kb_stmt_release (NimbusKbStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusKbStmt, nimbus_kb_stmt_release)

/* One read-only connection to the knowledge base, with its cached statements. A connection
 * is used by one thread at a time: the main one belongs to the thread that opened the
 * knowledge base, workers borrow one from a pool. */
typedef struct _NimbusKbLexicon NimbusKbLexicon;
typedef struct _NimbusKbPostings NimbusKbPostings;

typedef struct
{
  sqlite3 *db;
  GHashTable *statements;  /* SQL -> sqlite3_stmt */
  const char *path;        /* owned by the NimbusKb */
  NimbusKbLexicon *lexicon; /* loaded on the first search (nimbus-kb-lexicon.c) */
  NimbusKbPostings *postings; /* loaded on the first ranked search (nimbus-kb-postings.c) */
  gboolean score_every_match; /* for tests: no candidates, however many match */
} NimbusKbConn;

NimbusKbStmt *nimbus_kb_prepare       (NimbusKbConn  *conn,
                                       const char    *sql,
                                       GError       **error);
gboolean      nimbus_kb_step_done     (NimbusKbConn  *conn,
                                       int            rc,
                                       GError       **error);
gboolean      nimbus_kb_set_corrupt   (NimbusKbConn  *conn,
                                       GError       **error);
gboolean      nimbus_kb_set_damaged   (NimbusKbConn  *conn,
                                       const char    *what,
                                       GError       **error);
char         *nimbus_kb_column_dup    (sqlite3_stmt  *stmt,
                                       int            column);
NimbusKbConn *nimbus_kb_get_conn      (NimbusKb      *self);
void          nimbus_kb_set_score_every_match (NimbusKb *self,
                                               gboolean  every);
NimbusKbConn *nimbus_kb_acquire_conn  (NimbusKb      *self,
                                       GError       **error);
void          nimbus_kb_release_conn  (NimbusKb      *self,
                                       NimbusKbConn  *conn);

gboolean nimbus_kb_rank_register (sqlite3  *db,
                                  GError  **error);

typedef struct _NimbusKbStemmer NimbusKbStemmer;

NimbusKbStemmer *nimbus_kb_stemmer_new  (sqlite3         *db);
void             nimbus_kb_stemmer_free (NimbusKbStemmer *stemmer);
gboolean         nimbus_kb_stemmer_stem (NimbusKbStemmer *stemmer,
                                         const char      *text,
                                         GPtrArray       *stems);

/* The knowledge base's words and service names, for search (nimbus-kb-lexicon.c). */
NimbusKbLexicon *nimbus_kb_lexicon_load          (NimbusKbConn          *conn,
                                                  GError               **error);
void             nimbus_kb_lexicon_free          (NimbusKbLexicon       *lexicon);
guint            nimbus_kb_lexicon_doc_count     (NimbusKbLexicon       *lexicon,
                                                  const char            *word);
guint            nimbus_kb_lexicon_n_docs        (NimbusKbLexicon       *lexicon);
int              nimbus_kb_lexicon_service       (NimbusKbLexicon       *lexicon,
                                                  const char            *name,
                                                  gboolean              *own_name);
const char      *nimbus_kb_lexicon_correct       (NimbusKbLexicon       *lexicon,
                                                  const char            *word);
GStrv            nimbus_kb_lexicon_distinct_stems (NimbusKbLexicon   *lexicon,
                                                  const char            *word,
                                                  const char * const    *words);
gint64           nimbus_kb_lexicon_phrase_docs   (NimbusKbLexicon       *lexicon,
                                                  NimbusKbConn          *conn,
                                                  const char            *phrase);
gboolean         nimbus_kb_lexicon_phrase_postings (NimbusKbLexicon     *lexicon,
                                                  const char            *phrase,
                                                  GBytes               **postings,
                                                  GError               **error);

/* Ranking from the compiler's postings rather than the index (nimbus-kb-postings.c). */
void     nimbus_kb_postings_free (NimbusKbPostings *postings);
gboolean nimbus_kb_postings_rank (NimbusKbConn     *conn,
                                  const char       *rank,
                                  GPtrArray        *required,
                                  const char       *named,
                                  double            named_boost,
                                  int               scope,
                                  guint             n,
                                  GArray           *rowids,
                                  GError          **error);

G_END_DECLS
