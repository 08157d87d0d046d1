/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "nimbus-api-bucket.h"
#include "nimbus-cache-diagram.h"
#include "nimbus-capacity-calculator.h"
#include "nimbus-ebs-calculator.h"
#include "nimbus-entry-page.h"
#include "nimbus-flag-list.h"
#include "nimbus-history-menu.h"
#include "nimbus-home-page.h"
#include "nimbus-kb.h"
#include "nimbus-kinesis-calculator.h"
#include "nimbus-lambda-calculator.h"
#include "nimbus-note-editor.h"
#include "nimbus-note-view.h"
#include "nimbus-page-contents.h"
#include "nimbus-practice-page.h"
#include "nimbus-preferences-page.h"
#include "nimbus-review-page.h"
#include "nimbus-search-results.h"
#include "nimbus-section-heading.h"
#include "nimbus-service-list.h"
#include "nimbus-sqs-timeline.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-weak-areas-page.h"

/* Every page and widget of the window, made, shown with real content, and destroyed with
 * nothing left holding it: a reference kept by a signal, a timeout or an animation would
 * fail here. */

static void
show_and_finalize (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* In a scroller, as the pages hold them: a widget can be taller than the window. */
  g_object_ref_sink (widget);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  nimbus_test_wait_ms (300);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (widget);
}

static void
test_widgets_entry_page (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  GtkWidget *page = nimbus_entry_page_new ();

  /* DynamoDB holds a calculator, ElastiCache the cache diagram, the others the exam-maths
   * widgets. */
  for (guint i = 0; i < 5; i++)
    {
      const char *ids[] = { "lambda", "kinesis", "ebs", "sqs", "api-gateway" };

      nimbus_entry_page_set_entry (NIMBUS_ENTRY_PAGE (page), nimbus_kb_load_entry (kb, ids[i],
                                                                                 NULL));
    }
  nimbus_entry_page_set_entry (NIMBUS_ENTRY_PAGE (page),
                               nimbus_kb_load_entry (kb, "dynamodb", NULL));
  nimbus_entry_page_scroll_to (NIMBUS_ENTRY_PAGE (page), "dynamodb/scan-vs-query");
  nimbus_entry_page_set_entry (NIMBUS_ENTRY_PAGE (page),
                               nimbus_kb_load_entry (kb, "elasticache", NULL));
  show_and_finalize (page);
}

static void
test_widgets_search_results (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) hits = nimbus_kb_search (kb, "visibility timeout", 10, NULL);
  g_autoptr(GListStore) model = g_list_store_new (NIMBUS_TYPE_SEARCH_HIT);
  GtkWidget *results = nimbus_search_results_new ();

  g_list_store_splice (model, 0, 0, hits->pdata, hits->len);
  nimbus_search_results_set_hits (NIMBUS_SEARCH_RESULTS (results), G_LIST_MODEL (model));
  g_assert_cmpuint (nimbus_search_results_get_n_hits (NIMBUS_SEARCH_RESULTS (results)), ==,
                    hits->len);
  nimbus_search_results_set_searching (NIMBUS_SEARCH_RESULTS (results), TRUE);
  show_and_finalize (results);
}

static void
test_widgets_service_list (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, NULL);
  GtkWidget *list = g_object_new (NIMBUS_TYPE_SERVICE_LIST, NULL);

  nimbus_service_list_set_services (NIMBUS_SERVICE_LIST (list), services);
  nimbus_service_list_set_exam (NIMBUS_SERVICE_LIST (list), "saa-c03");
  nimbus_service_list_set_filter (NIMBUS_SERVICE_LIST (list), "lamb");
  show_and_finalize (list);
}

