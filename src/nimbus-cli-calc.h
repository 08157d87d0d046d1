/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int nimbus_cli_calc_run (const char  *name,
                         GHashTable  *params,
                         gboolean     json,
                         char       **answer);

G_END_DECLS
