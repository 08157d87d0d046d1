/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */

/* The window, as a module the nimbus binary loads once the command line has asked for no
 * terminal answer: GTK and libadwaita are loaded by the window alone, and a terminal lookup
 * does not pay for them. The core (knowledge base, user store, search) is the binary's, which
 * exports it to this module. */

#include "config.h"

#include <gmodule.h>

#include "nimbus-application.h"
#include "nimbus-ui-module.h"

G_MODULE_EXPORT int
nimbus_ui_run_window (const NimbusCliWindow  *window,
                      char                  **arguments)
{
  g_autoptr(NimbusApplication) app = nimbus_application_new ();

  return nimbus_application_run_window (app, window, arguments);
}