static void
test_widgets_others (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  GtkWidget *page = nimbus_entry_page_new ();
  GtkWidget *contents = g_object_new (NIMBUS_TYPE_PAGE_CONTENTS, NULL);
  GtkWidget *diagram = nimbus_cache_diagram_new ();

  show_and_finalize (nimbus_section_heading_new ("Visibility timeout"));
  show_and_finalize (nimbus_capacity_calculator_new ());
  /* Mid-animation: the step's arrows are still moving when the diagram goes. */
  nimbus_cache_diagram_step (NIMBUS_CACHE_DIAGRAM (diagram));
  show_and_finalize (diagram);
  show_and_finalize (nimbus_lambda_calculator_new ());
  show_and_finalize (nimbus_kinesis_calculator_new ());
  show_and_finalize (nimbus_ebs_calculator_new ());
  {
    GtkWidget *timeline = nimbus_sqs_timeline_new ();
    GtkWidget *bucket = nimbus_api_bucket_new ();

    /* Playing: the timer is still set when they go. */
    gtk_widget_activate_action (timeline, "steps.step", NULL);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (
      timeline, NIMBUS_TYPE_SQS_TIMELINE, "play_button")), TRUE);
    show_and_finalize (timeline);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (
      bucket, NIMBUS_TYPE_API_BUCKET, "play_button")), TRUE);
    show_and_finalize (bucket);
  }
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    show_and_finalize (nimbus_preferences_page_new (settings));
  }
  show_and_finalize (g_object_new (NIMBUS_TYPE_WEAK_AREAS_PAGE, NULL));

  /* The contents popover of a page, as the window's header holds it. */
  g_object_ref_sink (page);
  nimbus_entry_page_set_entry (NIMBUS_ENTRY_PAGE (page), nimbus_kb_load_entry (kb, "sqs", NULL));
  nimbus_page_contents_set_page (NIMBUS_PAGE_CONTENTS (contents), NIMBUS_ENTRY_PAGE (page));
  {
    GtkWidget *button = gtk_menu_button_new ();

    gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), contents);
    g_object_ref (contents);
    show_and_finalize (button);
    g_assert_finalize_object (contents);
  }
  g_assert_finalize_object (page);
}

/* The practice page mid-way through a mock exam, its timer running, and the home page on a
 * store with answers. */
static void
test_widgets_practice (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  GtkWidget *practice = g_object_new (NIMBUS_TYPE_PRACTICE_PAGE, NULL);
  GtkWidget *home = g_object_new (NIMBUS_TYPE_HOME_PAGE, NULL);
  GObject *setup;
  GObject *count_row;

  nimbus_practice_page_set_sources (NIMBUS_PRACTICE_PAGE (practice), kb, store);
  nimbus_practice_page_set_exam (NIMBUS_PRACTICE_PAGE (practice), "saa-c03");
  setup = gtk_widget_get_template_child (practice, NIMBUS_TYPE_PRACTICE_PAGE, "setup");
  count_row = gtk_widget_get_template_child (GTK_WIDGET (setup), NIMBUS_TYPE_PRACTICE_SETUP,
                                             "count_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (count_row), 2);
  g_assert_true (nimbus_practice_page_start (NIMBUS_PRACTICE_PAGE (practice)));
  gtk_widget_activate_action (practice, "practice.pick", "u", 0);
  gtk_widget_activate_action (practice, "practice.check", NULL);
  show_and_finalize (practice);

  /* Another session finished, its results on show. */
  practice = g_object_new (NIMBUS_TYPE_PRACTICE_PAGE, NULL);
  nimbus_practice_page_set_sources (NIMBUS_PRACTICE_PAGE (practice), kb, store);
  nimbus_practice_page_set_exam (NIMBUS_PRACTICE_PAGE (practice), "dva-c02");
  g_assert_true (nimbus_practice_page_start (NIMBUS_PRACTICE_PAGE (practice)));
  gtk_widget_activate_action (practice, "practice.pick", "u", 1);
  gtk_widget_activate_action (practice, "practice.check", NULL);
  gtk_widget_activate_action (practice, "practice.finish", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
    practice, NIMBUS_TYPE_PRACTICE_PAGE, "stack"))), ==, "results");
  show_and_finalize (practice);

  nimbus_home_page_set_sources (NIMBUS_HOME_PAGE (home), kb, store);
  nimbus_home_page_set_exam (NIMBUS_HOME_PAGE (home), "all");
  nimbus_home_page_set_last_page (NIMBUS_HOME_PAGE (home), "sqs/visibility-timeout");
  show_and_finalize (home);
  g_unlink (path);
}

