/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-cache-canvas.h"

G_BEGIN_DECLS

typedef enum
{
  NIMBUS_CACHE_CANVAS_APPLICATION,
  NIMBUS_CACHE_CANVAS_CACHE,
  NIMBUS_CACHE_CANVAS_DATABASE,
} NimbusCacheCanvasBox;

void nimbus_cache_canvas_get_box_bounds (NimbusCacheCanvas    *self,
                                         NimbusCacheCanvasBox  box,
                                         graphene_rect_t      *bounds);

G_END_DECLS
