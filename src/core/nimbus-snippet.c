/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-snippet"

#include "config.h"

#include <string.h>

#include "nimbus-search-hit.h"
#include "nimbus-snippet.h"

/* A few words of a document around the first one that matches the query, the matching
 * words between NIMBUS_MATCH_START and NIMBUS_MATCH_END. */

#define CONTEXT_BEFORE 3

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The span of a whitespace-separated word that is letters and digits, without the
 * punctuation around it: "(timeout)," -> "timeout". */
static void
word_core (const char  *word,
           const char **start,
           const char **end)
{
  const char *p = word;

  *start = NULL;
  *end = NULL;
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_word_char (g_utf8_get_char (p)))
        {
          if (*start == NULL)
            *start = p;
          *end = g_utf8_next_char (p);
        }
    }
}

/* Words are joined by punctuation ("x-amz-server-side", "SSE-KMS"): a match is any of its
 * parts matching. */
static gboolean
word_matches (const NimbusQuery *query,
              const char        *start,
              const char        *end)
{
  const char *p = start;

  while (p < end)
    {
      const char *part = p;
      g_autofree char *folded = NULL;

      while (p < end && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      folded = nimbus_query_fold (part, p - part);
      if (nimbus_query_matches_word (query, folded))
        return TRUE;

      while (p < end && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }

  return FALSE;
}

char *
nimbus_snippet_build (const char        *text,
                      const NimbusQuery *query,
                      guint              max_words)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) matches = g_array_new (FALSE, TRUE, sizeof (gboolean));
  GString *out;
  guint first = 0, start_at, end_at;
  gboolean found = FALSE;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (max_words > 0, NULL);

  /* Words up to one past the window after the first match: what follows is only "…". */
  for (const char *p = text != NULL ? text : ""; *p != '\0';)
    {
      const char *word_end, *start, *end;
      char *word;
      gboolean match;

      if (*p == ' ' || *p == '\t' || *p == '\n')
        {
          p++;
          continue;
        }
      if (found && words->len > first + max_words)
        break;

      word_end = p + strcspn (p, " \t\n");
      word = g_strndup (p, word_end - p);
      p = word_end;

      word_core (word, &start, &end);
      match = start != NULL && !(found && words->len >= first + max_words) &&
              word_matches (query, start, end);
      if (match && !found)
        {
          found = TRUE;
          first = words->len;
        }
      g_ptr_array_add (words, word);
      g_array_append_val (matches, match);
    }

  /* A little context before the first match, and a full window when near the end. */
  start_at = first > CONTEXT_BEFORE ? first - CONTEXT_BEFORE : 0;
  if (words->len > max_words && start_at + max_words > words->len)
    start_at = words->len - max_words;
  end_at = MIN (words->len, start_at + max_words);

  out = g_string_new (start_at > 0 ? "…" : "");
  for (guint i = start_at; i < end_at; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *start, *end;

      if (i > start_at)
        g_string_append_c (out, ' ');

      word_core (word, &start, &end);
      if (!g_array_index (matches, gboolean, i))
        {
          g_string_append (out, word);
          continue;
        }

      g_string_append_len (out, word, start - word);
      g_string_append (out, NIMBUS_MATCH_START);
      g_string_append_len (out, start, end - start);
      g_string_append (out, NIMBUS_MATCH_END);
      g_string_append (out, end);
    }

  if (end_at < words->len)
    g_string_append (out, "…");

  /* Backticks mark code in the sources; a snippet is plain text. */
  for (char *p = strchr (out->str, '`'); p != NULL; p = strchr (p, '`'))
    g_string_erase (out, p - out->str, 1);

  return g_string_free (out, FALSE);
}
