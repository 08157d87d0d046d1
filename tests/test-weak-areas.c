/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"
#include "nimbus-flag-item.h"
#include "nimbus-review-page.h"
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

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_flag_button (c, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (has_label (c, text))
        return TRUE;
    }

  return FALSE;
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
  NimbusReviewPage *review = nimbus_test_window_child (window, "review_page");
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  GtkWidget *button;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
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
  g_assert_true (nimbus_user_store_is_flagged (store,
                                               "sqs/visibility-timeout#duplicate-processing"));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-01-flagged-section");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dynamodb/scan-vs-query");
  nimbus_test_wait_ms (300);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_flag_button (GTK_WIDGET (window),
                                                                     "dynamodb/scan-vs-query")),
                                                                     TRUE);

  nimbus_window_show_weak_areas (window);
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (gtk_label_get_text (nimbus_test_window_child (window, "weak_count")), ==, "3");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-02-list-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-03-list-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

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
  g_assert_cmpstr (gtk_stack_get_visible_child_name (nimbus_test_window_child (window, "stack")),
                   ==, "review");
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-05-review");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-05-review-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.answer", "b", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.answer", "b", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.answer", "b", FALSE);
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

  /* The sidebar's Weak Areas shows the review's end until it is left. */
  nimbus_window_show_weak_areas (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (nimbus_test_window_child (window, "stack")),
                   ==, "review");
  gtk_widget_activate_action (GTK_WIDGET (review), "review.stop", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (nimbus_test_window_child (window, "stack")),
                   ==, "weak");

  /* Opening a flagged item goes to its page. */
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.open", "s", "sqs/visibility-timeout");
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs/visibility-timeout");

  nimbus_test_close_window (window);
}

/* Two windows of one application share its knowledge base and user store: a flag set in
 * one shows in the other's flag button and Weak Areas page, and so does its removal. */
static void
test_weak_areas_two_windows (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(NimbusApplication) app = nimbus_test_application_new (nimbus_test_kb_path (), path);
  NimbusWindow *first = g_object_ref_sink (nimbus_window_new (app));
  NimbusWindow *second = g_object_ref_sink (nimbus_window_new (app));
  g_autoptr(NimbusKb) first_kb = NULL;
  g_autoptr(NimbusKb) second_kb = NULL;
  g_autoptr(NimbusUserStore) first_store = NULL;
  g_autoptr(NimbusUserStore) second_store = NULL;
  g_autofree char *title = NULL;
  NimbusUserStore *store;
  GtkWidget *first_button;
  GtkWidget *second_button;

  g_object_get (first, "kb", &first_kb, "store", &first_store, NULL);
  g_object_get (second, "kb", &second_kb, "store", &second_store, NULL);
  g_assert_nonnull (first_kb);
  g_assert_true (first_kb == second_kb);
  g_assert_true (first_store == second_store);
  g_assert_true (first_kb == nimbus_application_get_kb (app, NULL));
  store = nimbus_application_get_store (app);
  g_assert_true (first_store == store);
  g_assert_cmpstr (nimbus_user_store_get_path (store), ==, path);

  for (guint i = 0; i < 2; i++)
    {
      NimbusWindow *window = i == 0 ? first : second;

      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      gtk_window_present (GTK_WINDOW (window));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                  "sqs/visibility-timeout");
    }
  nimbus_test_wait_ms (500);

  first_button = find_flag_button (GTK_WIDGET (first), "sqs/visibility-timeout");
  second_button = find_flag_button (GTK_WIDGET (second), "sqs/visibility-timeout");
  g_assert_nonnull (first_button);
  g_assert_nonnull (second_button);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (second_button)));

  /* Flagged in the first, the second follows. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (first_button), TRUE);
  g_assert_true (nimbus_user_store_is_flagged (store, "sqs/visibility-timeout"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (second_button)));
  g_assert_cmpstr (gtk_label_get_text (nimbus_test_window_child (second, "weak_count")), ==, "1");
  title = nimbus_kb_lookup_title (first_kb, "sqs/visibility-timeout");
  g_assert_nonnull (title);
  nimbus_window_show_weak_areas (second);
  nimbus_test_wait_ms (300);
  g_assert_true (has_label (nimbus_test_window_child (second, "weak_page"), title));
  nimbus_test_save_screenshot (GTK_WIDGET (second), "weak-13-second-window");

  /* Removed from the second's Weak Areas, the first's button follows. */
  gtk_widget_activate_action (nimbus_test_window_child (second, "weak_page"), "weak.remove", "s",
                              "sqs/visibility-timeout");
  g_assert_false (nimbus_user_store_is_flagged (store, "sqs/visibility-timeout"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (first_button)));
  g_assert_false (has_label (nimbus_test_window_child (second, "weak_page"), title));
  g_assert_cmpstr (gtk_label_get_text (nimbus_test_window_child (first, "weak_count")), ==, "");

  g_clear_object (&first_store);
  g_clear_object (&second_store);
  g_clear_object (&first_kb);
  g_clear_object (&second_kb);
  nimbus_test_close_window (first);
  nimbus_test_close_window (second);
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

