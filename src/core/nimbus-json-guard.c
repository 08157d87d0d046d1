/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-json-guard"

#include "config.h"

#include <string.h>

#include "nimbus-json-guard.h"

/* json-glib parses recursively, so a file of 100,000 nested brackets overflows the stack,
 * and it accepts what follows the first value and the \u0000 escape, which C strings then
 * silently cut short. Every JSON text Nimbus reads from a person (knowledge sources,
 * imported flags) passes this scan first. It only walks brackets and strings: json-glib
 * still checks the grammar. */

typedef struct
{
  const char *p;
  const char *end;
  guint line;
  const char *line_start;
} Scan;

static void
where (const Scan *scan,
       const char *at,
       guint      *line,
       guint      *column)
{
  if (line != NULL)
    *line = scan->line;
  if (column != NULL)
    *column = (guint) g_utf8_strlen (scan->line_start, at - scan->line_start) + 1;
}

/* Skips the string starting at scan->p (a quote); FALSE on a \u0000 escape. */
static gboolean
skip_string (Scan *scan)
{
  for (scan->p++; scan->p < scan->end && *scan->p != '"'; scan->p++)
    {
      if (*scan->p == '\n')
        return TRUE;  /* unterminated: json-glib reports it */
      if (*scan->p != '\\' || scan->p + 1 >= scan->end)
        continue;

      scan->p++;
      if (*scan->p == 'u' && scan->end - scan->p >= 5 && strncmp (scan->p + 1, "0000", 4) == 0)
        return FALSE;
    }

  return TRUE;
}

/* TRUE when data is safe to give json-glib; else where it is not and why. */
gboolean
nimbus_json_guard_check (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         guint       *line,
                         guint       *column,
                         char       **reason)
{
  Scan scan = { data, data + length, 1, data };
  guint depth = 0;
  gboolean seen_value = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (memchr (data, '\0', length) != NULL)
    {
      scan.p = memchr (data, '\0', length);
      for (const char *q = data; q < scan.p; q++)
        if (*q == '\n')
          scan.line++, scan.line_start = q + 1;
      where (&scan, scan.p, line, column);
      *reason = g_strdup ("the file contains a NUL byte");
      return FALSE;
    }

  for (; scan.p < scan.end; scan.p++)
    {
      const char c = *scan.p;

      if (c == '\n')
        {
          scan.line++;
          scan.line_start = scan.p + 1;
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\r')
        continue;

      if (depth == 0 && seen_value)
        {
          where (&scan, scan.p, line, column);
          *reason = g_strdup ("unexpected text after the end of the JSON value");
          return FALSE;
        }

      if (c == '"')
        {
          const char *start = scan.p;

          if (!skip_string (&scan))
            {
              where (&scan, start, line, column);
              *reason = g_strdup ("a string contains \\u0000, which is not allowed");
              return FALSE;
            }
          if (scan.p < scan.end && *scan.p == '\n')
            scan.p--;
          seen_value = seen_value || depth == 0;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              where (&scan, scan.p, line, column);
              *reason = g_strdup_printf ("nested deeper than %u levels", max_depth);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0 && --depth == 0)
            seen_value = TRUE;
        }
      else if (depth == 0)
        {
          /* A bare number, true, false or null: skip to its end. */
          while (scan.p + 1 < scan.end && strchr (" \t\r\n[]{}\"", scan.p[1]) == NULL)
            scan.p++;
          seen_value = TRUE;
        }
    }

  return TRUE;
}
