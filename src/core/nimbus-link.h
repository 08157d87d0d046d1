/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Links to the knowledge base: nimbus:ID, where ID is a service, section or tip id. */
#define NIMBUS_LINK_SCHEME "nimbus"

char *nimbus_link_dup_uri     (const char  *id);
char *nimbus_link_dup_id      (const char  *uri,
                               GError     **error);
char *nimbus_link_dup_display (const char  *uri);

G_END_DECLS