static GtkWidget *
find_by_css_name (GtkWidget  *widget,
                  const char *css_name)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), css_name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_css_name (c, css_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
page_child (NimbusReviewPage *page,
            const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), NIMBUS_TYPE_REVIEW_PAGE,
                                                  name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* A click in the middle of the button reaches it: nothing, such as a toast, lies over it. */
static void
assert_clickable (GtkWidget *button,
                  GtkWidget *window)
{
  graphene_rect_t bounds;
  GtkWidget *picked;

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_compute_bounds (button, window, &bounds));
  picked = gtk_widget_pick (window, bounds.origin.x + bounds.size.width / 2,
                            bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT);
  g_assert_nonnull (picked);
  g_assert_true (picked == button || gtk_widget_is_ancestor (picked, button));
}

/* The name a screen reader gives the button: its label as shown, without the underscore of
 * its mnemonic (GTK 4.8 also named it after the label as written). */
static void
assert_named (GtkWidget  *button,
              const char *name)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, name);
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         name);
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL))
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         name);
}

/* The shortcuts window lists the accelerator under the title. */
static void
assert_listed_shortcut (const char *title,
                        const char *accelerator)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/nimbusstudy/Nimbus/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean found = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *shown_title = NULL;
      g_autofree char *shown_accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &shown_title, "accelerator", &shown_accelerator, NULL);
      found |= g_strcmp0 (shown_title, title) == 0 &&
               g_strcmp0 (shown_accelerator, accelerator) == 0;
    }

  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

/* The review with a toast up, as after removing an item and starting at once: its buttons
 * are still there to click, the keys answer, and both are named right for screen readers. */
