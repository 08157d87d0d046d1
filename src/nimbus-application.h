/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <adwaita.h>

#include "nimbus-cli.h"
#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_APPLICATION (nimbus_application_get_type ())

G_DECLARE_FINAL_TYPE (NimbusApplication, nimbus_application, NIMBUS, APPLICATION, AdwApplication)

NimbusApplication *nimbus_application_new                   (void);
NimbusKb          *nimbus_application_get_kb                (NimbusApplication  *self,
                                                             GError            **error);
NimbusUserStore   *nimbus_application_get_store             (NimbusApplication  *self);
int                nimbus_application_run_window            (NimbusApplication      *self,
                                                             const NimbusCliWindow  *window,
                                                             char                  **arguments);

G_END_DECLS
