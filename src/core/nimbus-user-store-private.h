/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <sqlite3.h>

#include "nimbus-user-store.h"

G_BEGIN_DECLS

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
void      nimbus_user_store_emit_history_changed
                                           (NimbusUserStore  *self);
gboolean  nimbus_user_store_has_notes      (NimbusUserStore  *self);
gboolean  nimbus_user_store_adopt_note     (sqlite3          *db,
                                            const char       *id,
                                            const char       *text,
                                            const char       *updated_at);
gboolean  nimbus_user_store_merge_note     (sqlite3          *db,
                                            const NimbusNote *note);

G_END_DECLS
