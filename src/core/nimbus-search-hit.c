/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-search-hit"

#include "config.h"

#include <string.h>

#include "nimbus-search-hit.h"

void
nimbus_search_hit_free (NimbusSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->id);
  g_free (hit->kind);
  g_free (hit->service_id);
  g_free (hit->service_name);
  g_free (hit->section_id);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static char *
replace_marks (const char *snippet,
               gboolean    markup)
{
  GString *out = g_string_new (NULL);
  gboolean open = FALSE;

  for (const char *p = snippet; p != NULL && *p != '\0';)
    {
      const char *next = p + strcspn (p, NIMBUS_MATCH_START NIMBUS_MATCH_END);

      if (markup)
        {
          g_autofree char *escaped = g_markup_escape_text (p, next - p);
          g_string_append (out, escaped);
        }
      else
        g_string_append_len (out, p, next - p);

      if (*next == '\0')
        break;

      /* Only balanced tags reach Pango, whatever the marks. */
      if (markup && (*next == NIMBUS_MATCH_START[0]) != open)
        {
          g_string_append (out, open ? "</b>" : "<b>");
          open = !open;
        }
      p = next + 1;
    }

  if (open)
    g_string_append (out, "</b>");

  return g_string_free (out, FALSE);
}

/* The snippet as plain text, without match marks. */
char *
nimbus_search_hit_dup_snippet_plain (const NimbusSearchHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);

  return replace_marks (hit->snippet, FALSE);
}

/* The snippet as Pango markup: the text escaped, the matches in bold. */
char *
nimbus_search_hit_dup_snippet_markup (const NimbusSearchHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);

  return replace_marks (hit->snippet, TRUE);
}
