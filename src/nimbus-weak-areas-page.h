/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_WEAK_AREAS_PAGE (nimbus_weak_areas_page_get_type ())

G_DECLARE_FINAL_TYPE (NimbusWeakAreasPage, nimbus_weak_areas_page, NIMBUS, WEAK_AREAS_PAGE,
                      GtkWidget)

void        nimbus_weak_areas_page_set_sources (NimbusWeakAreasPage *self,
                                                NimbusKb            *kb,
                                                NimbusUserStore     *store);
GListModel *nimbus_weak_areas_page_get_flags   (NimbusWeakAreasPage *self);

G_END_DECLS
