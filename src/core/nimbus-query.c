/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-query"

#include "config.h"

#include <string.h>

#include "nimbus-query.h"

/* Sorted, for bsearch. Dropped from queries that have other words, so that a pasted
 * exam question is matched on the words that carry its meaning. */
static const char * const stop_words[] = {
  "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
  "be", "because", "been", "before", "being", "best", "between", "both", "but", "by",
  "can", "could", "did", "do", "does", "doing", "each", "few", "for", "from", "had",
  "has", "have", "having", "he", "her", "here", "his", "how", "i", "if", "in", "into",
  "is", "it", "its", "itself", "just", "me", "more", "most", "must", "my", "near",
  "need", "needs", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other",
  "our", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
  "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
  "through", "to", "too", "under", "until", "up", "use", "very", "want", "wants", "was",
  "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
  "with", "would", "you", "your",
};

static int
compare_words (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
nimbus_query_is_stop_word (const char *folded)
{
  g_return_val_if_fail (folded != NULL, FALSE);

  return bsearch (&folded, stop_words, G_N_ELEMENTS (stop_words),
                  sizeof (char *), compare_words) != NULL;
}

static void
nimbus_query_term_free (NimbusQueryTerm *term)
{
  g_strfreev (term->tokens);
  g_strfreev (term->expansions);
  g_strfreev (term->phrase_forms);
  g_free (term);
}

void
nimbus_query_free (NimbusQuery *query)
{
  if (query == NULL)
    return;

  g_ptr_array_unref (query->terms);
  g_free (query);
}

/* The characters the index's unicode61 tokenizer keeps inside a word. */
static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Lower case without diacritics, as the index folds words ("Café" -> "cafe"), cut to
 * NIMBUS_QUERY_MAX_TOKEN_BYTES on a character boundary. */
char *
nimbus_query_fold (const char *word,
                   gssize      len)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  g_return_val_if_fail (word != NULL, NULL);

  if (len < 0)
    len = strlen (word);

  /* Most words are ASCII: no need to decompose them. */
  {
    gboolean ascii = TRUE;

    for (gssize i = 0; i < len && ascii; i++)
      ascii = (guchar) word[i] < 0x80;
    if (ascii)
      return g_ascii_strdown (word, MIN (len, NIMBUS_QUERY_MAX_TOKEN_BYTES));
  }

  decomposed = g_utf8_normalize (word, len, G_NORMALIZE_NFD);
  folded = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[6];
      int n;

      if (g_unichar_ismark (c))
        continue;

      n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);
      if (folded->len + n > NIMBUS_QUERY_MAX_TOKEN_BYTES)
        break;

      g_string_append_len (folded, buf, n);
    }

  return g_string_free (folded, FALSE);
}

static void
add_term (NimbusQuery *query,
          GPtrArray   *tokens,
          gboolean     prefix)
{
  NimbusQueryTerm *term;

  if (tokens->len == 0 || query->terms->len >= NIMBUS_QUERY_MAX_TERMS)
    {
      g_ptr_array_set_size (tokens, 0);
      return;
    }

  term = g_new0 (NimbusQueryTerm, 1);
  term->prefix = prefix && tokens->len == 1;
  /* A stop word being typed is still a stop word: "what is the" waits for a real word. */
  term->stop_word = tokens->len == 1 &&
                    nimbus_query_is_stop_word (g_ptr_array_index (tokens, 0));
  g_ptr_array_add (tokens, NULL);
  term->tokens = (GStrv) g_ptr_array_steal (tokens, NULL);
  g_ptr_array_add (query->terms, term);
}

/* Words outside quotes are terms of their own; the words between a pair of quotes make one
 * phrase (an unclosed quote runs to the end). Every other character only separates words.
 * The last word is a prefix when nothing follows it: the person is still typing it. */
