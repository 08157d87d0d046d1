/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib-object.h>

#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_FLAG_ITEM (nimbus_flag_item_get_type ())

G_DECLARE_FINAL_TYPE (NimbusFlagItem, nimbus_flag_item, NIMBUS, FLAG_ITEM, GObject)

NimbusFlagItem   *nimbus_flag_item_new            (NimbusFlag     *flag,
                                                   char           *title);
const NimbusFlag *nimbus_flag_item_get_flag       (NimbusFlagItem *self);
const char       *nimbus_flag_item_get_id         (NimbusFlagItem *self);
const char       *nimbus_flag_item_get_service_id (NimbusFlagItem *self);
const char       *nimbus_flag_item_get_title      (NimbusFlagItem *self);
gboolean          nimbus_flag_item_is_in_kb       (NimbusFlagItem *self);
gboolean          nimbus_flag_item_is_tip         (NimbusFlagItem *self);
gboolean          nimbus_flag_item_equal_flag     (NimbusFlagItem   *self,
                                                   const NimbusFlag *flag);

G_END_DECLS
