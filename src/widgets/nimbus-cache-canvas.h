/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-cache-sim.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_CACHE_CANVAS (nimbus_cache_canvas_get_type ())

G_DECLARE_FINAL_TYPE (NimbusCacheCanvas, nimbus_cache_canvas, NIMBUS, CACHE_CANVAS, GtkWidget)

GtkWidget *nimbus_cache_canvas_new       (void);
void       nimbus_cache_canvas_show      (NimbusCacheCanvas     *self,
                                          const NimbusCacheSim  *sim,
                                          const NimbusCacheStep *step);

G_END_DECLS
