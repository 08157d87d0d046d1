/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_SERVICE (nimbus_service_get_type ())

G_DECLARE_FINAL_TYPE (NimbusService, nimbus_service, NIMBUS, SERVICE, GObject)

NimbusService *nimbus_service_new               (const char    *id,
                                                 const char    *name,
                                                 const char    *full_name,
                                                 const char    *category_id,
                                                 const char    *category_name,
                                                 const char    *summary,
                                                 const char * const *exams,
                                                 const char * const *names);
const char    *nimbus_service_get_id            (NimbusService *self);
const char    *nimbus_service_get_name          (NimbusService *self);
const char    *nimbus_service_get_full_name     (NimbusService *self);
const char    *nimbus_service_get_category_id   (NimbusService *self);
const char    *nimbus_service_get_category_name (NimbusService *self);
const char    *nimbus_service_get_summary       (NimbusService *self);
const char * const *nimbus_service_get_exams    (NimbusService *self);
gboolean       nimbus_service_is_on_exam        (NimbusService *self,
                                                 const char    *exam);
const char * const *nimbus_service_get_names    (NimbusService *self);
gboolean       nimbus_service_is_named_by       (NimbusService *self,
                                                 const char    *text);

G_END_DECLS
