/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The one way Nimbus talks to SQLite: an owned statement finalizes when it goes out of
 * scope (g_autoptr (sqlite3_stmt)), rows are read with
 * while ((rc = sqlite3_step (stmt)) == SQLITE_ROW), and an SQLite failure becomes a GError
 * through nimbus_sqlite_set_error (). */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

void nimbus_sqlite_set_error (GError      **error,
                              GQuark        domain,
                              int           code,
                              sqlite3      *db,
                              const char   *format,
                              ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
