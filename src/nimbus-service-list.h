/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_SERVICE_LIST (nimbus_service_list_get_type ())

G_DECLARE_FINAL_TYPE (NimbusServiceList, nimbus_service_list, NIMBUS, SERVICE_LIST, GtkWidget)

void        nimbus_service_list_set_services  (NimbusServiceList *self,
                                               GListModel        *services);
void        nimbus_service_list_set_exam      (NimbusServiceList *self,
                                               const char        *exam);
const char *nimbus_service_list_get_exam      (NimbusServiceList *self);
void        nimbus_service_list_set_filter    (NimbusServiceList *self,
                                               const char        *text);
void        nimbus_service_list_set_collapsed (NimbusServiceList *self,
                                               const char * const *category_ids);
const char * const *nimbus_service_list_get_collapsed (NimbusServiceList *self);
void        nimbus_service_list_select        (NimbusServiceList *self,
                                               const char        *service_id);
GStrv       nimbus_service_list_dup_shown     (NimbusServiceList *self);

G_END_DECLS
