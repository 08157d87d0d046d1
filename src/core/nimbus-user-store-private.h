/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <sqlite3.h>

#include "nimbus-user-store.h"

G_BEGIN_DECLS

/* Practice history (nimbus-user-store-practice.c): one row a session, one an answer. Answers
 * keep their exam and domain, so history reads without the knowledge base. */
#define NIMBUS_USER_STORE_PRACTICE_SCHEMA \
  "CREATE TABLE practice_sessions (id INTEGER PRIMARY KEY, exam_id TEXT NOT NULL," \
  "  mode TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT," \
  "  paused_seconds INTEGER NOT NULL DEFAULT 0);" \
  "CREATE TABLE practice_answers (id INTEGER PRIMARY KEY," \
  "  session_id INTEGER REFERENCES practice_sessions (id), question_id TEXT NOT NULL," \
  "  exam_id TEXT NOT NULL, domain INTEGER NOT NULL, correct INTEGER NOT NULL," \
  "  answered_at TEXT NOT NULL);" \
  "CREATE INDEX practice_answers_by_domain ON practice_answers (exam_id, domain, id);" \
  "CREATE INDEX practice_answers_by_session ON practice_answers (session_id);"

/* Shared by the store and its export and import (nimbus-user-store-transfer.c). */
sqlite3  *nimbus_user_store_get_db         (NimbusUserStore  *self);
char     *nimbus_user_store_now_iso        (gint64            days_ahead);
gboolean  nimbus_user_store_check_id       (const char       *id,
                                            GError          **error);
gboolean  nimbus_user_store_check_writable (NimbusUserStore  *self,
                                            GError          **error);
gboolean  nimbus_user_store_fail           (NimbusUserStore  *self,
                                            sqlite3          *db,
                                            gboolean          writing,
                                            GError          **error);
void      nimbus_user_store_emit_changed   (NimbusUserStore  *self);

G_END_DECLS
