/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-window.h"

G_BEGIN_DECLS

void nimbus_test_init_ui         (int         *argc,
                                  char      ***argv);
void nimbus_test_wait_ms         (guint        ms);
void nimbus_test_save_screenshot (GtkWidget   *widget,
                                  const char  *name);
void nimbus_test_save_screenshot_with_popover (GtkWidget  *window,
                                               GtkWidget  *popover,
                                               const char *name);

NimbusApplication *nimbus_test_application_new (const char *kb_path,
                                                const char *store_path);

gpointer      nimbus_test_window_child    (NimbusWindow    *window,
                                          const char      *name);
NimbusWindow *nimbus_test_new_window      (NimbusUserStore *store);
NimbusWindow *nimbus_test_open_window     (NimbusUserStore *store,
                                          int              width,
                                          int              height);
void          nimbus_test_close_window    (NimbusWindow    *window);
GtkWidget    *nimbus_test_find_back_button (NimbusWindow   *window);
gboolean      nimbus_test_press_shortcut  (GtkWidget       *widget,
                                          guint            keyval,
                                          GdkModifierType  mods);
void          nimbus_test_wait_for_hits   (NimbusWindow    *window,
                                          const char      *results_name);
GtkWidget    *nimbus_test_window_with     (GtkWidget       *widget,
                                          int              width);

G_END_DECLS
