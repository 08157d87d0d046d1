/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

#include "nimbus-flag-item.h"
#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_FLAG_LIST (nimbus_flag_list_get_type ())

G_DECLARE_FINAL_TYPE (NimbusFlagList, nimbus_flag_list, NIMBUS, FLAG_LIST, GObject)

NimbusFlagList *nimbus_flag_list_new (NimbusKb        *kb,
                                      NimbusUserStore *store);

G_END_DECLS
