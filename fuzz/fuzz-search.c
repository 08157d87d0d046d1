/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-query.h"

/* libFuzzer: any bytes as typed search text, through the query builder and a search of the
 * real knowledge base (NIMBUS_KB). Nothing may crash, and search may fail only for a
 * damaged knowledge base. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static NimbusKb *kb;

/* Outside quoted strings an expression holds only the operators the builder writes. */
static gboolean
only_quoted_text (const char *fts)
{
  gboolean quoted = FALSE;

  for (const char *p = fts; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        {
          if (quoted && p[1] == '"')
            p++;
          else
            quoted = !quoted;
        }
      else if (!quoted && strchr (" ()*+ANDOR", *p) == NULL)
        return FALSE;
    }

  return !quoted;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(NimbusQuery) query = nimbus_query_parse (text);
  g_autofree char *all_terms = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_TERMS);
  g_autofree char *any_term = nimbus_query_to_fts (query, NIMBUS_QUERY_ANY_TERM);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (only_quoted_text (all_terms));
  g_assert_true (only_quoted_text (any_term));

  if (kb == NULL)
    {
      kb = nimbus_kb_open (g_getenv ("NIMBUS_KB"), &error);
      g_assert_no_error (error);
    }

  hits = nimbus_kb_search (kb, text, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);

  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *markup = nimbus_search_hit_dup_snippet_markup (g_ptr_array_index (hits, i));
      g_assert_true (g_utf8_validate (markup, -1, NULL));
    }

  return 0;
}
