/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

/* Whole processes: `nimbus --search` next to a GTK-linked binary that does nothing and to
 * the sqlite3 shell running the same FTS5 query on the same file, and a cold start of the
 * window to its first frame (needs a display; bench/run.sh gives it Xvfb). */

#define RUNS 30
#define STARTS 10

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Mean wall time of argv, in milliseconds, over RUNS runs after one warm-up. */
static double
mean_ms (const char * const *argv)
{
  gint64 total = 0;

  for (guint i = 0; i <= RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      gint64 start = g_get_monotonic_time ();
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                         NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) || out == NULL || *out == '\0')
        g_error ("%s failed: %s", argv[0], error != NULL ? error->message : "no output");
      if (i > 0)
        total += g_get_monotonic_time () - start;
    }

  return total / 1000.0 / RUNS;
}

static void
compare_with_sqlite (const char *nimbus,
                     const char *kb)
{
  const char *sqlite3 = g_getenv ("NIMBUS_SQLITE3");
  const char *nimbus_argv[] = { nimbus, "--kb", kb, "--search", "visibility timeout", NULL };
  /* What nimbus runs for these words, ranked the same way; sqlite3 prints ids only. */
  const char *sql = "SELECT rowid, bm25 (search, 10.0, 6.0, 4.0, 1.0, 1.5) FROM search "
                    "WHERE search MATCH '\"visibility\" AND (\"timeout\" OR \"timeouts\")' LIMIT "
                    "256;";
  const char *sqlite_argv[] = { sqlite3, kb, sql, NULL };
  double n, s;

  if (sqlite3 == NULL)
    {
      g_print ("process: no sqlite3 shell, comparison skipped\n");
      return;
    }

  n = mean_ms (nimbus_argv);
  s = mean_ms (sqlite_argv);
  g_print ("process: nimbus --search %.2f ms, sqlite3 same query %.2f ms, ratio %.2f (mean of "
           "%d)\n",
           n, s, n / s, RUNS);
}

/* The whole process against one that loads the same libraries and does nothing: what is
 * left is nimbus's own work, opening the knowledge base and searching it. */
static void
compare_with_noop (const char *nimbus,
                   const char *kb)
{
  const char *noop = g_getenv ("NIMBUS_BENCH_NOOP");
  const char *nimbus_argv[] = { nimbus, "--kb", kb, "--search", "visibility timeout", NULL };
  const char *noop_argv[] = { noop, NULL };
  double n, g;

  if (noop == NULL)
    {
      g_print ("process: no GTK binary to compare with (NIMBUS_BENCH_NOOP), skipped\n");
      return;
    }

  /* Alternated, so that a busy moment on the machine weighs on both alike. */
  n = g = 0;
  for (guint i = 0; i < 5; i++)
    {
      n += mean_ms (nimbus_argv) / 5;
      g += mean_ms (noop_argv) / 5;
    }
  g_print ("process: nimbus --search %.2f ms, GTK-linked binary doing nothing %.2f ms, "
           "ratio %.2f (mean of %d)\n", n, g, n / g, 5 * RUNS);
}

static void
cold_start (const char *nimbus,
            const char *kb)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) env = g_get_environ ();

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("startup: no display, cold start skipped\n");
      return;
    }

  env = g_environ_setenv (env, "NIMBUS_BENCH_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "NIMBUS_KB", kb, TRUE);
  for (guint i = 0; i < STARTS; i++)
    {
      const char *argv[] = { nimbus, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 frame = 0;
      double ms;
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                         NULL, &status, &error) ||
          out == NULL || sscanf (out, "first-frame %" G_GINT64_FORMAT, &frame) != 1)
        g_error ("nimbus did not report its first frame: %s", error != NULL ? error->message : out);

      ms = (frame - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);
  g_print ("startup: cold start to first frame, median of %d: %.1f ms (min %.1f, max %.1f)\n",
           STARTS, g_array_index (times, double, STARTS / 2), g_array_index (times, double, 0),
           g_array_index (times, double, STARTS - 1));
}

int
main (int   argc,
      char *argv[])
{
  const char *nimbus = g_getenv ("NIMBUS_BIN");
  const char *kb = g_getenv ("NIMBUS_KB");

  if (nimbus == NULL || kb == NULL)
    g_error ("set NIMBUS_BIN and NIMBUS_KB (meson test does)");

  compare_with_noop (nimbus, kb);
  compare_with_sqlite (nimbus, kb);
  cold_start (nimbus, kb);

  return EXIT_SUCCESS;
}
