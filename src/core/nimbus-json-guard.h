/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deep enough for any Nimbus file, shallow enough that json-glib's recursion is safe. */
#define NIMBUS_JSON_MAX_DEPTH 64

gboolean nimbus_json_guard_check (const char  *data,
                                  gsize        length,
                                  guint        max_depth,
                                  guint       *line,
                                  guint       *column,
                                  char       **reason);

G_END_DECLS
