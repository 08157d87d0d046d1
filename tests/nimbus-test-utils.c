/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "nimbus-test-utils.h"

/* The knowledge base compiled from data/kb by this build (meson sets NIMBUS_KB). */
const char *
nimbus_test_kb_path (void)
{
  const char *path = g_getenv ("NIMBUS_KB");

  g_assert_nonnull (path);
  return path;
}

NimbusKb *
nimbus_test_open_kb (void)
{
  g_autoptr(GError) error = NULL;
  NimbusKb *kb = nimbus_kb_open (nimbus_test_kb_path (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (kb);

  return kb;
}

/* Where the user store of XDG_DATA_HOME=dir is. */
char *
nimbus_test_store_path (const char *dir)
{
  return g_build_filename (dir, "nimbus", "user.db", NULL);
}

guint
nimbus_test_count_flags (NimbusUserStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags = nimbus_user_store_list (store, &error);

  g_assert_no_error (error);
  return flags->len;
}

char *
nimbus_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nimbus-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Runs a real process with no display in its environment; returns its exit status. */
int
nimbus_test_spawn (const char * const *argv,
                   char              **out,
                   char              **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (status, NULL) && !WIFEXITED (status))
    g_error ("%s did not exit normally (wait status %d)", argv[0], status);

  return WEXITSTATUS (status);
}

/* Runs the built nimbus binary (meson sets NIMBUS_BIN) with the given arguments. */
int
nimbus_test_run_nimbus (char       **out,
                        char       **err,
                        const char  *first_arg,
                        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("NIMBUS_BIN"));
  g_assert_nonnull (argv->pdata[0]);

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return nimbus_test_spawn ((const char * const *) argv->pdata, out, err);
}

static gboolean
wake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
nimbus_test_wait_until_at (const char          *file,
                           int                  line,
                           const char          *func,
                           NimbusTestCondition  condition,
                           gpointer             user_data,
                           const char          *what)
{
  gint64 end = g_get_monotonic_time () + NIMBUS_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
  /* What changes outside the main loop (a file, another process) is looked at again every
   * 10 ms; what the loop itself does (a frame, a worker's result) as soon as it is done. */
  guint poll = g_timeout_add (10, wake, NULL);
  gboolean holds;

  while (!(holds = condition (user_data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (poll);

  if (!holds)
    {
      g_autofree char *message = g_strdup_printf ("still waiting for %s after %d s", what,
                                                  NIMBUS_TEST_WAIT_SECONDS);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }

  return holds;
}
