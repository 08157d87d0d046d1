/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <sys/wait.h>

#include "nimbus-test-utils.h"

/* The real binary as a D-Bus service on the test's private session bus, asked what the
 * GNOME Shell asks when a person types in the Activities overview. */

#define BUS_NAME APP_ID
#define OBJECT_PATH "/io/github/nimbusstudy/Nimbus/SearchProvider"
#define INTERFACE "org.gnome.Shell.SearchProvider2"

static GPid service;

static GVariant *
call (GDBusConnection  *bus,
      const char       *method,
      GVariant         *parameters,
      const char       *reply_type,
      GError          **error)
{
  return g_dbus_connection_call_sync (bus, BUS_NAME, OBJECT_PATH, INTERFACE, method, parameters,
                                      G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 10000,
                                      NULL, error);
}

static gboolean
name_has_owner (gpointer user_data)
{
  GDBusConnection *bus = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", BUS_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static GDBusConnection *
start_service (void)
{
  const char *argv[] = { g_getenv ("NIMBUS_BIN"), "--gapplication-service", NULL };
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (name_has_owner (bus));
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &service, &error));
  g_assert_no_error (error);

  nimbus_test_wait_until (name_has_owner, bus, "the service to own its name on the bus");

  return bus;
}

static void
stop_service (void)
{
  int status;

  kill (service, SIGTERM);
  waitpid (service, &status, 0);
  g_spawn_close_pid (service);
}

static void
test_search_provider (void)
{
  g_autoptr(GDBusConnection) bus = start_service ();
  g_autoptr(GVariant) initial = NULL;
  g_autoptr(GVariant) subsearch = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) hostile = NULL;
  g_autoptr(GVariant) activated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **results = NULL;
  g_autoptr(GVariant) results_variant = NULL;
  g_autoptr(GVariant) meta = NULL;
  const char *terms[] = { "visibility", "timeout", NULL };
  const char *typed[] = { "visib", NULL };
  const char *hostile_terms[] = { "\"", "NEAR(", "*", "col:", "^", NULL };
  const char *ids[] = { "sqs/visibility-timeout", "no/such-id", NULL };
  const char *name = NULL, *description = NULL;

  initial = call (bus, "GetInitialResultSet", g_variant_new ("(^as)", terms), "(as)", &error);
  g_assert_no_error (error);
  results_variant = g_variant_get_child_value (initial, 0);
  results = g_variant_get_strv (results_variant, NULL);
  g_assert_nonnull (results[0]);
  g_assert_cmpstr (results[0], ==, "sqs/visibility-timeout");

  subsearch = call (bus, "GetSubsearchResultSet", g_variant_new ("(^as^as)", results, typed),
                    "(as)",
                    &error);
  g_assert_no_error (error);

  hostile = call (bus, "GetInitialResultSet", g_variant_new ("(^as)", hostile_terms), "(as)",
                  &error);
  g_assert_no_error (error);

  /* Names for the overview: an id the knowledge base lacks is left out. */
  metas = call (bus, "GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_variant_n_children (g_variant_get_child_value (metas, 0)), ==, 1);
  meta = g_variant_get_child_value (g_variant_get_child_value (metas, 0), 0);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (name, ==, "Visibility timeout");
  g_assert_cmpstr (description, ==, "SQS");

  /* Activating opens the page in a window of the service; it answers without error. */
  activated = call (bus, "ActivateResult",
                    g_variant_new ("(s^asu)", "sqs/visibility-timeout", terms,
                                                          0), "()", &error);
  g_assert_no_error (error);

  stop_service ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/search-provider/dbus", test_search_provider);

  return g_test_run ();
}
