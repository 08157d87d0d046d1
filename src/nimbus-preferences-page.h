/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_PREFERENCES_PAGE (nimbus_preferences_page_get_type ())

G_DECLARE_FINAL_TYPE (NimbusPreferencesPage, nimbus_preferences_page, NIMBUS, PREFERENCES_PAGE,
                      AdwPreferencesPage)

GtkWidget *nimbus_preferences_page_new (GSettings *settings);

G_END_DECLS
