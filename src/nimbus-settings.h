/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean nimbus_settings_check_schema (void);

G_END_DECLS
