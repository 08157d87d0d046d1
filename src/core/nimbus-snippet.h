/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-query.h"

G_BEGIN_DECLS

char *nimbus_snippet_build (const char        *text,
                            const NimbusQuery *query,
                            guint              max_words);

G_END_DECLS
