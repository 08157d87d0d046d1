/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_PREFERENCES_WINDOW (nimbus_preferences_window_get_type ())

#if ADW_CHECK_VERSION (1, 5, 0)
G_DECLARE_FINAL_TYPE (NimbusPreferencesWindow, nimbus_preferences_window, NIMBUS,
                      PREFERENCES_WINDOW, AdwPreferencesDialog)
#else
G_DECLARE_FINAL_TYPE (NimbusPreferencesWindow, nimbus_preferences_window, NIMBUS,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)
#endif

GtkWidget *nimbus_preferences_window_new      (GSettings               *settings);
GtkWidget *nimbus_preferences_window_get_page (NimbusPreferencesWindow *self);
void       nimbus_preferences_window_present  (NimbusPreferencesWindow *self,
                                               GtkWindow               *parent);

G_END_DECLS
