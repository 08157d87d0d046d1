/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-cache-sim.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_CACHE_DIAGRAM (nimbus_cache_diagram_get_type ())

G_DECLARE_FINAL_TYPE (NimbusCacheDiagram, nimbus_cache_diagram, NIMBUS, CACHE_DIAGRAM, GtkWidget)

GtkWidget  *nimbus_cache_diagram_new              (void);
void        nimbus_cache_diagram_configure        (NimbusCacheDiagram  *self,
                                                   NimbusCacheStrategy  strategy,
                                                   guint                ttl,
                                                   NimbusCacheScenario  scenario);
gboolean    nimbus_cache_diagram_step             (NimbusCacheDiagram  *self);
void        nimbus_cache_diagram_reset            (NimbusCacheDiagram  *self);
const char *nimbus_cache_diagram_get_description  (NimbusCacheDiagram  *self);
const NimbusCacheCounts *nimbus_cache_diagram_get_counts (NimbusCacheDiagram *self);

G_END_DECLS