NimbusQuery *
nimbus_query_parse (const char *text)
{
  g_autoptr(NimbusQuery) query = g_new0 (NimbusQuery, 1);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = NULL;
  gboolean in_quote = FALSE;
  const char *p;

  query->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) nimbus_query_term_free);
  valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (p = valid; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        {
          const char *start = p;
          char *folded;

          while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);

          folded = nimbus_query_fold (start, p - start);
          if (*folded == '\0')
            g_free (folded);
          else
            g_ptr_array_add (tokens, folded);

          /* Words joined by a dash are one phrase: "us-east-1", "X-Forwarded-For". */
          if (*p == '-' && p[1] != '\0' && is_word_char (g_utf8_get_char (p + 1)) &&
              tokens->len > 0)
            {
              p++;
              continue;
            }

          if (!in_quote)
            add_term (query, tokens, *p == '\0');
          continue;
        }

      if (c == '"')
        {
          if (in_quote)
            add_term (query, tokens, FALSE);
          in_quote = !in_quote;
        }

      p = g_utf8_next_char (p);
    }

  add_term (query, tokens, FALSE);

  return g_steal_pointer (&query);
}

/* Has the query a word that is not a stop word? Without one, ranking says nothing. */
gboolean
nimbus_query_has_content_words (const NimbusQuery *query)
{
  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      if (!term->stop_word)
        return TRUE;
    }

  return FALSE;
}

/* How many terms a search uses: stop words count only when there is nothing else. */
guint
nimbus_query_count_searched (const NimbusQuery *query)
{
  gboolean skip_stop_words;
  guint n = 0;

  g_return_val_if_fail (query != NULL, 0);

  skip_stop_words = nimbus_query_has_content_words (query);
  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      if (!(skip_stop_words && term->stop_word))
        n++;
    }

  return n;
}

static void
append_quoted (GString    *fts,
               const char *word)
{
  g_string_append_c (fts, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (fts, '"');
      g_string_append_c (fts, *p);
    }
  g_string_append_c (fts, '"');
}

/* A word of one or two letters still being typed: it begins too many words to rank by. */
gboolean
nimbus_query_term_is_short_prefix (const NimbusQueryTerm *term)
{
  g_return_val_if_fail (term != NULL, FALSE);

  return term->prefix && !term->known_word &&
         strlen (term->tokens[0]) < NIMBUS_QUERY_MIN_RANKED_PREFIX;
}

static void
append_term (GString               *fts,
             const NimbusQueryTerm *term)
{
  if (nimbus_query_term_is_short_prefix (term))
    {
      /* One or two letters begin too many words to list: the index's prefix index
       * matches them. A stem begins as its word does, so nothing is missed. */
      append_quoted (fts, term->tokens[0]);
      g_string_append_c (fts, '*');
      return;
    }

  if (term->prefix)
    {
      /* The expansions are the whole words the prefix begins, from the unstemmed
       * vocabulary: the stemmed index could not match "visibilit" to "visibl". The word as
       * typed is searched whole too ("timeouts" -> "timeout"). */
      g_string_append_c (fts, '(');
      append_quoted (fts, term->tokens[0]);
      for (guint i = 0; term->expansions != NULL && term->expansions[i] != NULL; i++)
        {
          g_string_append (fts, " OR ");
          append_quoted (fts, term->expansions[i]);
        }
      g_string_append_c (fts, ')');
      return;
    }

  for (guint i = 0; term->tokens[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (fts, " + ");
      append_quoted (fts, term->tokens[i]);
    }
}

/* "in:sqs fifo" searches the SQS page only: the text without its scope, and the scope's
 * service id (lower case) in *scope, or NULL when there is none. The first scope counts. */
char *
nimbus_query_split_scope (const char  *text,
                          char       **scope)
{
  GString *rest = g_string_new (NULL);
  const char *p = text != NULL ? text : "";

  *scope = NULL;
  while (*p != '\0')
    {
      const char *end;

      if ((p == text || g_ascii_isspace (p[-1])) && g_ascii_strncasecmp (p, "in:", 3) == 0)
        {
          for (end = p + 3; g_ascii_isalnum (*end) || *end == '-'; end++)
            ;
          if (end > p + 3 && (*end == '\0' || g_ascii_isspace (*end)))
            {
              if (*scope == NULL)
                *scope = g_ascii_strdown (p + 3, end - (p + 3));
              p = end;
              continue;
            }
        }
      g_string_append_c (rest, *p++);
    }

  return g_string_free (rest, FALSE);
}

/* Text folded as search folds it, its words joined by single spaces: "Amazon SQS" and
 * "amazon  sqs" are both "amazon sqs". */
char *
nimbus_query_fold_phrase (const char *text)
{
  g_autoptr(NimbusQuery) query = nimbus_query_parse (text);
  g_autoptr(GString) folded = g_string_new (NULL);

  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      for (guint j = 0; term->tokens[j] != NULL; j++)
        g_string_append_printf (folded, "%s%s", folded->len > 0 ? " " : "", term->tokens[j]);
    }

  return g_strdup (folded->str);
}

