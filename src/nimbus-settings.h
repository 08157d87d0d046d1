/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *nimbus_settings_new (void);

G_END_DECLS