/* The review mid-way, an item on show and answers to give; the weak areas with flags. */
static void
test_widgets_review_weak_areas (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  GtkWidget *review = g_object_new (NIMBUS_TYPE_REVIEW_PAGE, NULL);
  GtkWidget *weak = g_object_new (NIMBUS_TYPE_WEAK_AREAS_PAGE, NULL);

  g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, NULL));
  g_assert_true (nimbus_user_store_flag (store, "dynamodb/scan-vs-query", NULL, NULL));
  nimbus_review_page_set_sources (NIMBUS_REVIEW_PAGE (review), kb, store);
  g_assert_true (nimbus_review_page_start (NIMBUS_REVIEW_PAGE (review)));
  nimbus_review_page_answer (NIMBUS_REVIEW_PAGE (review), TRUE);
  g_assert_true (nimbus_review_page_is_reviewing (NIMBUS_REVIEW_PAGE (review)));
  show_and_finalize (review);

  /* The weak areas bound to the store's flags, their groups and notes. */
  g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout", "Heartbeat", NULL));
  nimbus_weak_areas_page_set_sources (NIMBUS_WEAK_AREAS_PAGE (weak), kb, store);
  g_assert_true (nimbus_user_store_unflag (store, "dynamodb/scan-vs-query", NULL));
  show_and_finalize (weak);
  g_unlink (path);
}

/* The reading tools: the find bar open on a page with a note, the note's editor and view,
 * and the models behind the history menu and the weak areas, which must let go of the store
 * they listen to. */
static void
test_widgets_reading (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  GtkWidget *page = nimbus_entry_page_new ();
  GtkWidget *view = nimbus_note_view_new ();
  GtkWidget *editor = nimbus_note_editor_new ("sqs/visibility-timeout");
  GtkWidget *button = gtk_menu_button_new ();
  NimbusHistoryMenu *history;
  NimbusFlagList *flags;
  g_autoptr(GMenuModel) pages = NULL;
  g_autofree char *action = NULL;

  g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout", "Heartbeat", NULL));
  g_assert_true (nimbus_user_store_flag (store, "sqs/dead-letter-queues", NULL, NULL));
  g_assert_true (nimbus_user_store_record_view (store, "sqs/visibility-timeout", NULL));
  nimbus_entry_page_set_store (NIMBUS_ENTRY_PAGE (page), store);
  nimbus_entry_page_set_entry (NIMBUS_ENTRY_PAGE (page), nimbus_kb_load_entry (kb, "sqs", NULL));
  nimbus_entry_page_find (NIMBUS_ENTRY_PAGE (page));
  show_and_finalize (page);

  nimbus_note_view_set_text (NIMBUS_NOTE_VIEW (view), "Extend it with ChangeMessageVisibility");
  show_and_finalize (view);

  nimbus_note_editor_set_text (NIMBUS_NOTE_EDITOR (editor), "Heartbeat");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), editor);
  g_object_ref (editor);
  show_and_finalize (button);
  g_assert_finalize_object (editor);

  history = nimbus_history_menu_new (kb, store);
  /* Its first section lists the one page viewed, not the placeholder. */
  pages = g_menu_model_get_item_link (nimbus_history_menu_get_model (history), 0,
                                      G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (pages), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (pages, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_cmpstr (action, ==, "win.show-page");
  flags = nimbus_flag_list_new (kb, store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flags)), ==, 1);
  g_clear_object (&pages);
  g_assert_finalize_object (history);
  g_assert_finalize_object (flags);
  /* The store goes on changing with neither listening. */
  g_assert_true (nimbus_user_store_record_view (store, "sqs/dead-letter-queues", NULL));
  g_assert_true (nimbus_user_store_unflag (store, "sqs/dead-letter-queues", NULL));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/widgets/entry-page", test_widgets_entry_page);
  g_test_add_func ("/nimbus/widgets/search-results", test_widgets_search_results);
  g_test_add_func ("/nimbus/widgets/service-list", test_widgets_service_list);
  g_test_add_func ("/nimbus/widgets/others", test_widgets_others);
  g_test_add_func ("/nimbus/widgets/practice", test_widgets_practice);
  g_test_add_func ("/nimbus/widgets/review-weak-areas", test_widgets_review_weak_areas);
  g_test_add_func ("/nimbus/widgets/reading", test_widgets_reading);

  return g_test_run ();
}
