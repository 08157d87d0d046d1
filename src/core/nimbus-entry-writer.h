/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <json-glib/json-glib.h>

#include "nimbus-entry.h"

G_BEGIN_DECLS

JsonNode *nimbus_entry_writer_to_json (const NimbusEntry *entry);
char     *nimbus_entry_writer_to_text (const NimbusEntry *entry,
                                       guint              width);
void      nimbus_entry_writer_append_wrapped (GString    *out,
                                              const char *prefix,
                                              const char *text,
                                              guint       width);

G_END_DECLS
