/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"
#include "nimbus-weak-areas-page.h"
#include "nimbus-window.h"

/* Weak areas in the real window: flag from the page, list, remove and undo, review,
 * and a store that cannot be written or was damaged. */

static GtkWidget *
find_flag_button (GtkWidget  *widget,
                  const char *id)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "nimbus-id"), id) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_flag_button (c, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
capture_toast (NimbusWeakAreasPage  *page,
               AdwToast             *toast,
               AdwToast            **out)
{
  g_set_object (out, toast);
}

static void
test_weak_areas_flag_review_undo (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  NimbusWindow *window = nimbus_test_open_window (store, 1100, 760);
  NimbusWeakAreasPage *page = nimbus_test_window_child (window, "weak_page");
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  GtkWidget *button;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs/visibility-timeout");
  nimbus_test_wait_ms (400);

  /* Flag a section and a tip from the page. */
  button = find_flag_button (GTK_WIDGET (window), "sqs/visibility-timeout");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  button = find_flag_button (GTK_WIDGET (window), "sqs/visibility-timeout#duplicate-processing");
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (nimbus_user_store_is_flagged (store, "sqs/visibility-timeout"));
  g_assert_true (nimbus_user_store_is_flagged (store, "sqs/visibility-timeout#duplicate-processing"));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-01-flagged-section");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dynamodb/scan-vs-query");
  nimbus_test_wait_ms (300);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_flag_button (GTK_WIDGET (window),
                                                                     "dynamodb/scan-vs-query")), TRUE);

  nimbus_window_show_weak_areas (window);
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (gtk_label_get_text (nimbus_test_window_child (window, "weak_count")), ==, "3");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-02-list-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-03-list-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Remove, then undo: the flag is back as it was. */
  g_signal_connect (page, "add-toast", G_CALLBACK (capture_toast), &toast);
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.remove", "s", "dynamodb/scan-vs-query");
  g_assert_false (nimbus_user_store_is_flagged (store, "dynamodb/scan-vs-query"));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-04-removed-toast");
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_true (nimbus_user_store_is_flagged (store, "dynamodb/scan-vs-query"));

  /* Review all three: knew two, one still weak. */
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.review", NULL);
  nimbus_test_wait_ms (300);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-05-review");
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.answer", "b", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.answer", "b", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.answer", "b", FALSE);
  nimbus_test_wait_ms (300);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-06-review-done");

  flags = nimbus_user_store_list (store, NULL);
  g_assert_cmpuint (flags->len, ==, 3);
  {
    guint boxes = 0;

    for (guint i = 0; i < flags->len; i++)
      boxes += ((NimbusFlag *) g_ptr_array_index (flags, i))->box;
    g_assert_cmpuint (boxes, ==, 2 + 2 + 1);
  }

  /* Opening a flagged item goes to its page. */
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.stop-review", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.open", "s", "sqs/visibility-timeout");
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs/visibility-timeout");

  nimbus_test_close_window (window);
}

/* A data directory that cannot be written: the app runs, flagging is off and says why. */
static void
test_weak_areas_read_only (void)
{
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open ("/proc/nimbus/user.db");
  NimbusWindow *window = nimbus_test_open_window (store, 1100, 760);
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs/visibility-timeout");
  nimbus_test_wait_ms (400);
  button = find_flag_button (GTK_WIDGET (window), "sqs/visibility-timeout");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "/proc/nimbus/user.db"));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-07-read-only");

  nimbus_window_show_weak_areas (window);
  nimbus_test_wait_ms (300);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-08-read-only-page");
  nimbus_test_close_window (window);
}

/* A damaged store: kept aside, a new one started, the user told in the window. */
static void
test_weak_areas_corrupt (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(NimbusUserStore) store = NULL;
  NimbusWindow *window;

  g_assert_true (g_file_set_contents (path, "not a database at all", -1, NULL));
  store = nimbus_user_store_open (path);
  g_assert_nonnull (nimbus_user_store_get_set_aside_path (store));
  window = nimbus_test_open_window (store, 1100, 760);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-09-corrupt-told");
  g_assert_true (nimbus_user_store_is_writable (store));
  nimbus_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/weak-areas/flag-review-undo", test_weak_areas_flag_review_undo);
  g_test_add_func ("/nimbus/weak-areas/read-only", test_weak_areas_read_only);
  g_test_add_func ("/nimbus/weak-areas/corrupt", test_weak_areas_corrupt);

  return g_test_run ();
}
