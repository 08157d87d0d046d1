/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean nimbus_kb_write (GPtrArray   *categories,
                          GPtrArray   *exams,
                          GPtrArray   *entries,
                          GPtrArray   *questions,
                          const char  *path,
                          GError     **error);

G_END_DECLS
