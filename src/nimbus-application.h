/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_APPLICATION (nimbus_application_get_type ())

G_DECLARE_FINAL_TYPE (NimbusApplication, nimbus_application, NIMBUS, APPLICATION, AdwApplication)

NimbusApplication *nimbus_application_new (void);

G_END_DECLS
