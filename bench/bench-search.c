/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <time.h>

#include "nimbus-kb.h"
#include "nimbus-kb-private.h"

/* Search latency per keystroke on the real knowledge base and on a synthetic one a hundred
 * times its size, generated here from the real sources and compiled by the real compiler.
 * Run with `meson test -C build --benchmark --verbose` or build/bench/bench-search. */

#define ROUNDS 20

/* What students type; every prefix of each is searched, as search-as-you-type does. */
static const char * const typed[] = {
  "visibility timeout",
  "dynamodb capacity units",
  "sse-kms bucket policy",
  "lazy loading ttl",
  "sqs fifo throughput",
  "kinesis shard",
  "codedeploy appspec hooks",
  "what is the maximum size of an sqs message",
  "route 53 alias",
  "ebs gp3 iops",
};

/* The time this thread has run, in ms: unlike the wall clock, not inflated by other
 * processes on a busy machine. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b,
                 gpointer      per_text)
{
  double x = *(double *) g_hash_table_lookup (per_text, a);
  double y = *(double *) g_hash_table_lookup (per_text, b);

  return x > y ? -1 : x < y;
}

/* NIMBUS_BENCH_QUERIES, one a line, replaces the typed queries, to look at a few closely. */
static const char * const *
typed_queries (guint *n)
{
  static GStrv own = NULL;
  const char *env = g_getenv ("NIMBUS_BENCH_QUERIES");

  if (env == NULL)
    {
      *n = G_N_ELEMENTS (typed);
      return typed;
    }

  if (own == NULL)
    own = g_strsplit (env, "\n", -1);
  *n = g_strv_length (own);
  return (const char * const *) own;
}

static void
measure (const char *label,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusKb) kb = nimbus_kb_open (path, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) per_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GList) texts = NULL;
  guint n_typed;
  const char * const *typed_texts = typed_queries (&n_typed);
  double *t;
  guint n, n_slowest;

  if (kb == NULL)
    g_error ("%s", error->message);

  for (guint round = 0; round < ROUNDS; round++)
    for (guint q = 0; q < n_typed; q++)
      for (gsize len = 1; typed_texts[q][len - 1] != '\0'; len++)
        {
          g_autofree char *text = g_strndup (typed_texts[q], len);
          double cpu_start = thread_cpu_ms ();
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) hits = nimbus_kb_search (kb, text, 10, &error);
          double ms = (g_get_monotonic_time () - start) / 1000.0;
          double cpu_ms = thread_cpu_ms () - cpu_start;

          double *total;

          if (hits == NULL)
            g_error ("%s", error->message);
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu_ms);
          if ((total = g_hash_table_lookup (per_text, text)) == NULL)
            g_hash_table_insert (per_text, g_strdup (text), (total = g_new0 (double, 1)));
          *total += cpu_ms / ROUNDS;
        }

  g_array_sort (times, compare_doubles);
  t = (double *) times->data;
  n = times->len;
  g_print ("%-26s %8u searches   median %.3f ms   p95 %.3f ms   p99 %.3f ms   max %.3f ms\n",
           label, n, t[n / 2], t[(n * 95) / 100], t[(n * 99) / 100], t[n - 1]);
  g_array_sort (cpu_times, compare_doubles);
  t = (double *) cpu_times->data;
  g_print ("%-26s %8s cpu time   median %.3f ms   p95 %.3f ms   p99 %.3f ms   max %.3f ms\n",
           label, "", t[n / 2], t[(n * 95) / 100], t[(n * 99) / 100], t[n - 1]);

  /* The slowest keystrokes by processor time, to know where the time goes. */
  texts = g_hash_table_get_keys (per_text);
  texts = g_list_sort_with_data (texts, compare_by_time, per_text);
  n_slowest = g_getenv ("NIMBUS_BENCH_QUERIES") != NULL ? 40 : 5;
  for (GList *l = texts; l != NULL && l != g_list_nth (texts, n_slowest); l = l->next)
    g_print ("    slowest: %-44s mean %.3f ms\n", (char *) l->data,
             *(double *) g_hash_table_lookup (per_text, l->data));
}

/* NIMBUS_BENCH_CHECK: for each whole typed query, are the first ten hits those of scoring
 * every match (slow on a large knowledge base, so only when asked)? */
static void
check_exact (const char *label,
             const char *path)
{
  g_autoptr(NimbusKb) kb = nimbus_kb_open (path, NULL);
  g_autoptr(NimbusKb) exact = nimbus_kb_open (path, NULL);
  guint n_typed, same = 0;
  const char * const *typed_texts = typed_queries (&n_typed);

  if (g_getenv ("NIMBUS_BENCH_CHECK") == NULL || kb == NULL || exact == NULL)
    return;

  nimbus_kb_set_score_every_match (exact, TRUE);
  for (guint q = 0; q < n_typed; q++)
    {
      g_autoptr(GPtrArray) fast = nimbus_kb_search (kb, typed_texts[q], 10, NULL);
      g_autoptr(GPtrArray) whole = nimbus_kb_search (exact, typed_texts[q], 10, NULL);
      gboolean equal = fast != NULL && whole != NULL && fast->len == whole->len;

      for (guint k = 0; equal && k < fast->len; k++)
        equal = g_str_equal (nimbus_search_hit_get_id (g_ptr_array_index (fast, k)),
                             nimbus_search_hit_get_id (g_ptr_array_index (whole, k)));
      if (!equal)
        g_print ("    not exact: %s: first %s, scoring every match %s\n", typed_texts[q],
                 fast != NULL && fast->len > 0
                 ? nimbus_search_hit_get_id (g_ptr_array_index (fast, 0)) : "nothing",
                 whole != NULL && whole->len > 0
                 ? nimbus_search_hit_get_id (g_ptr_array_index (whole, 0)) : "nothing");
      same += equal;
    }
  g_print ("%-26s %u of %u queries: the same first ten as scoring every match\n", label, same,
           n_typed);
}

