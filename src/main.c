/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nimbus-application.h"
#include "nimbus-cli.h"

int
main (int   argc G_GNUC_UNUSED,
      char *argv[])
{
  g_auto(GStrv) arguments = g_strdupv (argv);
  g_auto(NimbusCliWindow) window = { 0 };
  g_autoptr(NimbusApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A terminal request is answered before the application is made: it would load GTK's
   * classes and GApplication's machinery for nothing. */
  if ((status = nimbus_cli_run (&arguments, &window)) != -1)
    return status;

  app = nimbus_application_new ();
  return nimbus_application_run_window (app, &window, arguments);
}
