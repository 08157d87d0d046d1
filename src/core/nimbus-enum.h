/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib-object.h>

#include "nimbus-core-enums.h"

G_BEGIN_DECLS

const char *nimbus_enum_get_nick  (GType       type,
                                   int         value);
gboolean    nimbus_enum_from_nick (GType       type,
                                   const char *nick,
                                   int        *value);

G_END_DECLS
