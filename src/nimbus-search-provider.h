/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gio/gio.h>

#include "nimbus-application.h"

G_BEGIN_DECLS

#define NIMBUS_SEARCH_PROVIDER_PATH "/io/github/nimbusstudy/Nimbus/SearchProvider"

#define NIMBUS_TYPE_SEARCH_PROVIDER (nimbus_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (NimbusSearchProvider, nimbus_search_provider, NIMBUS, SEARCH_PROVIDER,
                      GObject)

NimbusSearchProvider *nimbus_search_provider_new        (NimbusApplication     *application);
gboolean              nimbus_search_provider_register   (NimbusSearchProvider  *self,
                                                         GDBusConnection       *connection,
                                                         GError               **error);
void                  nimbus_search_provider_unregister (NimbusSearchProvider  *self);

G_END_DECLS