static void
review_keys_toast (int         width,
                   int         height,
                   const char *screenshot)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  const char *ids[] = { "sqs/visibility-timeout", "dynamodb/scan-vs-query",
                        "sqs/visibility-timeout#duplicate-processing" };
  g_autoptr(GPtrArray) flags = NULL;
  NimbusWindow *window;
  NimbusWeakAreasPage *weak;
  NimbusReviewPage *page;
  const char *buttons[] = { "stop_button", "still_weak_button", "knew_it_button" };
  guint boxes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (nimbus_user_store_flag (store, ids[i], NULL, NULL));
  window = nimbus_test_open_window (store, width, height);
  weak = nimbus_test_window_child (window, "weak_page");
  page = nimbus_test_window_child (window, "review_page");
  nimbus_window_show_weak_areas (window);
  nimbus_test_wait_ms (300);

  /* Answering is for the review alone. */
  g_assert_false (nimbus_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_k, GDK_ALT_MASK));

  gtk_widget_activate_action (GTK_WIDGET (weak), "weak.remove", "s", ids[2]);
  gtk_widget_activate_action (GTK_WIDGET (weak), "weak.review", NULL);
  nimbus_test_wait_ms (600);
  g_assert_nonnull (find_by_css_name (GTK_WIDGET (window), "toast"));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    assert_clickable (page_child (page, buttons[i]), GTK_WIDGET (window));
  nimbus_test_save_screenshot (GTK_WIDGET (window), screenshot);

  assert_named (page_child (page, "stop_button"), "Stop");
  assert_named (page_child (page, "still_weak_button"), "Still Weak");
  assert_named (page_child (page, "knew_it_button"), "Knew It");

  /* Alt+K, then Alt+W, each once. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (page, "review_progress"))), ==,
                   "1 of 2");
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_k, GDK_ALT_MASK));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (page, "review_progress"))), ==,
                   "2 of 2");
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_w, GDK_ALT_MASK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (page, "stack"))), ==,
                   "done");
  g_assert_false (nimbus_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_k, GDK_ALT_MASK));

  flags = nimbus_user_store_list (store, NULL);
  g_assert_cmpuint (flags->len, ==, 2);
  for (guint i = 0; i < flags->len; i++)
    boxes += ((NimbusFlag *) g_ptr_array_index (flags, i))->box;
  g_assert_cmpuint (boxes, ==, 2 + 1);

  nimbus_test_close_window (window);
}

static void
test_weak_areas_review_keys_toast (void)
{
  review_keys_toast (1100, 760, "weak-10-review-with-toast");
  /* The narrowest window, where the toast spans the whole width. */
  review_keys_toast (360, 640, "weak-11-review-with-toast-narrow");

  assert_listed_shortcut ("Knew It", "<Alt>k");
  assert_listed_shortcut ("Still Weak", "<Alt>w");
}

static void
count_change (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              guint      *changes)
{
  changes[0]++;
  changes[1] += removed;
  changes[2] += added;
}

/* Every row of the page's flag groups, in order, held. */
static GPtrArray *
flag_rows (GtkWidget *widget,
           GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget) && !gtk_widget_has_css_class (widget, "note-row"))
    g_ptr_array_add (rows, g_object_ref (widget));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    flag_rows (c, rows);

  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* Removing one weak area, then undoing it, changes its row alone: one items-changed each,
 * and the other rows are the very widgets they were. */
