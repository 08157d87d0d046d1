/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-link"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nimbus-entry.h"
#include "nimbus-link.h"

#define DISPLAY_CHARS 48

/* "sqs/visibility-timeout" -> "nimbus:sqs/visibility-timeout". Ids are slugs, which need no
 * escaping in a URI. */
char *
nimbus_link_dup_uri (const char *id)
{
  g_return_val_if_fail (nimbus_id_is_valid (id), NULL);

  return g_strconcat (NIMBUS_LINK_SCHEME, ":", id, NULL);
}

/* The uri as a message can name it: valid UTF-8 whatever it holds, and at most 48 characters
 * of it. Not escaped for markup. */
char *
nimbus_link_dup_display (const char *uri)
{
  g_autofree char *valid = g_utf8_make_valid (uri != NULL ? uri : "", -1);

  if (g_utf8_strlen (valid, -1) <= DISPLAY_CHARS)
    return g_steal_pointer (&valid);

  *g_utf8_offset_to_pointer (valid, DISPLAY_CHARS - 1) = '\0';
  return g_strconcat (valid, "…", NULL);
}

static char *
not_a_link (const char  *uri,
            const char  *why,
            GError     **error)
{
  g_autofree char *display = nimbus_link_dup_display (uri);

  /* Translators: the first %s is what was opened, the second why it is no link; short, as
   * it shows in a toast */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a Nimbus link (%s)"), display, why);
  return NULL;
}

/* The id a nimbus: URI links to, whether or not the knowledge base has it; NULL with an error
 * naming the URI for anything else: another scheme, text that is not UTF-8, escapes that do
 * not decode, or an id the knowledge base could never make ("../../etc"). */
char *
nimbus_link_dup_id (const char  *uri,
                    GError     **error)
{
  g_autofree char *id = NULL;
  size_t prefix = strlen (NIMBUS_LINK_SCHEME ":");

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (uri == NULL || strlen (uri) > prefix + 3 * NIMBUS_ID_MAX_LENGTH)
    return not_a_link (uri, _("too long"), error);
  if (!g_utf8_validate (uri, -1, NULL))
    return not_a_link (uri, _("not UTF-8 text"), error);
  if (g_ascii_strncasecmp (uri, NIMBUS_LINK_SCHEME ":", prefix) != 0)
    return not_a_link (uri, _("not nimbus:"), error);

  id = g_uri_unescape_string (uri + prefix, NULL);
  if (id == NULL || !g_utf8_validate (id, -1, NULL))
    return not_a_link (uri, _("bad escapes"), error);
  if (!nimbus_id_is_valid (id))
    return not_a_link (uri, _("not a page id"), error);

  return g_steal_pointer (&id);
}
