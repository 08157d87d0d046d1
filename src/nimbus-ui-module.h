/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include "nimbus-cli.h"

G_BEGIN_DECLS

/* The module's file name, and its one entry point, looked up by that name. */
#define NIMBUS_UI_MODULE_NAME "libnimbus-ui.so"
#define NIMBUS_UI_RUN_WINDOW "nimbus_ui_run_window"

typedef int (*NimbusUiRunWindow) (const NimbusCliWindow  *window,
                                  char                  **arguments);

int nimbus_ui_run_window (const NimbusCliWindow  *window,
                          char                  **arguments);

G_END_DECLS