static void
test_weak_areas_one_row_changes (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  const char *ids[] = { "sqs/visibility-timeout", "sqs/visibility-timeout#duplicate-processing",
                        "dynamodb/scan-vs-query", "lambda/concurrency" };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *removed_title = NULL;
  NimbusWeakAreasPage *page;
  NimbusWindow *window;
  GListModel *flags;
  guint changes[3] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (nimbus_user_store_flag (store, ids[i], NULL, NULL));
  window = nimbus_test_open_window (store, 1100, 760);
  page = nimbus_test_window_child (window, "weak_page");
  nimbus_window_show_weak_areas (window);
  nimbus_test_wait_ms (300);

  flags = nimbus_weak_areas_page_get_flags (page);
  g_assert_cmpuint (g_list_model_get_n_items (flags), ==, G_N_ELEMENTS (ids));
  before = flag_rows (GTK_WIDGET (page), g_ptr_array_new_with_free_func (g_object_unref));
  g_assert_cmpuint (before->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(NimbusFlagItem) item = g_list_model_get_item (flags, i);

      g_assert_cmpstr (row_title (g_ptr_array_index (before, i)), ==,
                       nimbus_flag_item_get_title (item));
      if (g_str_equal (nimbus_flag_item_get_id (item), "dynamodb/scan-vs-query"))
        removed_title = g_strdup (nimbus_flag_item_get_title (item));
    }
  g_assert_nonnull (removed_title);

  g_signal_connect (flags, "items-changed", G_CALLBACK (count_change), changes);
  g_signal_connect (page, "add-toast", G_CALLBACK (capture_toast), &toast);
  gtk_widget_activate_action (GTK_WIDGET (page), "weak.remove", "s", "dynamodb/scan-vs-query");
  g_assert_cmpuint (changes[0], ==, 1);
  g_assert_cmpuint (changes[1], ==, 1);
  g_assert_cmpuint (changes[2], ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (flags), ==, G_N_ELEMENTS (ids) - 1);

  after = flag_rows (GTK_WIDGET (page), g_ptr_array_new_with_free_func (g_object_unref));
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0, j = 0; i < before->len; i++)
    {
      if (g_str_equal (row_title (g_ptr_array_index (before, i)), removed_title))
        continue;
      g_assert_true (g_ptr_array_index (after, j++) == g_ptr_array_index (before, i));
    }

  /* Undo brings its row back in its place, the others still untouched. */
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (changes[0], ==, 2);
  g_assert_cmpuint (changes[2], ==, 1);
  back = flag_rows (GTK_WIDGET (page), g_ptr_array_new_with_free_func (g_object_unref));
  g_assert_cmpuint (back->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_assert_cmpstr (row_title (g_ptr_array_index (back, i)), ==,
                       row_title (g_ptr_array_index (before, i)));
      if (!g_str_equal (row_title (g_ptr_array_index (before, i)), removed_title))
        g_assert_true (g_ptr_array_index (back, i) == g_ptr_array_index (before, i));
    }

  /* A note on an item not flagged changes no flag's row. */
  g_assert_true (nimbus_user_store_set_note (store, "lambda/retries", "Twice, async", NULL));
  g_assert_cmpuint (changes[0], ==, 2);

  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-12-list-after-undo");
  g_signal_handlers_disconnect_by_data (flags, changes);
  nimbus_test_close_window (window);

  /* The same list at phone width, light and dark. */
  window = nimbus_test_open_window (store, 360, 640);
  nimbus_window_show_weak_areas (window);
  nimbus_test_wait_ms (300);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-13-list-narrow");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "weak-14-list-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  nimbus_test_close_window (window);
}

/* GTK's own file chooser, which the page's dialog is without a portal, once it is up. */
static GtkWidget *
wait_for_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (toplevel))
            return toplevel;
          G_GNUC_END_IGNORE_DEPRECATIONS
        }
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_not_reached ();
}

