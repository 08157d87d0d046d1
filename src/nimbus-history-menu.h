/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_HISTORY_MENU (nimbus_history_menu_get_type ())

G_DECLARE_FINAL_TYPE (NimbusHistoryMenu, nimbus_history_menu, NIMBUS, HISTORY_MENU, GObject)

NimbusHistoryMenu *nimbus_history_menu_new       (NimbusKb          *kb,
                                                  NimbusUserStore   *store);
GMenuModel        *nimbus_history_menu_get_model (NimbusHistoryMenu *self);

G_END_DECLS
