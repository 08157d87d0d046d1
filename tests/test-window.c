/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-search-results.h"
#include "nimbus-service.h"
#include "nimbus-service-list.h"
#include "nimbus-home-page.h"
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

static GtkListBox *
services_list_box (NimbusWindow *window)
{
  GObject *list = gtk_widget_get_template_child (nimbus_test_window_child (window, "service_list"),
                                                 NIMBUS_TYPE_SERVICE_LIST, "list");

  g_assert_true (GTK_IS_LIST_BOX (list));
  return GTK_LIST_BOX (list);
}

/* The sidebar's row for a service id, or for "category:ID". */
static GtkListBoxRow *
find_sidebar_row (NimbusWindow *window,
                  const char   *id)
{
  GtkListBox *list = services_list_box (window);
  gboolean heading = g_str_has_prefix (id, "category:");

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), heading ? "nimbus-category" : "nimbus-id"),
                     heading ? id + strlen ("category:") : id) == 0)
        return row;
    }
}

static void
activate_service_row (NimbusWindow *window,
                      const char   *id)
{
  GtkListBoxRow *row = find_sidebar_row (window, id);

  /* A user can only pick what the sidebar shows. */
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (row)));
  g_signal_emit_by_name (services_list_box (window), "row-activated", row);
}

static GStrv
sidebar_shown (NimbusWindow *window)
{
  return nimbus_service_list_dup_shown (nimbus_test_window_child (window, "service_list"));
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

  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  return gtk_adjustment_get_value (adjustment);
}

/* The home page's offer of the exams, until one is chosen. */
static GtkWidget *
exam_choice (NimbusWindow *window)
{
  GObject *choice = gtk_widget_get_template_child (nimbus_test_window_child (window, "home_page"),
                                                   NIMBUS_TYPE_HOME_PAGE, "exam_choice");

  g_assert_nonnull (choice);
  return GTK_WIDGET (choice);
}

/* Pick a service, search, open a hit, go back and forward: the whole reading loop. */
static void
test_window_study_loop (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 1100, 760);
  NimbusSearchResults *results = nimbus_test_window_child (window, "search_results");

  set_dark (FALSE);
  g_assert_cmpstr (visible_page (window), ==, "home");
  {
    g_auto(GStrv) shown = sidebar_shown (window);

    /* Every service under its category until an exam is chosen, which the home page offers. */
    g_assert_cmpuint (g_strv_length (shown), ==, 72 + 13);
    g_assert_cmpstr (shown[0], ==, "category:security");
    g_assert_true (gtk_widget_get_mapped (exam_choice (window)));
  }
  nimbus_test_save_screenshot (GTK_WIDGET (window), "01-welcome-wide-light");

  activate_service_row (window, "dynamodb");
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "dynamodb");
  g_assert_cmpstr (visible_page (window), ==, "entry");
  {
    g_autoptr(GString) text = g_string_new (NULL);

    collect_label_text (nimbus_test_window_child (window, "entry_page"), text);
    g_assert_nonnull (strstr (text->str, "\nOn the exams: Developer, Solutions Architect\n"));
  }
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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nimbus_test_window_child (window,
                                                                                  "search_entry"))),
                                                                                  ==, "");
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

  back = nimbus_test_find_back_button (window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_mapped (nimbus_test_window_child (window, "sidebar")), ==,
                   !content);
  g_assert_cmpint (gtk_widget_get_mapped (nimbus_test_window_child (window, "content")), ==,
                   content);
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

  gtk_widget_activate (nimbus_test_find_back_button (window));
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

/* What the sidebar must show for exam (NULL: all) with one category collapsed (or NULL),
 * as nimbus_service_list_dup_shown () tells it. */
static GStrv
expected_sidebar (const char *exam,
                  const char *collapsed)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *last_category = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      const char *category = nimbus_service_get_category_id (service);

      if (exam != NULL && !nimbus_service_is_on_exam (service, exam))
        continue;
      if (g_strcmp0 (category, last_category) != 0)
        {
          g_autofree char *heading = g_strconcat ("category:", category, NULL);

          g_strv_builder_add (builder, heading);
          g_free (last_category);
          last_category = g_strdup (category);
        }
      if (g_strcmp0 (category, collapsed) != 0)
        g_strv_builder_add (builder, nimbus_service_get_id (service));
    }

  return g_strv_builder_end (builder);
}

static void
assert_sidebar_shows (NimbusWindow       *window,
                      const char * const *expected)
{
  g_auto(GStrv) shown = sidebar_shown (window);
  g_autofree char *a = g_strjoinv (" ", shown);
  g_autofree char *b = g_strjoinv (" ", (char **) expected);

  g_assert_cmpstr (a, ==, b);
}

static void
pick_exam (NimbusWindow *window,
           guint         position)
{
  gtk_drop_down_set_selected (nimbus_test_window_child (window, "exam_dropdown"), position);
  nimbus_test_wait_ms (300);
}

/* Left and Right on a focused category heading, as the keyboard sends them. */
static void
press_key_on (GtkWidget *widget,
              GtkWidget *list,
              guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_has_focus (widget));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* The sidebar lists one exam's services, kept in GSettings with the collapsed categories,
 * and the text typed in the search narrows it to the services it names. */
