/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-settings"

#include "config.h"

#include "nimbus-settings.h"

/* The app's settings, or NULL when the schema is not installed (an uninstalled run without
 * GSETTINGS_SCHEMA_DIR): then nothing is kept, but nothing aborts either. */
GSettings *
nimbus_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("Settings schema %s is not installed: settings will not be kept", APP_ID);
      return NULL;
    }

  return g_settings_new (APP_ID);
}
