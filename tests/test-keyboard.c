/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nimbus-capacity-calculator.h"
#include "nimbus-entry-page.h"
#include "nimbus-page-contents.h"
#include "nimbus-search-results.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-window.h"

/* The window as a keyboard and mouse-wheel user meets it: what Tab reaches, where the
 * keyboard is after opening a search result, what the wheel scrolls. */

static GtkWidget *
focus_of (NimbusWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Tab, as GtkWindow moves the focus for it: on to the next widget, or round to the first. */
static void
press_tab (NimbusWindow     *window,
           GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    {
      gtk_window_set_focus (GTK_WINDOW (window), NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), direction);
    }
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Waits for the page shown to be laid out down to its last widget: Tab goes in the order
 * widgets are placed, which a loaded machine takes a while to work out for a long page. */
static void
wait_for_layout (NimbusWindow *window)
{
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  GtkWidget *content = find_widget (page, GTK_TYPE_VIEWPORT);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  while (GTK_IS_WIDGET (content) && !GTK_IS_BOX (content))
    content = gtk_widget_get_first_child (content);
  while (g_get_monotonic_time () < end &&
         gtk_widget_get_height (gtk_widget_get_last_child (content)) == 0)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_last_child (content)), >, 0);
}

static NimbusWindow *
open_page (const char *id)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 1100, 760);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", id);
  nimbus_test_wait_ms (500);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, id);
  wait_for_layout (window);

  return window;
}

/* From the top of DynamoDB to its capacity calculator, Tab stops at controls and section
 * headings only, never at the text between them. */
static void
test_keyboard_tab_to_calculator (void)
{
  NimbusWindow *window = open_page ("dynamodb");
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  GtkWidget *calculator = find_widget (page, NIMBUS_TYPE_CAPACITY_CALCULATOR);
  guint tabs = 0;

  g_assert_nonnull (calculator);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD));
  while (focus_of (window) != NULL && !gtk_widget_is_ancestor (focus_of (window), calculator) &&
         tabs < 1000)
    {
      GtkWidget *focus = focus_of (window);

      g_test_message ("%u: %s %s", tabs, G_OBJECT_TYPE_NAME (focus),
                      GTK_IS_LABEL (focus) ? gtk_label_get_text (GTK_LABEL (focus)) : "");
      /* Text is selectable with the mouse, never a stop for the keyboard. */
      /* Text is a stop only where it holds links (a section's sources). */
      g_assert_true (!GTK_IS_LABEL (focus) || gtk_widget_has_css_class (focus, "sources"));
      press_tab (window, GTK_DIR_TAB_FORWARD);
      tabs++;
    }

  g_assert_nonnull (focus_of (window));
  g_test_message ("Tab presses from the top of DynamoDB to its calculator: %u", tabs);
  /* Each section before the calculator's is at least a heading, a flag and a note button;
   * its tips add a flag and a note button each, and nothing else adds stops. */
  g_assert_cmpuint (tabs, >=, 3 * 5);
  g_assert_cmpuint (tabs, <, 70);
  nimbus_test_close_window (window);
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

  return focus_of (window);
}

/* Enter in the search opens the first hit with the keyboard on its section's heading, the
 * focus ring showing, and Tab goes on to that section's flag; wide and at phone width. */