/* scale copies of every service, with their own ids, names and related ids; with scale 1
 * the real sources themselves. */
static GPtrArray *
write_synthetic_sources (const char *sources_dir,
                         const char *out_dir,
                         guint       scale)
{
  g_autoptr(GDir) dir = g_dir_open (sources_dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_ptr_array_add (paths, g_build_filename (sources_dir, "categories.json", NULL));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (sources_dir, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json") || g_str_equal (name, "categories.json"))
        continue;
      if (!g_file_get_contents (path, &data, NULL, &error))
        g_error ("%s", error->message);

      if (scale == 1)
        {
          g_ptr_array_add (paths, g_steal_pointer (&path));
          continue;
        }

      for (guint copy = 0; copy < scale; copy++)
        {
          /* Parsed afresh for each copy: json_node_copy () shares the objects. */
          g_autoptr(JsonNode) root = json_from_string (data, &error);
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          JsonObject *object = json_node_get_object (root);
          JsonArray *related = json_object_get_array_member (object, "related");
          g_autofree char *id = g_strdup_printf ("%s-c%03u",
                                                 json_object_get_string_member (object, "id"),
                                                 copy);
          g_autofree char *title = g_strdup_printf ("%s %u",
                                                    json_object_get_string_member (object, "name"),
                                                    copy);
          g_autofree char *file = g_strconcat (id, ".json", NULL);
          char *out_path = g_build_filename (out_dir, file, NULL);

          g_autofree char *full_name = g_strdup_printf ("%s %u",
                                                        json_object_get_string_member (object,
                                                                                       "full_name"),
                                                        copy);

          /* Each copy is a service of its own: names and aliases are unique in a KB. */
          json_object_set_string_member (object, "id", id);
          json_object_set_string_member (object, "name", title);
          json_object_set_string_member (object, "full_name", full_name);
          if (json_object_has_member (object, "aliases"))
            json_object_remove_member (object, "aliases");
          if (related != NULL)
            {
              JsonArray *mapped = json_array_new ();

              for (guint i = 0; i < json_array_get_length (related); i++)
                {
                  const char *other = json_array_get_string_element (related, i);

                  json_array_add_string_element (mapped, g_strdup_printf ("%s-c%03u", other, copy));
                }
              json_object_set_array_member (object, "related", mapped);
            }
          json_generator_set_root (generator, root);
          if (!json_generator_to_file (generator, out_path, &error))
            g_error ("%s", error->message);
          g_ptr_array_add (paths, out_path);
        }
    }

  return paths;
}

/* Compiles scale copies of the sources with the real compiler; returns the KB path. */
static char *
compile_kb (const char *sources,
            const char *compiler,
            const char *dir,
            guint       scale)
{
  g_autofree char *name = g_strdup_printf ("nimbus-%ux.db", scale);
  char *kb = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 start;
  int status;

  /* NIMBUS_BENCH_DIR keeps the compiled knowledge bases for the next run. */
  if (g_getenv ("NIMBUS_BENCH_DIR") != NULL && g_file_test (kb, G_FILE_TEST_EXISTS))
    {
      g_print ("KB compile %3ux: kept from an earlier run in %s\n", scale, dir);
      return kb;
    }
  paths = write_synthetic_sources (sources, dir, scale);

  g_ptr_array_add (argv, (char *) compiler);
  g_ptr_array_add (argv, (char *) "--output");
  g_ptr_array_add (argv, kb);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("compiling the %ux KB failed: %s\n%s", scale, error->message, err);
  g_print ("KB compile %3ux: %5u sources in %.2f s\n", scale, paths->len - 1,
           (g_get_monotonic_time () - start) / 1e6);

  /* The copies go; the compiled KB stays for measuring. */
  for (guint i = 1; scale > 1 && i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));

  return kb;
}

int
main (int   argc,
      char *argv[])
{
  const char *kb = g_getenv ("NIMBUS_KB");
  const char *sources = g_getenv ("NIMBUS_KB_SOURCES");
  const char *compiler = g_getenv ("NIMBUS_KB_COMPILE");
  const char *keep = g_getenv ("NIMBUS_BENCH_DIR");
  const char *only = g_getenv ("NIMBUS_BENCH_SCALES");
  g_autoptr(GArray) scales = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) wanted = g_strsplit (only != NULL ? only : "1 10 100", " ", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = keep != NULL ? g_strdup (keep)
                                      : g_dir_make_tmp ("nimbus-bench-XXXXXX", &error);
  g_autoptr(GPtrArray) kbs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      guint scale = (guint) g_ascii_strtoull (wanted[i], NULL, 10);

      if (scale > 0)
        g_array_append_val (scales, scale);
    }
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("no directory for the benchmark's knowledge bases");

  if (kb == NULL || sources == NULL || compiler == NULL)
    g_error ("set NIMBUS_KB, NIMBUS_KB_SOURCES and NIMBUS_KB_COMPILE (meson test does)");

  for (guint i = 0; i < scales->len; i++)
    g_ptr_array_add (kbs, compile_kb (sources, compiler, dir, g_array_index (scales, guint, i)));

  for (guint i = 0; i < scales->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("search %ux KB", g_array_index (scales, guint, i));

      measure (label, g_ptr_array_index (kbs, i));
      check_exact (label, g_ptr_array_index (kbs, i));
    }

  if (keep != NULL)
    return EXIT_SUCCESS;
  for (guint i = 0; i < kbs->len; i++)
    g_unlink (g_ptr_array_index (kbs, i));
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
