/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-step-calculator.h"
#include "nimbus-api-throttling.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_API_BUCKET (nimbus_api_bucket_get_type ())

G_DECLARE_FINAL_TYPE (NimbusApiBucket, nimbus_api_bucket, NIMBUS, API_BUCKET,
                      NimbusStepCalculator)

/* Declared one by one: the type names are too long for aligned columns. */
GtkWidget *nimbus_api_bucket_new (void);
gboolean nimbus_api_bucket_set_input (NimbusApiBucket *self,
                                      const NimbusApiThrottlingInput *input);

G_END_DECLS