/* How many words of the query are searched for their meaning: not stop words, not a
 * word still being typed that is too short to rank. */
guint
nimbus_query_count_content (const NimbusQuery *query)
{
  guint n = 0;

  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      n += !term->stop_word && !nimbus_query_term_is_short_prefix (term);
    }

  return n;
}

/* How many phrases an expression of nimbus_query_to_fts () holds, in FTS5's sense: quoted
 * strings, those joined by + counting once. */
guint
nimbus_query_count_phrases (const char *fts)
{
  guint quoted = 0, joins = 0;
  gboolean in_quote = FALSE;

  for (const char *p = fts; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        {
          if (in_quote && p[1] == '"')
            p++;  /* "" is a quote inside the string */
          else
            {
              quoted += !in_quote;
              in_quote = !in_quote;
            }
        }
      else if (!in_quote && *p == '+')
        joins++;
    }

  return quoted - MIN (joins, quoted);
}

/* The phrases of an expression of nimbus_query_to_fts () in FTS5's order, each as its
 * words joined by spaces, and whether its last word is a prefix ("visibility tim" *). */
GPtrArray *
nimbus_query_list_phrases (const char *fts,
                           GArray     *prefix)
{
  GPtrArray *phrases = g_ptr_array_new_with_free_func (g_free);
  GString *phrase = NULL;
  gboolean joined = FALSE;

  g_return_val_if_fail (prefix != NULL, phrases);
  g_array_set_size (prefix, 0);

  for (const char *p = fts; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        {
          GString *word = g_string_new (NULL);

          for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p++)
            {
              if (*p == '"')
                p++;  /* "" is a quote inside the string */
              g_string_append_c (word, *p);
            }

          if (phrase != NULL && joined)
            g_string_append_printf (phrase, " %s", word->str);
          else
            {
              gboolean no = FALSE;

              if (phrase != NULL)
                g_ptr_array_add (phrases, g_string_free (phrase, FALSE));
              phrase = g_string_new (word->str);
              g_array_append_val (prefix, no);
            }
          g_string_free (word, TRUE);
          joined = FALSE;
          if (*p == '\0')
            break;
        }
      else if (*p == '+')
        joined = TRUE;
      else if (*p == '*' && phrase != NULL)
        g_array_index (prefix, gboolean, prefix->len - 1) = TRUE;
      else if (*p == '{')
        {
          /* A column filter names columns, not words. */
          while (*p != '\0' && *p != '}')
            p++;
          if (*p == '\0')
            break;
        }
      else if (!g_ascii_isspace (*p))
        joined = FALSE;
    }

  if (phrase != NULL)
    g_ptr_array_add (phrases, g_string_free (phrase, FALSE));

  return phrases;
}

/* One term as an FTS5 expression, as nimbus_query_to_fts () writes it. */
char *
nimbus_query_term_to_fts (const NimbusQueryTerm *term)
{
  GString *fts = g_string_new (NULL);

  append_term (fts, term);
  return g_string_free (fts, FALSE);
}

/* An FTS5 expression in which every word is a quoted string, so nothing the person typed
 * is ever read as FTS5 syntax. NULL when there is nothing to search for. */
char *
nimbus_query_to_fts (const NimbusQuery *query,
                     NimbusQueryMode    mode)
{
  gboolean skip_stop_words;
  gboolean skip_short_prefix = FALSE;
  GString *fts;

  g_return_val_if_fail (query != NULL, NULL);

  skip_stop_words = nimbus_query_has_content_words (query);
  if (mode != NIMBUS_QUERY_ALL_TERMS)
    {
      for (guint i = 0; i < query->terms->len; i++)
        {
          const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

          if (!nimbus_query_term_is_short_prefix (term) && !(skip_stop_words && term->stop_word))
            skip_short_prefix = TRUE;
        }
    }

  fts = g_string_new (NULL);
  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      if ((skip_stop_words && term->stop_word) ||
          (skip_short_prefix && nimbus_query_term_is_short_prefix (term)))
        continue;

      if (fts->len > 0)
        g_string_append (fts, mode == NIMBUS_QUERY_ANY_TERM ? " OR " : " AND ");
      append_term (fts, term);
    }

  if (fts->len == 0)
    {
      g_string_free (fts, TRUE);
      return NULL;
    }

  return g_string_free (fts, FALSE);
}

