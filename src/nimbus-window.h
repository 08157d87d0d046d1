/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <adwaita.h>

#include "nimbus-application.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_WINDOW (nimbus_window_get_type ())

G_DECLARE_FINAL_TYPE (NimbusWindow, nimbus_window, NIMBUS, WINDOW, AdwApplicationWindow)

NimbusWindow *nimbus_window_new      (NimbusApplication *application);
const char   *nimbus_window_get_page (NimbusWindow      *self);
NimbusUserStore *nimbus_window_get_store (NimbusWindow   *self);
void          nimbus_window_show_weak_areas (NimbusWindow *self);
void          nimbus_window_show_home       (NimbusWindow *self);
void          nimbus_window_show_practice   (NimbusWindow *self);
void          nimbus_window_search          (NimbusWindow *self,
                                             const char   *text);
gboolean      nimbus_window_print           (NimbusWindow *self,
                                             const char   *pdf_path,
                                             GError      **error);
gboolean      nimbus_window_open_uri        (NimbusWindow *self,
                                             const char   *uri);

G_END_DECLS
