/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-sqlite"

#include "config.h"

#include "nimbus-sqlite-private.h"

/* Sets error to "FORMAT: what SQLite said". */
void
nimbus_sqlite_set_error (GError     **error,
                         GQuark       domain,
                         int          code,
                         sqlite3     *db,
                         const char  *format,
                         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, domain, code, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (SQLITE_CANTOPEN));
}
