/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nimbus-search-results.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-window.h"

/* The real window on a real (virtual) display: what a student does, step by step, with a
 * screenshot at each step in build/tests/screenshots/. */

static const char *
visible_page (NimbusWindow *window)
{
  return gtk_stack_get_visible_child_name (nimbus_test_window_child (window, "stack"));
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  nimbus_test_wait_ms (300);
}

static void
activate_service_row (NimbusWindow *window,
                      const char   *id)
{
  GtkListBox *list = nimbus_test_window_child (window, "services_list");

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "nimbus-id"), id) == 0)
        {
          g_signal_emit_by_name (list, "row-activated", row);
          return;
        }
    }
}

/* Types text into the search entry and waits for its results: they arrive from a worker
 * thread after the entry's typing delay, which a loaded machine or a sanitizer stretches.
 * A search expected to find something waits up to ten seconds for its hits; one expected
 * to find nothing, a second once the results pane shows (or, for an empty entry, once it
 * has gone). */
static void
type_search (NimbusWindow *window,
             const char   *text,
             gboolean      expect_hits)
{
  NimbusSearchResults *results = nimbus_test_window_child (window, "search_results");
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  nimbus_search_results_set_hits (results, NULL);
  gtk_editable_set_text (GTK_EDITABLE (nimbus_test_window_child (window, "search_entry")), text);
  /* An empty entry goes back to the page that was open. */
  while (g_get_monotonic_time () < end &&
         (expect_hits ? nimbus_search_results_get_n_hits (results) == 0
                      : (g_strcmp0 (visible_page (window), "results") == 0) == (*text == '\0')))
    g_main_context_iteration (NULL, FALSE);
  nimbus_test_wait_ms (expect_hits ? 400 : 1000);
}

static double
scroll_position (NimbusWindow *window)
{
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  GtkWidget *scroller = gtk_widget_get_first_child (page);

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
}

/* Pick a service, search, open a hit, go back and forward: the whole reading loop. */
static void
test_window_study_loop (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 1100, 760);
  GtkListBox *list = nimbus_test_window_child (window, "services_list");
  NimbusSearchResults *results = nimbus_test_window_child (window, "search_results");

  set_dark (FALSE);
  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 71));
  g_assert_null (gtk_list_box_get_row_at_index (list, 72));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "01-welcome-wide-light");

  activate_service_row (window, "dynamodb");
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "dynamodb");
  g_assert_cmpstr (visible_page (window), ==, "entry");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "02-dynamodb-wide-light");

  /* "visib", then Enter: the first hit is the answer, scrolled into view. */
  type_search (window, "visib", TRUE);
  g_assert_cmpstr (visible_page (window), ==, "results");
  g_assert_cmpuint (nimbus_search_results_get_n_hits (results), >, 0);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "03-search-visib-wide-light");

  g_signal_emit_by_name (nimbus_test_window_child (window, "search_entry"), "activate");
  /* The page scrolls once it is laid out, which a slow machine takes longer to do. */
  for (guint i = 0; i < 100 && scroll_position (window) == 0; i++)
    nimbus_test_wait_ms (100);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs/visibility-timeout");
  g_assert_cmpstr (visible_page (window), ==, "entry");
  g_assert_cmpfloat (scroll_position (window), >, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nimbus_test_window_child (window, "search_entry"))), ==, "");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "04-sqs-visibility-timeout-wide-light");

  set_dark (TRUE);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "05-sqs-visibility-timeout-wide-dark");
  set_dark (FALSE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "dynamodb");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs/visibility-timeout");

  /* Related services navigate. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sns");
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sns");

  /* The capacity calculator sits on the DynamoDB page, in its own section. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                              "dynamodb/provisioned-throughput");
  nimbus_test_wait_ms (500);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "05a-dynamodb-capacity-wide-light");

  /* Tables, as EBS compares its volume types. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "ebs/volume-types");
  nimbus_test_wait_ms (500);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "ebs/volume-types");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "05b-ebs-volume-types-wide-light");

  /* Nothing found says so; hostile text is text. */
  type_search (window, "zzqxj wvvkq", FALSE);
  g_assert_cmpuint (nimbus_search_results_get_n_hits (results), ==, 0);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "06-no-results-wide-light");
  type_search (window, "<b>\" NEAR( * ^ -x col:", FALSE);
  type_search (window, "", FALSE);
  g_assert_cmpstr (visible_page (window), ==, "entry");

  nimbus_test_close_window (window);
}

/* The way back to the services that a user can see in widget: the split view's own back
 * button (libadwaita 1.4 and later), or the window's button beside the folded leaflet. */
static GtkWidget *
find_back_button (GtkWidget *widget,
                  GtkWidget *sidebar_button)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      (widget == sidebar_button ||
       g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "navigation.pop") == 0))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_back_button (c, sidebar_button);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What a user sees at phone width: one pane, never both. */
static void
assert_one_pane (NimbusWindow *window,
                 const char   *shown)
{
  gboolean content = g_str_equal (shown, "content");
  GtkWidget *back;
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  /* Once the panes have slid into place, which a slow machine takes longer to do. */
  while (g_get_monotonic_time () < end &&
         (gtk_widget_get_mapped (nimbus_test_window_child (window, "sidebar")) == content ||
          gtk_widget_get_mapped (nimbus_test_window_child (window, "content")) != content))
    g_main_context_iteration (NULL, FALSE);

  back = find_back_button (nimbus_test_window_child (window, "content_header"),
                           nimbus_test_window_child (window, "sidebar_button"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_mapped (nimbus_test_window_child (window, "sidebar")), ==, !content);
  g_assert_cmpint (gtk_widget_get_mapped (nimbus_test_window_child (window, "content")), ==, content);
  /* Reading, a button leads back to the services. */
  if (content)
    g_assert_nonnull (back);
}

/* At phone width the window shows one pane, with a way back to the services, whether
 * libadwaita folds a leaflet (1.2) or collapses a split view (1.4 and later). */
static void
test_window_narrow (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 360, 720);

  set_dark (FALSE);
  /* The last page read in the previous window is back, from GSettings. */
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "ebs/volume-types");
  assert_one_pane (window, "content");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "07-last-page-narrow-light");

  gtk_widget_activate (find_back_button (nimbus_test_window_child (window, "content_header"),
                                         nimbus_test_window_child (window, "sidebar_button")));
  nimbus_test_wait_ms (500);
  assert_one_pane (window, "sidebar");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "08-services-narrow-light");

  activate_service_row (window, "sqs");
  nimbus_test_wait_ms (500);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs");
  assert_one_pane (window, "content");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "09-sqs-narrow-light");
  set_dark (TRUE);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "10-sqs-narrow-dark");
  set_dark (FALSE);

  nimbus_test_close_window (window);
}

/* The collect of every mapped label's text, to check what a user reads. */
static void
collect_label_text (GtkWidget *widget,
                    GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_label_text (c, text);
}

static void
test_window_missing_kb (void)
{
  NimbusWindow *window = nimbus_window_new (NULL, "/nonexistent/<b>nimbus</b>.db", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (visible_page (window), ==, "error");

  /* The path is shown as it is, never read as markup. */
  collect_label_text (GTK_WIDGET (window), text);
  g_assert_nonnull (strstr (text->str, "/nonexistent/<b>nimbus</b>.db"));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "11-missing-kb");

  nimbus_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/window/study-loop", test_window_study_loop);
  g_test_add_func ("/nimbus/window/narrow", test_window_narrow);
  g_test_add_func ("/nimbus/window/missing-kb", test_window_missing_kb);

  return g_test_run ();
}
