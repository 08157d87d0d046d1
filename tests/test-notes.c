/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nimbus-history-menu.h"
#include "nimbus-note-editor.h"
#include "nimbus-note-view.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"
#include "nimbus-window.h"

/* Notes, history and printing in the real window, with a real store across restarts and a
 * real PDF read back with pdftotext. */

#define NOTE "Raise it above the processing time <b>not bold</b> & retry"

static GtkWidget *
find_note_button (GtkWidget  *widget,
                  const char *id)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      NIMBUS_IS_NOTE_EDITOR (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))) &&
      g_strcmp0 (nimbus_note_editor_get_id (NIMBUS_NOTE_EDITOR (gtk_menu_button_get_popover (
                   GTK_MENU_BUTTON (widget)))), id) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_note_button (c, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class,
                 const char *id)
{
  if (gtk_widget_has_css_class (widget, css_class) &&
      (id == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (widget), "nimbus-id"), id) == 0))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_with_class (c, css_class, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
screenshot_dir (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_steal_pointer (&dir);
}

/* The text of a PDF, by pdftotext; its first page as a PNG among the screenshots. */
static char *
pdf_text (const char *pdf,
          const char *screenshot)
{
  const char *to_text[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *dir = screenshot_dir ();
  g_autofree char *prefix = g_build_filename (dir, screenshot, NULL);
  const char *to_png[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                           pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) to_text, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) to_png, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("screenshot: %s.png", prefix);

  return out;
}

static void
test_notes_in_window (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "weak.pdf", NULL);
  g_autofree char *page_pdf = g_build_filename (dir, "page.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    NimbusWindow *window = nimbus_test_open_window (store, 1100, 820);
    GtkWidget *button, *editor, *view, *hit;

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dynamodb");
    nimbus_test_wait_ms (200);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs/visibility-timeout");
    nimbus_test_wait_ms (400);

    /* Add Note, then the editor. */
    button = find_note_button (GTK_WIDGET (window), "sqs/visibility-timeout");
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Add Note");
    editor = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    /* The editor as the button opens it, saved as Ctrl+Enter or Save does. (Popping it up
     * under Xvfb on GTK 4.8 hits a GDK critical about a missing monitor: see the report.) */
    nimbus_note_editor_set_text (NIMBUS_NOTE_EDITOR (editor), NOTE);
    g_assert_true (nimbus_note_editor_save (NIMBUS_NOTE_EDITOR (editor)));
    nimbus_test_wait_ms (300);

    /* Under its section, as text, and the button now edits it. */
    view = g_object_get_data (G_OBJECT (button), "nimbus-note-view");
    g_assert_true (gtk_widget_get_visible (view));
    g_assert_cmpstr (nimbus_note_view_get_text (NIMBUS_NOTE_VIEW (view)), ==, NOTE);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Edit Note");
    nimbus_test_save_screenshot (GTK_WIDGET (window), "notes-02-under-section");

    /* A tip's note, and a flag, for the weak areas. */
    g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout#duplicate-processing",
                                               "Twice? Timeout too short.", NULL));
    g_assert_true (nimbus_user_store_flag (store, "sqs/visibility-timeout", NULL, NULL));

    /* Found by search, marked as the student's. */
    nimbus_window_search (window, "processing retry");
    nimbus_test_wait_for_hits (window, "search_results");
    nimbus_test_wait_ms (200);
    hit = find_with_class (GTK_WIDGET (nimbus_test_window_child (window, "search_results")),
                           "note-hit", "sqs/visibility-timeout");
    g_assert_nonnull (hit);
    nimbus_test_save_screenshot (GTK_WIDGET (window), "notes-03-search");
    nimbus_window_search (window, "");
    nimbus_test_wait_ms (200);

    /* Listed on the Weak Areas page, and printed there as the cheat sheet. */
    nimbus_window_show_weak_areas (window);
    nimbus_test_wait_ms (400);
    g_assert_nonnull (find_with_class (GTK_WIDGET (window), "note-row", NULL));
    nimbus_test_save_screenshot (GTK_WIDGET (window), "notes-04-weak-areas");
    g_assert_true (nimbus_window_print (window, pdf, &error));
    g_assert_no_error (error);

    /* The page being read prints as itself. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs");
    nimbus_test_wait_ms (300);
    g_assert_true (nimbus_window_print (window, page_pdf, &error));
    g_assert_no_error (error);

    /* Recently Viewed: the latest first. */
    {
      g_autoptr(NimbusHistoryMenu) history = NULL;
      g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
      g_autoptr(GPtrArray) visits = nimbus_user_store_list_history (store, NULL);
      GtkWidget *menu;

      g_assert_cmpuint (visits->len, ==, 2);
      g_assert_cmpstr (((NimbusVisit *) g_ptr_array_index (visits, 0))->id, ==, "sqs");
      g_assert_cmpstr (((NimbusVisit *) g_ptr_array_index (visits, 1))->id, ==, "dynamodb");
      history = nimbus_history_menu_new (kb, store);
      g_assert_cmpint (g_menu_model_get_n_items (nimbus_history_menu_get_model (history)), ==, 2);
      menu = gtk_popover_menu_new_from_model (nimbus_history_menu_get_model (history));
      gtk_widget_set_parent (menu, GTK_WIDGET (nimbus_test_window_child (window, "content_header")));
      gtk_popover_popup (GTK_POPOVER (menu));
      nimbus_test_wait_ms (300);
      nimbus_test_save_screenshot (menu, "notes-05-history-menu");
      gtk_popover_popdown (GTK_POPOVER (menu));
      nimbus_test_wait_ms (300);
      gtk_widget_unparent (menu);
      nimbus_test_wait_ms (100);
    }

    nimbus_test_close_window (window);
  }

  text = pdf_text (pdf, "notes-06-cheat-sheet-page-1");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Weak Areas"));
  g_assert_nonnull (strstr (text, "Visibility timeout"));
  g_assert_nonnull (strstr (text, "Raise it above the processing time <b>not bold</b> & retry"));
  g_assert_nonnull (strstr (text, "Twice? Timeout too short."));
  g_clear_pointer (&text, g_free);
  text = pdf_text (page_pdf, "notes-07-page-print");
  g_assert_nonnull (strstr (text, "Visibility timeout"));
  g_assert_nonnull (strstr (text, "Dead-letter queues and redrive"));

  /* After a restart: the note under its section, the history, and Clear History. */
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    NimbusWindow *window = nimbus_test_open_window (store, 1100, 820);
    g_autoptr(GPtrArray) visits = NULL;
    GtkWidget *button;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs/visibility-timeout");
    nimbus_test_wait_ms (400);
    button = find_note_button (GTK_WIDGET (window), "sqs/visibility-timeout");
    g_assert_cmpstr (nimbus_note_view_get_text (g_object_get_data (G_OBJECT (button),
                                                                   "nimbus-note-view")), ==, NOTE);
    visits = nimbus_user_store_list_history (store, NULL);
    g_assert_cmpuint (visits->len, ==, 2);
    g_assert_cmpstr (((NimbusVisit *) g_ptr_array_index (visits, 0))->id, ==, "sqs");

    gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-history", NULL);
    g_clear_pointer (&visits, g_ptr_array_unref);
    visits = nimbus_user_store_list_history (store, NULL);
    g_assert_cmpuint (visits->len, ==, 0);
    nimbus_test_close_window (window);
  }
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/notes/in-window", test_notes_in_window);

  return g_test_run ();
}
