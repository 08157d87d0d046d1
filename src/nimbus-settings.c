/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-settings.h"

/* Before the window opens: without its schema, GSettings would abort deep inside GIO. An
 * installed Nimbus has it in its prefix; an uninstalled one is given the build's by
 * meson devenv and build-aux/run.sh (GSETTINGS_SCHEMA_DIR). FALSE, having said so, when it
 * is not there. */
gboolean
nimbus_settings_check_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    return TRUE;

  g_printerr (_("nimbus: the settings schema %s is not installed: install Nimbus, or run it "
                "from its build tree with “meson devenv -C build nimbus” or "
                "build-aux/run.sh\n"), APP_ID);
  return FALSE;
}
