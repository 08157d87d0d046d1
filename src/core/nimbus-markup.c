/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-markup"

#include "config.h"

#include <string.h>

#include "nimbus-markup.h"

/* Knowledge-base text as Pango markup: everything escaped, and text between a pair of
 * backticks (a code name, an API, a header) in a monospace face. A lone backtick stays. */
char *
nimbus_markup_from_text (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *open = strchr (p, '`');
      const char *close = open != NULL ? strchr (open + 1, '`') : NULL;
      g_autofree char *before = NULL;
      g_autofree char *code = NULL;

      if (open == NULL || close == NULL || close == open + 1)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);

          g_string_append (out, rest);
          break;
        }

      before = g_markup_escape_text (p, open - p);
      code = g_markup_escape_text (open + 1, close - open - 1);
      g_string_append_printf (out, "%s<tt>%s</tt>", before, code);
      p = close + 1;
    }

  return g_string_free (out, FALSE);
}