static void
test_keyboard_focus_after_result (void)
{
  for (guint narrow = 0; narrow <= 1; narrow++)
    {
      NimbusWindow *window = nimbus_test_open_window (NULL, narrow ? 360 : 1100, 760);
      GtkWidget *entry = nimbus_test_window_child (window, "search_entry");
      GtkWidget *heading;
      GtkWidget *page = nimbus_test_window_child (window, "entry_page");

      gtk_widget_grab_focus (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), "visibility timeout");
      nimbus_test_wait_for_hits (window, "search_results");
      g_signal_emit_by_name (entry, "activate");
      heading = wait_for_heading (window);

      g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs/visibility-timeout");
      g_assert_nonnull (heading);
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (heading), ==, "NimbusSectionHeading");
      g_assert_true (gtk_widget_is_ancestor (heading, page));
      g_assert_true (gtk_widget_is_drawable (heading));
      g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
      nimbus_test_save_screenshot (GTK_WIDGET (window), narrow ? "keyboard-result-focus-narrow"
                                                                : "keyboard-result-focus-wide");

      press_tab (window, GTK_DIR_TAB_FORWARD);
      g_assert_true (GTK_IS_TOGGLE_BUTTON (focus_of (window)));
      g_assert_true (gtk_widget_get_parent (focus_of (window)) == gtk_widget_get_parent (heading));
      nimbus_test_close_window (window);
    }
}

/* Tab past the last control of a page comes round to its first heading, never into the
 * sidebar, where Space would open another service. */
static void
test_keyboard_tab_wraps_in_page (void)
{
  NimbusWindow *window = open_page ("sqs");
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  GtkWidget *last = NULL;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD));
  for (guint i = 0; i < 400 && gtk_widget_is_ancestor (focus_of (window), page); i++)
    {
      GtkWidget *before = focus_of (window);

      press_tab (window, GTK_DIR_TAB_FORWARD);
      /* Came round: the page's first heading follows its last related service. */
      if (focus_of (window) != before && GTK_IS_BUTTON (before) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (before)),
                     "win.show-page") == 0 &&
          g_strcmp0 (G_OBJECT_TYPE_NAME (focus_of (window)), "NimbusSectionHeading") == 0)
        {
          last = before;
          break;
        }
    }

  g_assert_nonnull (last);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), page));
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs");
  nimbus_test_close_window (window);
}

/* The first table on the page. */
static GtkWidget *
find_table (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "kb-table"))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_table (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
send_scroll (GtkWidget *widget,
             double     dx,
             double     dy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "scroll", dx, dy, &handled);
    }

  return handled;
}

/* The wheel over a table scrolls the page; sideways it is the table's. */
static void
test_keyboard_wheel_over_table (void)
{
  NimbusWindow *window = open_page ("ebs");
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  GtkScrolledWindow *page_scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (page));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (page_scroller);
  GtkWidget *table = find_table (page);
  double before;

  g_assert_nonnull (table);
  nimbus_test_wait_ms (300);
  before = gtk_adjustment_get_value (vadjustment);
  g_assert_true (send_scroll (table, 0, 3));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, before + 50);
  before = gtk_adjustment_get_value (vadjustment);
  g_assert_true (send_scroll (table, 0, -1));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <, before);
  /* Sideways is left to the table's own scroller. */
  g_assert_false (send_scroll (table, 2, 0));
  nimbus_test_close_window (window);
}

static void
collect_class (GtkWidget  *widget,
               const char *css_class,
               GPtrArray  *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_class (c, css_class, found);
}

/* At phone width a key number's lines break between words, never inside one ("sec-onds"). */
static void
test_reading_fact_cards_narrow (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 360, 720);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  guint wrapped = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs/visibility-timeout");
  wait_for_heading (window);
  collect_class (nimbus_test_window_child (window, "entry_page"), "fact-value", values);
  g_assert_cmpuint (values->len, >, 5);
  for (guint i = 0; i < values->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (values, i);
      PangoLayout *layout = gtk_label_get_layout (label);
      const char *text = pango_layout_get_text (layout);

      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          int start = ((PangoLayoutLine *) l->data)->start_index;

          if (start == 0)
            continue;
          wrapped++;
          g_test_message ("“%s” wraps before byte %d", text, start);
          g_assert_true (text[start - 1] == ' ');
        }
    }
  /* Some do wrap at this width: the check above is not empty. */
  g_assert_cmpuint (wrapped, >, 0);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "reading-fact-cards-narrow");
  nimbus_test_close_window (window);
}

