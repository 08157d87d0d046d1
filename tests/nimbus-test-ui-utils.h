/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void nimbus_test_init_ui         (int         *argc,
                                  char      ***argv);
void nimbus_test_wait_ms         (guint        ms);
void nimbus_test_save_screenshot (GtkWidget   *widget,
                                  const char  *name);

G_END_DECLS
