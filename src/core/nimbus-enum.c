/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-enum"

#include "config.h"

#include "nimbus-enum.h"

/* The names the sources, the knowledge base and the CLI use for enum values are the nicks
 * glib-mkenums gives them: NIMBUS_BLOCK_PARAGRAPH is "paragraph". */

/* NULL for a value the enum does not have. */
const char *
nimbus_enum_get_nick (GType type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* The class outlives the reference: enum classes are never freed. */
  return found != NULL ? found->value_nick : NULL;
}

gboolean
nimbus_enum_from_nick (GType       type,
                       const char *nick,
                       int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}