/* A table is as tall as its rows, with no empty band below them, wide and narrow. */
static void
test_reading_tables_fit (void)
{
  const int widths[] = { 1100, 700, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      NimbusWindow *window = nimbus_test_open_window (NULL, widths[w], 760);
      g_autoptr(GPtrArray) tables = g_ptr_array_new ();

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "ebs");
      nimbus_test_wait_ms (1500);
      collect_class (nimbus_test_window_child (window, "entry_page"), "kb-table", tables);
      g_assert_cmpuint (tables->len, >, 1);
      for (guint i = 0; i < tables->len; i++)
        {
          GtkWidget *scroller =
            gtk_widget_get_first_child (gtk_frame_get_child (g_ptr_array_index (tables, i)));
          GtkWidget *grid = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
          int band, rows;

          if (GTK_IS_VIEWPORT (grid))
            grid = gtk_viewport_get_child (GTK_VIEWPORT (grid));
          /* How tall the rows need to be at the width they have. */
          gtk_widget_measure (grid, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (grid),
                              &rows, NULL, NULL, NULL);
          band = gtk_widget_get_height (scroller) - rows;
          g_test_message ("%d px wide, table %u: %d px under its rows", widths[w], i, band);
          g_assert_cmpint (band, <=, 2);
        }
      nimbus_test_close_window (window);
    }
}

/* Typing with pauses, at phone width: the keyboard stays in the search entry, the entry
 * stays in view with the hits under it, and every word arrives. */
static void
test_keyboard_type_narrow (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 360, 720);
  GtkWidget *entry = nimbus_test_window_child (window, "search_entry");
  NimbusSearchResults *results = nimbus_test_window_child (window, "sidebar_results");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs");
  nimbus_test_wait_ms (500);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  nimbus_test_wait_ms (300);
  /* Each pause is longer than the search's typing delay: the hits come between the words. */
  for (guint i = 0; i < 3; i++)
    {
      const char *typed[] = { "sqs", "sqs vis", "sqs visibility" };

      gtk_editable_set_text (GTK_EDITABLE (entry), typed[i]);
      gtk_editable_set_position (GTK_EDITABLE (entry), -1);
      nimbus_search_results_set_hits (results, NULL);
      nimbus_test_wait_for_hits (window, "sidebar_results");
      nimbus_test_wait_ms (600);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed[i]);
      g_assert_true (gtk_widget_get_mapped (entry));
      g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (results)));
    }
  nimbus_test_save_screenshot (GTK_WIDGET (window), "keyboard-type-narrow");

  /* Sliding to the sidebar, libadwaita puts the keyboard in the entry again: while typing,
   * that selects nothing the next key would replace; once the typing has paused, focusing
   * the entry selects the query as GTK always does. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "sqs visibility t");
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry))));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));
  nimbus_test_wait_ms (2500);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry))));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "sqs visibility");
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  nimbus_search_results_set_hits (results, NULL);
  nimbus_test_wait_for_hits (window, "sidebar_results");
  nimbus_test_wait_ms (600);

  /* Enter opens the first hit, as it does side by side. */
  g_signal_emit_by_name (entry, "activate");
  wait_for_heading (window);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs/visibility-timeout");
  g_assert_true (gtk_widget_get_mapped (nimbus_test_window_child (window, "entry_page")));
  nimbus_test_close_window (window);
}

static gboolean
any_selection (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selection_bounds (GTK_LABEL (widget), NULL, NULL))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (any_selection (c))
      return TRUE;
  return FALSE;
}

/* Alt+Down and Alt+Up go from section to section with the keyboard on each heading, Ctrl+D
 * flags the section being read and Ctrl+Shift+D shows the weak areas; nothing on a page
 * opens selected. */
