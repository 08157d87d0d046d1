/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-search-provider"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nimbus-application.h"
#include "nimbus-kb.h"
#include "nimbus-search-provider.h"

/* Nimbus in the GNOME Shell overview: org.gnome.Shell.SearchProvider2, served by the
 * application itself on the session bus. Results are knowledge-base ids; activating one
 * opens it in the window. */

#define MAX_RESULTS 10

static const char interface_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _NimbusSearchProvider
{
  GObject parent_instance;

  NimbusApplication *application;   /* not owned: it owns us */
  GDBusConnection *connection;
  guint registration;
};

G_DEFINE_FINAL_TYPE (NimbusSearchProvider, nimbus_search_provider, G_TYPE_OBJECT)

/* The application's knowledge base, opened by the first search rather than by a start that
 * only hands a link to the Nimbus already running. */
static NimbusKb *
get_kb (NimbusSearchProvider  *self,
        GError               **error)
{
  g_assert (NIMBUS_IS_SEARCH_PROVIDER (self));

  return nimbus_application_get_kb (self->application, error);
}

static GVariant *
result_set (NimbusSearchProvider  *self,
            GVariant              *terms,
            GError               **error)
{
  g_autofree const char **words = g_variant_get_strv (terms, NULL);
  g_autofree char *text = g_strjoinv (" ", (char **) words);
  g_autoptr(GPtrArray) hits = NULL;
  GVariantBuilder builder;
  NimbusKb *kb = get_kb (self, error);

  g_assert (NIMBUS_IS_SEARCH_PROVIDER (self));

  if (kb == NULL || (hits = nimbus_kb_search (kb, text, MAX_RESULTS, error)) == NULL)
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < hits->len; i++)
    g_variant_builder_add (&builder, "s", nimbus_search_hit_get_id (g_ptr_array_index (hits, i)));

  return g_variant_new ("(as)", &builder);
}

static GVariant *
result_metas (NimbusSearchProvider  *self,
              GVariant              *identifiers,
              GError               **error)
{
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *icon_string = g_icon_to_string (icon);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *id;
  NimbusKb *kb = get_kb (self, error);

  g_assert (NIMBUS_IS_SEARCH_PROVIDER (self));

  if (kb == NULL)
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_iter_init (&iter, identifiers);
  while (g_variant_iter_next (&iter, "&s", &id))
    {
      g_autofree char *title = nimbus_kb_lookup_title (kb, id);
      g_autofree char *service_id = nimbus_id_dup_service_id (id);
      g_autofree char *service = nimbus_kb_lookup_title (kb, service_id);
      g_autofree char *description = NULL;

      if (title == NULL)
        continue;

      description = strchr (id, '#') != NULL ? g_strdup_printf (_("%s · Exam tip"), service)
                                             : g_strdup (service);

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (id));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (title));
      g_variant_builder_add (&builder, "{sv}", "description",
                             g_variant_new_string (description != NULL ? description : ""));
      g_variant_builder_add (&builder, "{sv}", "gicon", g_variant_new_string (icon_string));
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  NimbusSearchProvider *self = user_data;
  g_autoptr(GError) error = NULL;
  GVariant *reply = NULL;

  g_assert (NIMBUS_IS_SEARCH_PROVIDER (self));

  /* Stay alive while answering, even when started only to answer. */
  g_application_hold (G_APPLICATION (self->application));

  if (g_str_equal (method_name, "GetInitialResultSet") ||
      g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      /* A subsearch narrows what was found; searching again is as fast and as right. */
      g_autoptr(GVariant) terms =
        g_variant_get_child_value (parameters, g_variant_n_children (parameters) - 1);

      reply = result_set (self, terms, &error);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) identifiers = g_variant_get_child_value (parameters, 0);

      reply = result_metas (self, identifiers, &error);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id = NULL;

      g_variant_get_child (parameters, 0, "&s", &id);
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "show-page",
                                      g_variant_new_string (id));
      reply = g_variant_new ("()");
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **words = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      words = g_variant_get_strv (terms, NULL);
      text = g_strjoinv (" ", (char **) words);
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "search",
                                      g_variant_new_string (text));
      reply = g_variant_new ("()");
    }

  if (reply != NULL)
    g_dbus_method_invocation_return_value (invocation, reply);
  else
    g_dbus_method_invocation_return_gerror (invocation, error);

  g_application_release (G_APPLICATION (self->application));
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };

gboolean
nimbus_search_provider_register (NimbusSearchProvider  *self,
                                 GDBusConnection       *connection,
                                 GError               **error)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (interface_xml, error);

  g_return_val_if_fail (NIMBUS_IS_SEARCH_PROVIDER (self), FALSE);

  if (info == NULL)
    return FALSE;

  self->registration = g_dbus_connection_register_object (connection, NIMBUS_SEARCH_PROVIDER_PATH,
                                                          info->interfaces[0], &vtable, self,
                                                          NULL, error);
  if (self->registration == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
nimbus_search_provider_unregister (NimbusSearchProvider *self)
{
  g_return_if_fail (NIMBUS_IS_SEARCH_PROVIDER (self));

  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}

static void
nimbus_search_provider_finalize (GObject *object)
{
  NimbusSearchProvider *self = NIMBUS_SEARCH_PROVIDER (object);

  nimbus_search_provider_unregister (self);

  G_OBJECT_CLASS (nimbus_search_provider_parent_class)->finalize (object);
}

static void
nimbus_search_provider_class_init (NimbusSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nimbus_search_provider_finalize;
}

static void
nimbus_search_provider_init (NimbusSearchProvider *self)
{
}

/* application: the one that owns the provider and its knowledge base */
NimbusSearchProvider *
nimbus_search_provider_new (NimbusApplication *application)
{
  NimbusSearchProvider *self;

  g_return_val_if_fail (NIMBUS_IS_APPLICATION (application), NULL);

  self = g_object_new (NIMBUS_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}
