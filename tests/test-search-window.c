/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <string.h>

#include "nimbus-search-results.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"

/* Search in the real window: a misspelt query is corrected and says so, a scope keeps one
 * service. Screenshots in build/tests/screenshots/. */

static void
search (NimbusWindow *window,
        const char   *text)
{
  NimbusSearchResults *results = nimbus_test_window_child (window, "search_results");
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  nimbus_search_results_set_hits (results, NULL);
  gtk_editable_set_text (GTK_EDITABLE (nimbus_test_window_child (window, "search_entry")), text);
  while (g_get_monotonic_time () < end && nimbus_search_results_get_n_hits (results) == 0)
    g_main_context_iteration (NULL, FALSE);
  nimbus_test_wait_ms (300);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkListBox *
results_list (NimbusWindow *window)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (nimbus_test_window_child (window,
                                                                                "search_results"),
                                                      NIMBUS_TYPE_SEARCH_RESULTS, "list"));
}

static const char *
first_hit_id (NimbusWindow *window)
{
  GtkListBox *list = results_list (window);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "nimbus-id") : NULL;
}

static void
test_search_window_corrects (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 1100, 760);
  NimbusSearchResults *results = nimbus_test_window_child (window, "search_results");
  GtkWidget *label;

  search (window, "visibilty timout");
  label = find_label (GTK_WIDGET (results), "Showing results for");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Showing results for “visibility timeout”");
  g_assert_cmpstr (first_hit_id (window), ==, "sqs/visibility-timeout");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "search-corrected");

  /* Spelt right: nothing to say. */
  search (window, "visibility timeout");
  g_assert_null (find_label (GTK_WIDGET (results), "Showing results for"));

  nimbus_test_close_window (window);
}

static void
test_search_window_scope (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 1100, 760);
  GtkListBox *list = results_list (window);

  search (window, "in:sqs ordering");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      const char *id = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, i)),
                                          "nimbus-id");

      g_assert_true (g_str_equal (id, "sqs") || g_str_has_prefix (id, "sqs/"));
    }
  nimbus_test_save_screenshot (GTK_WIDGET (window), "search-scope-sqs");

  nimbus_test_close_window (window);
}

static gboolean
entry_has_focus (NimbusWindow *window)
{
  GtkWidget *entry = nimbus_test_window_child (window, "search_entry");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* Typing at human speed: the first results arrive between two words, and the keyboard
 * stays in the search entry, so the next word lands there too. */
static void
test_search_window_keeps_focus (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 1100, 760);
  GtkEditable *entry = nimbus_test_window_child (window, "search_entry");
  int position;

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_assert_true (entry_has_focus (window));
  search (window, "sqs");
  nimbus_test_wait_ms (500);
  g_assert_true (entry_has_focus (window));

  position = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  gtk_editable_insert_text (entry, " vis", -1, &position);
  nimbus_test_wait_ms (800);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "sqs vis");
  g_assert_true (entry_has_focus (window));
  g_assert_true (g_str_has_prefix (first_hit_id (window), "sqs/visibility-timeout"));

  nimbus_test_close_window (window);
}

/* A search long in coming shows a spinner, named for assistive technology; the hits, or
 * giving the search up, take it away. */
static void
test_search_window_spinner (void)
{
  GtkWidget *results = nimbus_search_results_new ();
  GtkWidget *window = nimbus_test_window_with (results, 600);
  g_autoptr(GListStore) none = g_list_store_new (NIMBUS_TYPE_SEARCH_HIT);

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  nimbus_search_results_set_searching (NIMBUS_SEARCH_RESULTS (results), TRUE);
  nimbus_test_wait_ms (100);
  g_assert_false (nimbus_search_results_is_searching (NIMBUS_SEARCH_RESULTS (results)));
  nimbus_test_wait_ms (600);
  g_assert_true (nimbus_search_results_is_searching (NIMBUS_SEARCH_RESULTS (results)));
  nimbus_test_save_screenshot (window, "search-searching");
  nimbus_search_results_set_hits (NIMBUS_SEARCH_RESULTS (results), G_LIST_MODEL (none));
  g_assert_false (nimbus_search_results_is_searching (NIMBUS_SEARCH_RESULTS (results)));

  nimbus_search_results_set_searching (NIMBUS_SEARCH_RESULTS (results), TRUE);
  nimbus_test_wait_ms (600);
  nimbus_search_results_set_searching (NIMBUS_SEARCH_RESULTS (results), FALSE);
  g_assert_false (nimbus_search_results_is_searching (NIMBUS_SEARCH_RESULTS (results)));
  nimbus_test_wait_ms (600);
  g_assert_false (nimbus_search_results_is_searching (NIMBUS_SEARCH_RESULTS (results)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/search-window/corrects", test_search_window_corrects);
  g_test_add_func ("/nimbus/search-window/scope", test_search_window_scope);
  g_test_add_func ("/nimbus/search-window/keeps-focus", test_search_window_keeps_focus);
  g_test_add_func ("/nimbus/search-window/spinner", test_search_window_spinner);

  return g_test_run ();
}
