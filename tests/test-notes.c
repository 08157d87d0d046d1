/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "nimbus-entry-page.h"
#include "nimbus-history-menu.h"
#include "nimbus-note-editor.h"
#include "nimbus-note-view.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-user-store.h"
#include "nimbus-window.h"

/* Notes, history and printing in the real window, with a real store across restarts and a
 * real PDF read back with pdftotext. The editor is opened, typed in, saved and cancelled
 * with real clicks and keys, sent through the X server by xdotool. */

#define NOTE "Raise it above the processing time <b>not bold</b> & retry"

/* Real input */

static gboolean
have_x11_input (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) && xdotool != NULL;
#else
  return FALSE;
#endif
}

static void
xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The events reach the window through the X server: let it take them. */
  nimbus_test_wait_ms (300);
}

/* A click in the middle of widget, with the pointer moved there first. */
static void
click (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *xid = NULL;
  g_autofree char *x = NULL, *y = NULL;
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.,
                                                 gtk_widget_get_height (widget) / 2.);
  graphene_point_t point;
  double dx, dy;

  /* xdotool names the window by its X id; GTK 4.18 deprecates the X11 backend, which the
   * test needs for real input. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (surface));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  x = g_strdup_printf ("%d", (int) (point.x + dx));
  y = g_strdup_printf ("%d", (int) (point.y + dy));
  /* The pointer enters first, as a hand would bring it, then presses. */
  xdotool ((const char *[]) { "mousemove", "--window", xid, x, y, NULL });
  xdotool ((const char *[]) { "click", "1", NULL });
#endif
}

static void
press (const char *keys)
{
  xdotool ((const char *[]) { "key", keys, NULL });
}

static void
type (const char *text)
{
  xdotool ((const char *[]) { "type", "--delay", "15", text, NULL });
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_of_type (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
editor_text (GtkWidget *editor)
{
  GtkWidget *view = find_of_type (editor, GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Waits up to five seconds for the editor to be open (or closed). */
static void
wait_for_editor (GtkWidget *editor,
                 gboolean   open)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end && gtk_widget_get_mapped (editor) != open)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_mapped (editor), ==, open);
  nimbus_test_wait_ms (200);
}

static GtkWidget *
focus_of (NimbusWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Waits for the page to have scrolled to a section and given its heading the keyboard. */
static GtkWidget *
wait_for_heading (NimbusWindow *window)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end &&
         (focus_of (window) == NULL ||
          g_strcmp0 (G_OBJECT_TYPE_NAME (focus_of (window)), "NimbusSectionHeading") != 0))
    g_main_context_iteration (NULL, FALSE);
  nimbus_test_wait_ms (200);

  g_assert_nonnull (focus_of (window));
  return focus_of (window);
}

/* Whether widget is wholly inside the part of the page in view. */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, scroller, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Scrolls the page to widget, as the wheel would, and waits up to ten seconds for it to be
 * laid out in view and stay there. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint steady = 0;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  while (g_get_monotonic_time () < end && steady < 5)
    {
      graphene_rect_t bounds;

      if (!in_view (widget) && gtk_widget_compute_bounds (widget, content, &bounds))
        gtk_adjustment_set_value (adjustment, bounds.origin.y - 48);
      nimbus_test_wait_ms (50);
      steady = in_view (widget) ? steady + 1 : 0;
    }
  g_assert_true (in_view (widget));
}