static gboolean
is_phrase_word (const NimbusQueryTerm *term)
{
  return !term->stop_word && !term->prefix && term->tokens[0] != NULL && term->tokens[1] == NULL;
}

/* The expression of mode, plus each pair of adjacent words as a phrase, so that documents
 * holding "visibility timeout" rank above those holding the two words apart; the phrases
 * never change which documents match. */
char *
nimbus_query_to_ranked_fts (const NimbusQuery *query,
                            NimbusQueryMode    mode)
{
  g_autofree char *base = nimbus_query_to_fts (query, mode);
  GString *fts;

  g_return_val_if_fail (mode != NIMBUS_QUERY_ALL_TERMS, NULL);

  /* A whole question is ranked by its words: phrases of it would cost a read of every
   * matching document's positions twice over for little. */
  if (base == NULL || !nimbus_query_has_content_words (query) ||
      nimbus_query_count_content (query) > NIMBUS_QUERY_MAX_PHRASED)
    return g_steal_pointer (&base);

  fts = g_string_new (base);
  for (guint i = 0; i + 1 < query->terms->len; i++)
    {
      const NimbusQueryTerm *a = g_ptr_array_index (query->terms, i);
      const NimbusQueryTerm *b = g_ptr_array_index (query->terms, i + 1);

      gboolean b_typed = b->prefix && !b->stop_word && !nimbus_query_term_is_short_prefix (b);

      /* The word being typed ends a phrase as a prefix: "visibility tim" favours
       * "visibility timeout" over pages with "visibility" and many "timers". */
      if (!is_phrase_word (a) || !(is_phrase_word (b) || b_typed))
        continue;

      g_string_append (fts, mode == NIMBUS_QUERY_ANY_TERM ? " OR (" : " AND (");
      if (b_typed && b->phrase_forms != NULL && b->phrase_forms[0] != NULL)
        {
          /* Whole words, one of each stem, rather than a prefix: a prefix phrase makes
           * FTS5 merge the doclists of every word it begins, which on a large knowledge
           * base costs more than the rest of the search. */
          for (guint k = 0; b->phrase_forms[k] != NULL; k++)
            {
              g_string_append (fts, k > 0 ? " OR " : "");
              append_quoted (fts, a->tokens[0]);
              g_string_append (fts, " + ");
              append_quoted (fts, b->phrase_forms[k]);
            }
        }
      else
        {
          append_quoted (fts, a->tokens[0]);
          g_string_append (fts, " + ");
          append_quoted (fts, b->tokens[0]);
          if (b_typed)
            g_string_append (fts, " *");
        }
      if (mode != NIMBUS_QUERY_ANY_TERM)
        {
          g_string_append (fts, " OR ");
          append_quoted (fts, a->tokens[0]);
        }
      g_string_append_c (fts, ')');
    }

  return g_string_free (fts, FALSE);
}

static gboolean
word_matches_token (const char *word,
                    const char *token)
{
  /* A typed word matches the words it begins ("poll" -> "polling"); a longer typed form
   * matches the word it extends ("timeouts" -> "timeout"), as stemming would. */
  return g_str_has_prefix (word, token) ||
         (strlen (word) >= 4 && g_str_has_prefix (token, word) &&
          strlen (token) - strlen (word) <= 2);
}

/* Does a folded word of the text match one of the searched terms? For highlighting. */
gboolean
nimbus_query_matches_word (const NimbusQuery *query,
                           const char        *folded)
{
  gboolean skip_stop_words;

  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (folded != NULL, FALSE);

  if (*folded == '\0')
    return FALSE;

  skip_stop_words = nimbus_query_has_content_words (query);
  for (guint i = 0; i < query->terms->len; i++)
    {
      const NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      if (skip_stop_words && term->stop_word)
        continue;

      for (guint j = 0; term->tokens[j] != NULL; j++)
        {
          if (word_matches_token (folded, term->tokens[j]))
            return TRUE;
        }
    }

  return FALSE;
}
