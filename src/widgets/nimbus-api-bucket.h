/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-api-throttling.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_API_BUCKET (nimbus_api_bucket_get_type ())

G_DECLARE_FINAL_TYPE (NimbusApiBucket, nimbus_api_bucket, NIMBUS, API_BUCKET,
                      GtkWidget)

/* Declared one by one: the type names are too long for aligned columns. */
GtkWidget *nimbus_api_bucket_new (void);
gboolean nimbus_api_bucket_set_input (NimbusApiBucket *self,
                                      const NimbusApiThrottlingInput *input);
const char *nimbus_api_bucket_get_result (NimbusApiBucket *self);
const char *nimbus_api_bucket_get_working (NimbusApiBucket *self);
const char *nimbus_api_bucket_get_problem (NimbusApiBucket *self);
gboolean nimbus_api_bucket_step (NimbusApiBucket *self);
const char *nimbus_api_bucket_get_step_text (NimbusApiBucket *self);

G_END_DECLS