static GtkWidget *
find_note_button (GtkWidget  *widget,
                  const char *id)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      NIMBUS_IS_NOTE_EDITOR (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))) &&
      g_strcmp0 (nimbus_note_editor_get_id (NIMBUS_NOTE_EDITOR (gtk_menu_button_get_popover (
                   GTK_MENU_BUTTON (widget)))), id) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
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

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
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
  g_autofree char *large_pdf = g_build_filename (dir, "page-large.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!have_x11_input ())
    {
      g_test_skip ("Needs an X11 display and xdotool to click and type");
      return;
    }

  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    NimbusWindow *window = nimbus_test_open_window (store, 1100, 820);
    GtkWidget *button, *editor, *view, *hit;

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dynamodb");
    nimbus_test_wait_ms (200);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                "sqs/visibility-timeout");
    wait_for_heading (window);

    /* Add Note opens the editor with a click; the keys typed go into it, Ctrl+Enter saves. */
    button = find_note_button (GTK_WIDGET (window), "sqs/visibility-timeout");
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Add Note");
    editor = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    scroll_into_view (button);
    click (button);
    wait_for_editor (editor, TRUE);
    g_assert_true (gtk_widget_has_focus (find_of_type (editor, GTK_TYPE_TEXT_VIEW)));
    type (NOTE);
    g_clear_pointer (&text, g_free);
    text = editor_text (editor);
    g_assert_cmpstr (text, ==, NOTE);
    nimbus_test_save_screenshot_with_popover (GTK_WIDGET (window), editor, "notes-01-editor");
    press ("ctrl+Return");
    wait_for_editor (editor, FALSE);
    g_assert_true (in_view (button));

    /* Under its section, as text, and the button now edits it. */
    view = g_object_get_data (G_OBJECT (button), "nimbus-note-view");
    g_assert_true (gtk_widget_get_visible (view));
    g_assert_cmpstr (nimbus_note_view_get_text (NIMBUS_NOTE_VIEW (view)), ==, NOTE);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Edit Note");
    g_clear_pointer (&text, g_free);
    text = nimbus_user_store_get_note (store, "sqs/visibility-timeout");
    g_assert_cmpstr (text, ==, NOTE);
    nimbus_test_save_screenshot (GTK_WIDGET (window), "notes-02-under-section");

    /* By keyboard: Tab from the heading to the button, Enter opens the note as saved, and
     * Escape leaves it so, whatever was typed. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                "sqs/visibility-timeout");
    wait_for_heading (window);
    scroll_into_view (button);
    for (guint i = 0; i < 6 && focus_of (window) != button &&
         !gtk_widget_is_ancestor (focus_of (window), button); i++)
      press ("Tab");
    g_assert_true (focus_of (window) == button
                   || gtk_widget_is_ancestor (focus_of (window), button));
    press ("Return");
    wait_for_editor (editor, TRUE);
    g_clear_pointer (&text, g_free);
    text = editor_text (editor);
    g_assert_cmpstr (text, ==, NOTE);
    type (" and more");
    press ("Escape");
    wait_for_editor (editor, FALSE);
    g_clear_pointer (&text, g_free);
    text = nimbus_user_store_get_note (store, "sqs/visibility-timeout");
    g_assert_cmpstr (text, ==, NOTE);
    g_assert_cmpstr (nimbus_note_view_get_text (NIMBUS_NOTE_VIEW (view)), ==, NOTE);

    /* Opened while its button is out of view, the editor waits for the page to scroll there
     * rather than point off the page (which GDK on X11 cannot place at all). */
    nimbus_entry_page_scroll_to_top (nimbus_test_window_child (window, "entry_page"));
    nimbus_test_wait_ms (300);
    g_assert_false (in_view (button));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    wait_for_editor (editor, TRUE);
    g_assert_true (in_view (button));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    wait_for_editor (editor, FALSE);

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

    /* At the largest reading text size, the same page takes more paper. */
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_settings_set_double (settings, "text-scale", 1.6);
      g_assert_true (nimbus_window_print (window, large_pdf, &error));
      g_assert_no_error (error);
      g_settings_reset (settings, "text-scale");
    }

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
      gtk_widget_set_parent (menu,
                             GTK_WIDGET (nimbus_test_window_child (window, "content_header")));
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
  {
    g_autofree char *large = pdf_text (large_pdf, "notes-08-page-print-large");
    guint pages = 0, large_pages = 0;

    for (const char *p = text; *p != '\0'; p++)
      pages += *p == '\f';
    for (const char *p = large; *p != '\0'; p++)
      large_pages += *p == '\f';
    g_test_message ("pages: %u at the usual size, %u at 1.6", pages, large_pages);
    g_assert_cmpuint (large_pages, >, pages);
    g_assert_nonnull (strstr (large, "Dead-letter queues and redrive"));
  }

  /* After a restart: the note under its section, the history, and Clear History. */
  {
    g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
    NimbusWindow *window = nimbus_test_open_window (store, 1100, 820);
    g_autoptr(GPtrArray) visits = NULL;
    GtkWidget *button;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                "sqs/visibility-timeout");
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

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_main_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)),
                 "open-menu-symbolic") == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_main_menu_button (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A note under its section, its editor open, the Weak Areas page with notes and Recently
 * Viewed in the main menu, as they look at width, light or dark. */
static void
notes_look (int         width,
            gboolean    dark,
            const char *suffix)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  const char *viewed[] = { "dynamodb", "lambda", "sqs" };
  g_autofree char *name = NULL;
  NimbusWindow *window;
  GtkWidget *button, *editor, *menu_button, *menu, *item;

  g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout", NOTE, NULL));
  g_assert_true (nimbus_user_store_set_note (store, "sqs/visibility-timeout#duplicate-processing",
                                             "Twice? Timeout too short.", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (viewed); i++)
    g_assert_true (nimbus_user_store_record_view (store, viewed[i], NULL));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = nimbus_test_open_window (store, width, 820);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs/visibility-timeout");
  wait_for_heading (window);
  button = find_note_button (GTK_WIDGET (window), "sqs/visibility-timeout");
  scroll_into_view (button);
  name = g_strdup_printf ("notes-10-under-section-%s", suffix);
  nimbus_test_save_screenshot (GTK_WIDGET (window), name);

  editor = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  click (button);
  wait_for_editor (editor, TRUE);
  g_free (name);
  name = g_strdup_printf ("notes-11-editor-%s", suffix);
  nimbus_test_save_screenshot_with_popover (GTK_WIDGET (window), editor, name);
  press ("Escape");
  wait_for_editor (editor, FALSE);

  /* Notes and no flags: the page lists them, and they can be exported and printed. */
  nimbus_window_show_weak_areas (window);
  nimbus_test_wait_ms (400);
  g_assert_nonnull (find_with_class (GTK_WIDGET (window), "note-row", NULL));
  g_free (name);
  name = g_strdup_printf ("notes-12-weak-areas-%s", suffix);
  nimbus_test_save_screenshot (GTK_WIDGET (window), name);

  /* Recently Viewed, from the main menu in the sidebar. */
  if (!gtk_widget_get_mapped (nimbus_test_window_child (window, "sidebar")))
    {
      GtkWidget *back = nimbus_test_find_back_button (window);

      g_assert_nonnull (back);
      click (back);
      nimbus_test_wait_ms (600);
    }
  menu_button = find_main_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  click (menu_button);
  menu = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  wait_for_editor (menu, TRUE);
  item = find_label (menu, "Recently Viewed");
  g_assert_nonnull (item);
  click (item);
  nimbus_test_wait_ms (400);
  g_assert_nonnull (find_label (menu, "SQS"));
  g_assert_nonnull (find_label (menu, "Clear History"));
  g_free (name);
  name = g_strdup_printf ("notes-13-history-menu-%s", suffix);
  nimbus_test_save_screenshot_with_popover (GTK_WIDGET (window), menu, name);
  press ("Escape");
  nimbus_test_wait_ms (300);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  nimbus_test_wait_ms (300);

  nimbus_test_close_window (window);
}

static void
test_notes_look (void)
{
  if (!have_x11_input ())
    {
      g_test_skip ("Needs an X11 display and xdotool to click and type");
      return;
    }

  notes_look (1100, FALSE, "wide-light");
  notes_look (1100, TRUE, "wide-dark");
  notes_look (360, FALSE, "narrow-light");
  notes_look (360, TRUE, "narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/notes/in-window", test_notes_in_window);
  g_test_add_func ("/nimbus/notes/look", test_notes_look);

  return g_test_run ();
}