static void
test_window_sidebar_exams (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) all = expected_sidebar (NULL, NULL);
  g_auto(GStrv) developer = expected_sidebar ("dva-c02", NULL);
  g_auto(GStrv) architect = expected_sidebar ("saa-c03", NULL);
  g_auto(GStrv) without_security = expected_sidebar ("saa-c03", "security");
  g_auto(GStrv) collapsed = NULL;
  NimbusWindow *window;
  GtkListBoxRow *heading;

  g_settings_reset (settings, "exam");
  g_settings_reset (settings, "collapsed-categories");
  g_settings_set_string (settings, "last-page", "");
  window = nimbus_test_open_window (NULL, 1100, 760);
  set_dark (FALSE);
  assert_sidebar_shows (window, (const char * const *) all);

  /* The home page's offer, as a first launch shows it. */
  g_assert_true (gtk_widget_get_mapped (exam_choice (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-exam", "s",
                                             "dva-c02"));
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (g_settings_get_string (settings, "exam"), ==, "dva-c02");
  g_assert_cmpuint (gtk_drop_down_get_selected (nimbus_test_window_child (window, "exam_dropdown")),
                    ==, 1);
  g_assert_false (gtk_widget_get_visible (exam_choice (window)));
  assert_sidebar_shows (window, (const char * const *) developer);
  g_assert_true (g_strv_contains ((const char * const *) developer, "codecommit"));
  g_assert_false (g_strv_contains ((const char * const *) developer, "backup"));
  g_assert_false (g_strv_contains ((const char * const *) developer,
                                   "category:migration-transfer"));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "12-sidebar-developer-wide-light");

  pick_exam (window, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "exam"), ==, "saa-c03");
  assert_sidebar_shows (window, (const char * const *) architect);
  g_assert_false (g_strv_contains ((const char * const *) architect, "codecommit"));
  g_assert_true (g_strv_contains ((const char * const *) architect, "backup"));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "13-sidebar-architect-wide-light");

  /* A category collapses to its heading, and opens again, by mouse or keyboard. */
  heading = find_sidebar_row (window, "category:security");
  g_signal_emit_by_name (services_list_box (window), "row-activated", heading);
  collapsed = g_settings_get_strv (settings, "collapsed-categories");
  g_assert_true (g_strv_contains ((const char * const *) collapsed, "security"));
  g_assert_cmpuint (g_strv_length (without_security), <, g_strv_length (architect));
  assert_sidebar_shows (window, (const char * const *) without_security);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "14-sidebar-collapsed-wide-light");
  press_key_on (GTK_WIDGET (heading), GTK_WIDGET (services_list_box (window)), GDK_KEY_Right);
  assert_sidebar_shows (window, (const char * const *) architect);
  press_key_on (GTK_WIDGET (heading), GTK_WIDGET (services_list_box (window)), GDK_KEY_Left);
  assert_sidebar_shows (window, (const char * const *) without_security);

  /* Typing names services: a start of a name, or a whole question that names some; a
   * collapsed category shows what the text names. */
  type_search (window, "lamb", TRUE);
  assert_sidebar_shows (window, (const char *[]) { "category:compute", "lambda", NULL });
  type_search (window, "secrets", TRUE);
  assert_sidebar_shows (window, (const char *[]) { "category:security", "secrets-manager", NULL });
  type_search (window, "A Lambda function reads an Amazon SQS queue and writes to DynamoDB", TRUE);
  assert_sidebar_shows (window,
                        (const char *[]) { "category:compute", "lambda", "category:databases",
                                                   "dynamodb", "category:application-integration",
                                                   "sqs", NULL });
  nimbus_test_save_screenshot (GTK_WIDGET (window), "15-sidebar-question-wide-light");
  type_search (window, "visibility timeout", TRUE);
  assert_sidebar_shows (window, (const char *[]) { NULL });
  nimbus_test_save_screenshot (GTK_WIDGET (window), "16-sidebar-no-name-wide-light");
  type_search (window, "", FALSE);
  assert_sidebar_shows (window, (const char * const *) without_security);
  nimbus_test_close_window (window);

  /* A new window is as the last one was left; at phone width too. */
  for (guint e = 1; e <= 2; e++)
    {
      window = nimbus_test_open_window (NULL, 360, 720);
      g_assert_cmpuint (gtk_drop_down_get_selected (nimbus_test_window_child (window,
                                                                              "exam_dropdown")),
                        ==, e == 1 ? 2 : 1);
      if (e == 1)
        {
          assert_sidebar_shows (window, (const char * const *) without_security);
          press_key_on (GTK_WIDGET (find_sidebar_row (window, "category:security")),
                        GTK_WIDGET (services_list_box (window)), GDK_KEY_Right);
          nimbus_test_save_screenshot (GTK_WIDGET (window), "17-sidebar-architect-narrow-light");
          pick_exam (window, 1);
        }
      else
        {
          assert_sidebar_shows (window, (const char * const *) developer);
          nimbus_test_save_screenshot (GTK_WIDGET (window), "18-sidebar-developer-narrow-light");
          pick_exam (window, 0);
          assert_sidebar_shows (window, (const char * const *) all);
        }
      nimbus_test_close_window (window);
    }
  g_assert_cmpstr (g_settings_get_string (settings, "exam"), ==, "all");
}

static void
test_window_missing_kb (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *store_path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(NimbusApplication) app = nimbus_test_application_new ("/nonexistent/<b>nimbus</b>.db",
                                                                  store_path);
  NimbusWindow *window = nimbus_window_new (app);
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
  g_test_add_func ("/nimbus/window/sidebar-exams", test_window_sidebar_exams);
  g_test_add_func ("/nimbus/window/missing-kb", test_window_missing_kb);

  return g_test_run ();
}
