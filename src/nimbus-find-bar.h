/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_FIND_BAR (nimbus_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (NimbusFindBar, nimbus_find_bar, NIMBUS, FIND_BAR, GtkWidget)

GtkWidget *nimbus_find_bar_new           (void);
void       nimbus_find_bar_set_content   (NimbusFindBar     *self,
                                          GtkWidget         *content,
                                          GtkScrolledWindow *scroller);
void       nimbus_find_bar_open          (NimbusFindBar     *self);
void       nimbus_find_bar_close         (NimbusFindBar     *self);
gboolean   nimbus_find_bar_is_open       (NimbusFindBar     *self);
void       nimbus_find_bar_refresh       (NimbusFindBar     *self);
gboolean   nimbus_find_bar_step          (NimbusFindBar     *self,
                                          int                step);
guint      nimbus_find_bar_get_n_matches (NimbusFindBar     *self);
guint      nimbus_find_bar_get_current   (NimbusFindBar     *self);
GtkLabel  *nimbus_find_bar_get_current_label (NimbusFindBar *self);

G_END_DECLS
