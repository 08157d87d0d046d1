/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>

#include "nimbus-cli.h"
#include "nimbus-ui-module.h"

/* The window's module: beside the binary when it runs from a build tree, else where it is
 * installed. */
static char *
find_ui_module (void)
{
  g_autofree char *binary = g_file_read_link ("/proc/self/exe", NULL);

  if (binary != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (binary);
      g_autofree char *beside = g_build_filename (dir, NIMBUS_UI_MODULE_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (NIMBUS_MODULE_DIR, NIMBUS_UI_MODULE_NAME, NULL);
}

static int
run_window (const NimbusCliWindow  *window,
            char                  **arguments)
{
  g_autofree char *path = find_ui_module ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  NimbusUiRunWindow run = NULL;

  if (module == NULL || !g_module_symbol (module, NIMBUS_UI_RUN_WINDOW, (gpointer *) &run))
    {
      /* Translators: the first is a file name, the second why it could not be loaded */
      g_printerr (_("nimbus: could not load the window from “%s”: %s. Reinstall Nimbus; its "
                    "terminal commands work without it (see “nimbus --help”)\n"),
                  path, g_module_error ());
      return NIMBUS_EXIT_UNAVAILABLE;
    }

  /* GTK's types cannot be unloaded. */
  g_module_make_resident (module);
  return run (window, arguments);
}

int
main (int   argc G_GNUC_UNUSED,
      char *argv[])
{
  g_auto(GStrv) arguments = g_strdupv (argv);
  g_auto(NimbusCliWindow) window = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A terminal request is answered before the window's module is loaded: GTK and libadwaita
   * would cost more than the answer. */
  if ((status = nimbus_cli_run (&arguments, &window)) != -1)
    return status;

  return run_window (&window, arguments);
}