static void
test_keyboard_section_keys (void)
{
  g_autofree char *dir = nimbus_test_make_tmpdir ();
  g_autofree char *path = nimbus_test_store_path (dir);
  g_autoptr(NimbusUserStore) store = nimbus_user_store_open (path);
  NimbusWindow *window = nimbus_test_open_window (store, 1100, 760);
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  const NimbusEntry *entry;
  const char *second, *third;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs");
  nimbus_test_wait_ms (800);
  g_assert_false (any_selection (page));
  entry = nimbus_entry_page_get_entry (NIMBUS_ENTRY_PAGE (page));
  second = ((NimbusSection *) g_ptr_array_index (entry->sections, 1))->id;
  third = ((NimbusSection *) g_ptr_array_index (entry->sections, 2))->id;
  g_assert_cmpstr (nimbus_entry_page_get_section_in_view (NIMBUS_ENTRY_PAGE (page)), ==,
                   ((NimbusSection *) g_ptr_array_index (entry->sections, 0))->id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-section", NULL));
  wait_for_heading (window);
  g_assert_cmpstr (nimbus_entry_page_get_section_in_view (NIMBUS_ENTRY_PAGE (page)), ==, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-section", NULL));
  nimbus_test_wait_ms (500);
  g_assert_cmpstr (nimbus_entry_page_get_section_in_view (NIMBUS_ENTRY_PAGE (page)), ==, third);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-section", NULL));
  nimbus_test_wait_ms (500);
  g_assert_cmpstr (nimbus_entry_page_get_section_in_view (NIMBUS_ENTRY_PAGE (page)), ==, second);
  g_assert_false (any_selection (page));

  g_assert_false (nimbus_user_store_is_flagged (store, second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.flag-section", NULL));
  g_assert_true (nimbus_user_store_is_flagged (store, second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.flag-section", NULL));
  g_assert_false (nimbus_user_store_is_flagged (store, second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.flag-section", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.weak-areas", NULL));
  nimbus_test_wait_ms (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (nimbus_test_window_child (window, "stack")),
                   ==, "weak");
  /* Away from a page, the section keys do nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.flag-section", NULL));
  g_assert_true (nimbus_user_store_is_flagged (store, second));
  nimbus_test_close_window (window);
  g_unlink (path);
}

/* Without kept settings, the window opens at a reading size, not its smallest. */
static void
test_keyboard_default_size (void)
{
  NimbusWindow *window = nimbus_test_new_window (NULL);
  int width, height;

  g_object_ref_sink (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, >=, 1000);
  g_assert_cmpint (height, >=, 700);
  nimbus_test_close_window (window);
}

/* The page's contents list its sections with the one being read marked; choosing one goes
 * there with the keyboard on its heading. */
static void
test_reading_contents (void)
{
  NimbusWindow *window = open_page ("sqs");
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  GtkMenuButton *button = nimbus_test_window_child (window, "contents_button");
  NimbusPageContents *contents = nimbus_test_window_child (window, "page_contents");
  GtkListBox *list = nimbus_page_contents_get_list (contents);
  const NimbusEntry *entry = nimbus_entry_page_get_entry (NIMBUS_ENTRY_PAGE (page));
  const NimbusSection *third = g_ptr_array_index (entry->sections, 2);
  const NimbusSection *fifth = g_ptr_array_index (entry->sections, 4);
  GtkListBoxRow *row;
  guint rows = 0;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  nimbus_entry_page_scroll_to (NIMBUS_ENTRY_PAGE (page), third->id);
  wait_for_heading (window);
  gtk_menu_button_popup (button);
  nimbus_test_wait_ms (400);
  while (gtk_list_box_get_row_at_index (list, rows) != NULL)
    rows++;
  g_assert_cmpuint (rows, ==, entry->sections->len);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 2));
  nimbus_test_save_screenshot (GTK_WIDGET (contents), "reading-contents");

  row = gtk_list_box_get_row_at_index (list, 4);
  g_signal_emit_by_name (list, "row-activated", row);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  wait_for_heading (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (contents)));
  g_assert_cmpstr (nimbus_entry_page_get_section_in_view (NIMBUS_ENTRY_PAGE (page)), ==, fifth->id);

  /* Only a reading page has contents. */
  nimbus_window_show_weak_areas (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  nimbus_test_close_window (window);
}

/* The accelerator the window binds to action, as GtkShortcutTrigger prints it. */
static gboolean
window_binds (NimbusWindow *window,
              const char   *trigger,
              const char   *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);
  g_autofree char *wanted_action = g_strdup_printf ("action(%s)", action);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *named =
            gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              g_str_equal (named, wanted_action))
            return TRUE;
        }
    }

  return FALSE;
}

/* Ctrl+F finds in the page, Ctrl+K and / search every topic, Ctrl+plus, minus and 0 zoom:
 * bound so, and so in the shortcuts window. */
static void
test_keyboard_shortcuts (void)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, 1100, 760);
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/nimbusstudy/Nimbus/gtk/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  const struct { const char *trigger, *action, *title, *shown; } keys[] = {
    { "<Control>f", "win.find", "Find in Page", "<Control>f" },
    { "<Control>g", "win.find-next", "Next Match", "Return <Control>g" },
    { "<Control><Shift>g", "win.find-previous", "Previous Match",
      "<Shift>Return <Control><Shift>g" },
    { "<Control>k", "win.search", "Search All Topics", "<Control>k slash" },
    { "slash", "win.search", "Search All Topics", "<Control>k slash" },
    { "<Control>plus", "win.zoom-in", "Larger Text", "<Control>plus" },
    { "<Control>equal", "win.zoom-in", "Larger Text", "<Control>plus" },
    { "<Control>minus", "win.zoom-out", "Smaller Text", "<Control>minus" },
    { "<Control>0", "win.zoom-reset", "Reset Text Size", "<Control>0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
      gboolean listed = FALSE;

      g_test_message ("%s: %s", keys[i].trigger, keys[i].action);
      g_assert_true (window_binds (window, keys[i].trigger, keys[i].action));
      for (GSList *l = objects; l != NULL; l = l->next)
        {
          g_autofree char *title = NULL;
          g_autofree char *accelerator = NULL;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
            continue;
          g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
          listed |= g_strcmp0 (title, keys[i].title) == 0 &&
                    g_strcmp0 (accelerator, keys[i].shown) == 0;
        }
      g_assert_true (listed);
    }
  /* Ctrl+F no longer goes to the search of every topic. */
  g_assert_false (window_binds (window, "<Control>f", "win.search"));

  gtk_window_present (shortcuts);
  nimbus_test_wait_ms (400);
  nimbus_test_save_screenshot (GTK_WIDGET (shortcuts), "keyboard-shortcuts");
  gtk_window_destroy (shortcuts);
  nimbus_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/keyboard/tab-to-calculator", test_keyboard_tab_to_calculator);
  g_test_add_func ("/nimbus/keyboard/focus-after-result", test_keyboard_focus_after_result);
  g_test_add_func ("/nimbus/keyboard/tab-wraps-in-page", test_keyboard_tab_wraps_in_page);
  g_test_add_func ("/nimbus/keyboard/wheel-over-table", test_keyboard_wheel_over_table);
  g_test_add_func ("/nimbus/reading/fact-cards-narrow", test_reading_fact_cards_narrow);
  g_test_add_func ("/nimbus/reading/tables-fit", test_reading_tables_fit);
  g_test_add_func ("/nimbus/keyboard/type-narrow", test_keyboard_type_narrow);
  g_test_add_func ("/nimbus/keyboard/section-keys", test_keyboard_section_keys);
  g_test_add_func ("/nimbus/keyboard/default-size", test_keyboard_default_size);
  g_test_add_func ("/nimbus/reading/contents", test_reading_contents);
  g_test_add_func ("/nimbus/keyboard/shortcuts", test_keyboard_shortcuts);

  return g_test_run ();
}
