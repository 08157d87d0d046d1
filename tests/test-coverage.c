/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-test-utils.h"

/* Every fact of the study notes, as (service, phrase[, query]) rows in tests/kb-coverage/,
 * must be on its service's page and findable by searching for it. */

#define MIN_ROWS 150

typedef struct
{
  char *where;     /* file:line, for messages */
  char *service;
  char *phrase;
  char *query;
} Row;

static void
row_free (Row *row)
{
  g_free (row->where);
  g_free (row->service);
  g_free (row->phrase);
  g_free (row->query);
  g_free (row);
}

/* Lower case, every run of other characters one space, padded so that " phrase " only
 * matches whole words. */
static char *
normalize (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (" ");

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }

  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

static GPtrArray *
load_rows (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "kb-coverage", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".tsv"))
        continue;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;
          Row *row;

          if (*g_strstrip (lines[i]) == '\0' || lines[i][0] == '#')
            continue;

          fields = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (fields) < 2 || g_strv_length (fields) > 3)
            g_error ("%s:%u: expected SERVICE<TAB>PHRASE[<TAB>QUERY]", name, i + 1);

          row = g_new0 (Row, 1);
          row->where = g_strdup_printf ("%s:%u", name, i + 1);
          row->service = g_strdup (fields[0]);
          row->phrase = g_strdup (fields[1]);
          row->query = g_strdup (fields[2] != NULL ? fields[2] : fields[1]);
          g_ptr_array_add (rows, row);
        }
    }

  return rows;
}

static void
test_coverage_rows (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) rows = load_rows ();
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_failed = 0;

  g_test_message ("%u coverage rows", rows->len);
  g_assert_cmpuint (rows->len, >=, MIN_ROWS);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autofree char *phrase = normalize (row->phrase);
      const char *page = g_hash_table_lookup (pages, row->service);
      gboolean found = FALSE;

      if (page == NULL)
        {
          g_autoptr(NimbusEntry) entry = nimbus_kb_load_entry (kb, row->service, &error);
          g_autofree char *text = NULL;

          g_assert_no_error (error);
          text = nimbus_entry_dup_plain_text (entry);
          page = normalize (text);
          g_hash_table_insert (pages, g_strdup (row->service), (char *) page);
        }

      if (strstr (page, phrase) == NULL)
        {
          g_string_append_printf (failures, "%s: “%s” is not on the %s page\n", row->where,
                                  row->phrase, row->service);
          n_failed++;
        }

      hits = nimbus_kb_search (kb, row->query, 10, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < hits->len && !found; j++)
        found = g_str_equal (nimbus_search_hit_get_service_id (g_ptr_array_index (hits, j)),
                             row->service);
      if (!found)
        {
          g_string_append_printf (failures,
                                  "%s: searching “%s” finds nothing of %s in the top 10\n",
                                  row->where, row->query, row->service);
          n_failed++;
        }
    }

  if (n_failed > 0)
    g_error ("%u coverage failures:\n%s", n_failed, failures->str);
}

/* Every service has rows, so no page of the notes goes unchecked. */
static void
test_coverage_every_service (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) rows = load_rows ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GObject) service = g_list_model_get_item (services, i);
      g_autofree char *id = NULL;
      guint n = 0;

      g_object_get (service, "id", &id, NULL);
      for (guint j = 0; j < rows->len; j++)
        n += g_str_equal (((Row *) g_ptr_array_index (rows, j))->service, id);

      g_test_message ("%s: %u rows", id, n);
      g_assert_cmpuint (n, >=, 5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/coverage/rows", test_coverage_rows);
  g_test_add_func ("/nimbus/coverage/every-service", test_coverage_every_service);

  return g_test_run ();
}
