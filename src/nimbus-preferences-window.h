/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_PREFERENCES_WINDOW (nimbus_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (NimbusPreferencesWindow, nimbus_preferences_window, NIMBUS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *nimbus_preferences_window_new (GtkWindow *parent,
                                          GSettings *settings);

G_END_DECLS