/* Chooses file in the chooser and accepts it, as a click on its button would. A chooser to
 * save with opens in the working folder, which must be the file's: a folder set while the
 * first one loads does not stay. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
choose_file (GtkWidget *chooser,
             GFile     *file)
{
  /* The dialog goes once it has answered. */
  g_autoptr(GtkWidget) held = g_object_ref (chooser);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean chosen = FALSE;

  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autofree char *name = g_file_get_basename (file);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  /* The folder loads before the file is chosen in it. */
  while (!chosen && g_get_monotonic_time () < end)
    {
      g_autoptr(GFile) current = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      chosen = current != NULL && g_file_equal (current, file);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (chosen);

  /* A file to save to is checked before the dialog answers. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (gtk_widget_get_visible (chooser) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_widget_get_visible (chooser));
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* A damaged file chosen for import: the toast names it, reads in the main thread after the
 * worker, and the weak areas and notes are all still there. */
static void
test_weak_areas_import_damaged (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *damaged_path = g_build_filename (dir, "damaged.json", NULL);
  g_autoptr(GFile) damaged = g_file_new_for_path (damaged_path);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *note = NULL;
  NimbusWindow *window;
  NimbusWeakAreasPage *page;
  gint64 end;

  g_assert_true (nimbus_user_store_flag (store, "sqs/fifo", NULL, NULL));
  g_assert_true (nimbus_user_store_set_note (store, "sqs/fifo", "ordered", NULL));
  g_assert_true (g_file_set_contents (damaged_path, "{\"nimbus_flags\": 2, \"flags\": [{\"id\"",
                                      -1, NULL));
  window = nimbus_test_open_window (store, 1100, 760);
  page = nimbus_test_window_child (window, "weak_page");
  nimbus_window_show_weak_areas (window);
  g_signal_connect (page, "add-toast", G_CALLBACK (capture_toast), &toast);

  gtk_widget_activate_action (GTK_WIDGET (page), "weak.import", NULL);
  choose_file (wait_for_chooser (), damaged);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (toast == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_assert_nonnull (toast);
  g_test_message ("%s", adw_toast_get_title (toast));
  g_assert_nonnull (strstr (adw_toast_get_title (toast), damaged_path));
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Nothing was imported"));
  g_assert_cmpuint (nimbus_test_count_flags (store), ==, 1);
  note = nimbus_user_store_get_note (store, "sqs/fifo");
  g_assert_cmpstr (note, ==, "ordered");
  g_assert_cmpstr (gtk_label_get_text (nimbus_test_window_child (window, "weak_count")), ==, "1");
  nimbus_test_close_window (window);
}

/* An export chosen in the dialog is written; but with the window closed while its dialog is
 * open, a file chosen then is not, and nothing is left to crash on. */
static void
test_weak_areas_export_after_close (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *open_path = g_build_filename (dir, "window-open.json", NULL);
  g_autofree char *closed_path = g_build_filename (dir, "window-closed.json", NULL);
  g_autoptr(GFile) open_file = g_file_new_for_path (open_path);
  g_autoptr(GFile) closed_file = g_file_new_for_path (closed_path);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  g_autoptr(GtkWidget) chooser = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  NimbusWindow *window;
  GtkWidget *page;
  gint64 end;

  g_assert_true (nimbus_user_store_flag (store, "sqs/fifo", NULL, NULL));
  g_assert_cmpint (g_chdir (dir), ==, 0);
  window = nimbus_test_open_window (store, 1100, 760);
  page = nimbus_test_window_child (window, "weak_page");
  nimbus_window_show_weak_areas (window);

  gtk_widget_activate_action (page, "weak.export", NULL);
  choose_file (wait_for_chooser (), open_file);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (open_path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_test (open_path, G_FILE_TEST_EXISTS));

  gtk_widget_activate_action (page, "weak.export", NULL);
  chooser = g_object_ref (wait_for_chooser ());
  nimbus_test_close_window (window);
  choose_file (chooser, closed_file);
  nimbus_test_wait_ms (500);

  g_assert_false (g_file_test (closed_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

static void
test_weak_areas_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/nimbusstudy/Nimbus/gtk/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_present (shortcuts);
  nimbus_test_wait_ms (300);
  nimbus_test_save_screenshot (GTK_WIDGET (shortcuts), "weak-12-shortcuts-window");
  assert_listed_shortcut ("Print the Page or the Weak Areas", "<Control>p");
  gtk_window_destroy (shortcuts);
}

int
main (int   argc,
      char *argv[])
{
  /* What a screen reader is told is read back from GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/weak-areas/flag-review-undo", test_weak_areas_flag_review_undo);
  g_test_add_func ("/nimbus/weak-areas/two-windows", test_weak_areas_two_windows);
  g_test_add_func ("/nimbus/weak-areas/read-only", test_weak_areas_read_only);
  g_test_add_func ("/nimbus/weak-areas/corrupt", test_weak_areas_corrupt);
  g_test_add_func ("/nimbus/weak-areas/review-keys-toast", test_weak_areas_review_keys_toast);
  g_test_add_func ("/nimbus/weak-areas/one-row-changes", test_weak_areas_one_row_changes);
  g_test_add_func ("/nimbus/weak-areas/shortcuts-window", test_weak_areas_shortcuts_window);
  g_test_add_func ("/nimbus/weak-areas/import-damaged", test_weak_areas_import_damaged);
  g_test_add_func ("/nimbus/weak-areas/export-after-close", test_weak_areas_export_after_close);

  return g_test_run ();
}
