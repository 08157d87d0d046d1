/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nimbus-application.h"
#include "nimbus-entry-page.h"
#include "nimbus-find-bar.h"
#include "nimbus-section-heading.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"
#include "nimbus-window.h"

/* The reading tools in the real window: find in page, zoom, and links to sections, with the
 * keys as the window binds them. */

static GtkWidget *
focus_of (NimbusWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_with (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Waits up to ten seconds for a label showing text anywhere in widget. */
static GtkWidget *
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *label;

  while ((label = find_label_with (widget, text)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return label;
}

static GtkWidget *
wait_for_heading (NimbusWindow *window,
                  const char   *id)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end &&
         (!NIMBUS_IS_SECTION_HEADING (focus_of (window)) ||
          g_strcmp0 (nimbus_section_heading_get_id (NIMBUS_SECTION_HEADING (focus_of (window))),
                     id) != 0))
    g_main_context_iteration (NULL, FALSE);
  nimbus_test_wait_ms (200);

  g_assert_true (NIMBUS_IS_SECTION_HEADING (focus_of (window)));
  g_assert_cmpstr (nimbus_section_heading_get_id (NIMBUS_SECTION_HEADING (focus_of (window))), ==,
                   id);
  return focus_of (window);
}

/* How often text occurs in the page's labels, counted without the find bar's code: lower
 * case, one occurrence after another. */
static void
count_in_labels (GtkWidget  *widget,
                 const char *lower,
                 guint      *count)
{
  if (GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_utf8_strdown (gtk_label_get_text (GTK_LABEL (widget)), -1);

      for (const char *p = strstr (text, lower); p != NULL; p = strstr (p + strlen (lower), lower))
        (*count)++;
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    count_in_labels (c, lower, count);
}

static gpointer
page_child (NimbusWindow *window,
            const char   *name)
{
  return gtk_widget_get_template_child (nimbus_test_window_child (window, "entry_page"),
                                        NIMBUS_TYPE_ENTRY_PAGE, name);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      gboolean       *changed)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    *changed = TRUE;
}

/* Types text into the find bar and waits for the search, which follows the typing after
 * GtkSearchEntry's delay. */
static void
type_find (NimbusWindow *window,
           const char   *text)
{
  NimbusFindBar *bar = page_child (window, "find_bar");
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                NIMBUS_TYPE_FIND_BAR, "entry"));
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean changed = FALSE;
  gulong id = g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                                      &changed);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (!changed && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (entry, id);
  g_assert_true (changed);
  nimbus_test_wait_ms (100);
}

static const char *
find_count (NimbusWindow *window)
{
  NimbusFindBar *bar = page_child (window, "find_bar");

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                       NIMBUS_TYPE_FIND_BAR,
                                                                       "count_label")));
}

/* The current match's background: there, and not the others' colour. */
static gboolean
has_background (GtkLabel *label,
                guint16   red)
{
  PangoAttrList *list = gtk_label_get_attributes (label);
  GSList *attributes;
  gboolean found = FALSE;

  if (list == NULL)
    return FALSE;
  attributes = pango_attr_list_get_attributes (list);
  for (GSList *l = attributes; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_BACKGROUND &&
          ((PangoAttrColor *) attribute)->color.red == red)
        found = TRUE;
    }
  g_slist_free_full (attributes, (GDestroyNotify) pango_attribute_destroy);

  return found;
}

/* Some of widget shows in the page's view. */
static gboolean
in_view (NimbusWindow *window,
         GtkWidget    *widget)
{
  GtkWidget *scroller = page_child (window, "scroller");
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, scroller, &bounds) &&
         bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.y < gtk_widget_get_height (scroller);
}

/* Waits up to five seconds for the page to scroll widget into view. */
static gboolean
wait_in_view (NimbusWindow *window,
              GtkLabel     *label)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!in_view (window, GTK_WIDGET (label)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return in_view (window, GTK_WIDGET (label));
}

static NimbusWindow *
open_page (const char *id,
           int         width)
{
  NimbusWindow *window = nimbus_test_open_window (NULL, width, 760);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", id);
  nimbus_test_wait_ms (1000);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, id);

  return window;
}

/* Ctrl+F on a known page: every match counted, Enter / Ctrl+G / Ctrl+Shift+G go from one to the
 * next, the current one marked and in view; Escape gives the keyboard back. */
static void
test_reader_find (void)
{
  NimbusWindow *window = open_page ("sqs", 1100);
  GtkWidget *page = nimbus_test_window_child (window, "entry_page");
  NimbusFindBar *bar = page_child (window, "find_bar");
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                NIMBUS_TYPE_FIND_BAR, "entry"));
  const NimbusEntry *shown = nimbus_entry_page_get_entry (NIMBUS_ENTRY_PAGE (page));
  const NimbusSection *second = g_ptr_array_index (shown->sections, 1);
  GtkWidget *heading;
  guint expected = 0, n;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *of = NULL;

  /* The keyboard on a heading, to come back to. */
  nimbus_entry_page_scroll_to (NIMBUS_ENTRY_PAGE (page), second->id);
  heading = wait_for_heading (window, second->id);

  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  nimbus_test_wait_ms (300);
  g_assert_true (nimbus_find_bar_is_open (bar));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));

  type_find (window, "Visibility Timeout");
  count_in_labels (page_child (window, "content"), "visibility timeout", &expected);
  n = nimbus_find_bar_get_n_matches (bar);
  g_test_message ("“Visibility Timeout” on the SQS page: %u matches", n);
  g_assert_cmpuint (expected, >, 3);
  g_assert_cmpuint (n, ==, expected);
  of = g_strdup_printf (" of %u", n);
  g_assert_true (g_str_has_suffix (find_count (window), of));
  first = g_strdup (find_count (window));
  g_assert_true (has_background (nimbus_find_bar_get_current_label (bar), 0xffff));
  nimbus_test_save_screenshot (GTK_WIDGET (window), "reader-find-light");
  g_assert_true (wait_in_view (window, nimbus_find_bar_get_current_label (bar)));

  /* Enter goes on, Ctrl+Shift+G back, Ctrl+G on again. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (find_count (window), !=, first);
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_G,
                                             GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (find_count (window), ==, first);
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_g, GDK_CONTROL_MASK));
  g_assert_cmpstr (find_count (window), !=, first);

  /* Round to the last: marked, and scrolled to. */
  while (nimbus_find_bar_get_current (bar) != n - 1)
    g_assert_true (nimbus_find_bar_step (bar, 1));
  last = g_strdup_printf ("%u of %u", n, n);
  g_assert_cmpstr (find_count (window), ==, last);
  g_assert_true (wait_in_view (window, nimbus_find_bar_get_current_label (bar)));
  g_assert_true (has_background (nimbus_find_bar_get_current_label (bar), 0xffff));
  g_assert_true (nimbus_find_bar_step (bar, 1));
  g_assert_cmpuint (nimbus_find_bar_get_current (bar), ==, 0);

  /* Nothing found, and text that would be markup, found as text. */
  type_find (window, "zzqqxx");
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), ==, 0);
  g_assert_cmpstr (find_count (window), ==, "No matches");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  type_find (window, "<b>&amp;</b>");
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), ==, 0);
  type_find (window, "`");
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), ==, 0);
  expected = 0;
  count_in_labels (page_child (window, "content"), "(", &expected);
  type_find (window, "(");
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), ==, expected);

  /* Escape closes the bar, clears the marks and gives the keyboard back to the heading. */
  type_find (window, "queue");
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), >, 0);
  g_signal_emit_by_name (entry, "stop-search");
  nimbus_test_wait_ms (300);
  g_assert_false (nimbus_find_bar_is_open (bar));
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), ==, 0);
  g_assert_true (focus_of (window) == heading);
  nimbus_test_close_window (window);
}

/* The find bar with its matches, dark and at phone width; a new page is searched again. */
static void
test_reader_find_dark_narrow (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  NimbusWindow *window;
  NimbusFindBar *bar;
  guint sqs;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_page ("sqs/visibility-timeout", 1100);
  bar = page_child (window, "find_bar");
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  type_find (window, "timeout");
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), >, 0);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "reader-find-dark");
  nimbus_test_close_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  window = open_page ("sqs/visibility-timeout", 360);
  bar = page_child (window, "find_bar");
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  type_find (window, "timeout");
  sqs = nimbus_find_bar_get_n_matches (bar);
  g_assert_cmpuint (sqs, >, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (bar)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (bar)), <=, 360);
  nimbus_test_save_screenshot (GTK_WIDGET (window), "reader-find-narrow");

  /* Another page: the same text found there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "lambda");
  nimbus_test_wait_ms (800);
  g_assert_true (nimbus_find_bar_is_open (bar));
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), >, 0);
  g_assert_cmpuint (nimbus_find_bar_get_n_matches (bar), !=, sqs);
  nimbus_test_close_window (window);
}

/* Ctrl+K and / go to the search of every topic. */
static void
test_reader_search_keys (void)
{
  NimbusWindow *window = open_page ("sqs", 1100);
  GtkWidget *search = nimbus_test_window_child (window, "search_entry");

  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_k, GDK_CONTROL_MASK));
  nimbus_test_wait_ms (200);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), search));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_slash, 0));
  nimbus_test_wait_ms (200);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), search));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  nimbus_test_close_window (window);
}

static double
font_size (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);

  return pango_font_description_get_size (pango_context_get_font_description (context));
}

/* The application, registered once for the tests that need it: its startup applies the text
 * size, and it opens links. */
static NimbusApplication *
start_application (void)
{
  static NimbusApplication *app;
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return g_object_ref (app);

  app = nimbus_application_new ();
  /* Not the Nimbus of the session bus: the real processes below are. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return g_object_ref (app);
}

/* Ctrl+plus, Ctrl+equal, Ctrl+minus and Ctrl+0 change the reading text size kept in the
 * settings, in its bounds, and the page's text with it; the main menu shows it. */
static void
test_reader_zoom (void)
{
  g_autoptr(NimbusApplication) app = start_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) bounds = NULL;
  double min, max, before;
  NimbusWindow *window;
  GtkWidget *summary;
  GtkLabel *zoom_label;
  GtkWidget *zoom_in;
  GtkMenuButton *menu_button;
  g_autofree char *max_label = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "text-scale");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", NULL, &bounds);
  g_variant_get (bounds, "(dd)", &min, &max);
  g_settings_reset (settings, "text-scale");

  window = nimbus_window_new (app);
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs");
  nimbus_test_wait_ms (800);
  zoom_label = nimbus_test_window_child (window, "zoom_label");
  summary = find_label_with (nimbus_test_window_child (window, "entry_page"), "queue");
  g_assert_nonnull (summary);
  before = font_size (summary);
  g_assert_cmpstr (gtk_label_get_text (zoom_label), ==, "100%");

  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.1, 1e-9);
  nimbus_test_wait_ms (300);
  g_assert_cmpfloat_with_epsilon (font_size (summary) / before, 1.1, 0.02);
  g_assert_cmpstr (gtk_label_get_text (zoom_label), ==, "110%");
  g_assert_nonnull (wait_for_label (GTK_WIDGET (window), "Text size 110%"));

  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_equal, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.2, 1e-9);
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 0.9, 1e-9);
  nimbus_test_wait_ms (300);
  g_assert_cmpfloat_with_epsilon (font_size (summary) / before, 0.9, 0.02);
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.0, 1e-9);

  /* The preference's bounds hold, whatever the keys. */
  for (guint i = 0; i < 30; i++)
    nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), max, 1e-9);
  zoom_in = gtk_widget_get_next_sibling (gtk_widget_get_parent (GTK_WIDGET (zoom_label)));
  g_assert_false (gtk_widget_is_sensitive (zoom_in));
  max_label = g_strdup_printf ("%d%%", (int) (max * 100 + 0.5));
  g_assert_cmpstr (gtk_label_get_text (zoom_label), ==, max_label);
  for (guint i = 0; i < 30; i++)
    nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_minus, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), min, 1e-9);
  g_assert_true (nimbus_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_0, GDK_CONTROL_MASK));

  gtk_menu_button_popup (nimbus_test_window_child (window, "main_menu_button"));
  nimbus_test_wait_ms (400);
  menu_button = nimbus_test_window_child (window, "main_menu_button");
  nimbus_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)),
                               "reader-zoom-menu");
  gtk_menu_button_popdown (nimbus_test_window_child (window, "main_menu_button"));
  g_settings_reset (settings, "text-scale");
  nimbus_test_close_window (window);
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  while (text == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return text;
}

static guint
menu_items (GtkWidget *heading)
{
  GtkPopover *menu = nimbus_section_heading_get_context_menu (NIMBUS_SECTION_HEADING (heading));

  return g_menu_model_get_n_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)));
}

/* The heading's menu from the keyboard, Copy Link on the clipboard, and the link opened in a
 * new window at the same section with the keyboard on its heading. */
static void
test_reader_copy_link (void)
{
  g_autoptr(NimbusApplication) app = start_application ();
  NimbusWindow *window = nimbus_window_new (app);
  GtkWidget *heading;
  GtkPopover *menu;
  g_autofree char *copied = NULL;
  g_autoptr(GFile) link = NULL;
  gint64 end;

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sqs/visibility-timeout");
  heading = wait_for_heading (window, "sqs/visibility-timeout");

  /* Menu (and Shift+F10) on the heading opens its menu; this section has sources. */
  menu = nimbus_section_heading_get_context_menu (NIMBUS_SECTION_HEADING (heading));
  g_assert_true (nimbus_test_press_shortcut (heading, GDK_KEY_F10, GDK_SHIFT_MASK));
  nimbus_test_wait_ms (400);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  g_assert_cmpuint (menu_items (heading), ==, 2);
  g_assert_nonnull (find_label_with (GTK_WIDGET (menu), "Open AWS Documentation"));
  nimbus_test_save_screenshot (GTK_WIDGET (menu), "reader-heading-menu");
  gtk_popover_popdown (menu);
  g_assert_true (nimbus_test_press_shortcut (heading, GDK_KEY_Menu, 0));
  nimbus_test_wait_ms (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  gtk_popover_popdown (menu);

  /* Copy Link, as its menu item does. */
  g_assert_true (gtk_widget_activate_action (heading, "heading.copy-link", NULL));
  copied = read_clipboard (heading);
  g_assert_cmpstr (copied, ==, "nimbus:sqs/visibility-timeout");
  g_assert_nonnull (wait_for_label (GTK_WIDGET (window), "Link copied"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  /* Activated, as the desktop hands a link to Nimbus: a new window, at that section. */
  link = g_file_new_for_uri (copied);
  g_application_open (G_APPLICATION (app), &link, 1, "");
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  window = g_object_ref (NIMBUS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  heading = wait_for_heading (window, "sqs/visibility-timeout");
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs/visibility-timeout");
  g_assert_true (gtk_widget_is_drawable (heading));
  nimbus_test_close_window (window);
}

/* A section without sources offers Copy Link alone. */
static void
test_reader_heading_without_sources (void)
{
  NimbusWindow *window = open_page ("sqs", 1100);
  const NimbusEntry *shown = nimbus_entry_page_get_entry (nimbus_test_window_child (window,
                                                                                    "entry_page"));
  guint with = 0, without = 0;

  for (guint i = 0; i < shown->sections->len; i++)
    {
      const NimbusSection *section = g_ptr_array_index (shown->sections, i);
      GtkWidget *heading;

      nimbus_entry_page_scroll_to (nimbus_test_window_child (window, "entry_page"), section->id);
      heading = wait_for_heading (window, section->id);
      g_assert_cmpuint (menu_items (heading), ==, section->sources->len > 0 ? 2 : 1);
      if (section->sources->len > 0)
        with++;
      else
        without++;
    }
  g_test_message ("SQS sections with sources: %u, without: %u", with, without);
  g_assert_cmpuint (with, >, 0);
  nimbus_test_close_window (window);
}

/* Links that lead nowhere: a message naming each as it is, the page shown kept, no crash. */
static void
test_reader_hostile_links (void)
{
  g_autoptr(GString) longest = g_string_new ("nimbus:");
  NimbusWindow *window = open_page ("sqs", 1100);
  const struct { const char *uri; const char *shown; } links[] = {
    { "nimbus:sqs/no-such-section", "nimbus:sqs/no-such-section" },
    { "nimbus:nosuchservice", "nimbus:nosuchservice" },
    { "nimbus:../../etc", "nimbus:../../etc" },
    { "nimbus:<b>sqs</b>&amp;", "nimbus:<b>sqs</b>&amp;" },
    { "nimbus:sqs/\xff\xfe", "nimbus:sqs/\xef\xbf\xbd" },
    { "https://example.com/", "https://example.com/" },
    { "nimbus:", "“nimbus:”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *escaped = g_strescape (links[i].uri, NULL);

      g_test_message ("%s", escaped);
      g_assert_false (nimbus_window_open_uri (window, links[i].uri));
      g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs");
      g_assert_nonnull (wait_for_label (GTK_WIDGET (window), links[i].shown));
    }
  nimbus_test_save_screenshot (GTK_WIDGET (window), "reader-link-unknown");

  for (guint i = 0; i < 50000; i++)
    g_string_append (longest, "sqs/");
  g_assert_false (nimbus_window_open_uri (window, longest->str));
  g_assert_nonnull (wait_for_label (GTK_WIDGET (window), "nimbus:sqs/sqs/sqs/"));
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (wait_for_label (GTK_WIDGET (window),
                                                                          "nimbus:sqs/sqs/")))),
                    <, 200);
  g_assert_cmpstr (nimbus_window_get_page (window), ==, "sqs");

  /* A good link after all of those still opens. */
  g_assert_true (nimbus_window_open_uri (window, "nimbus:dynamodb/scan-vs-query"));
  wait_for_heading (window, "dynamodb/scan-vs-query");
  nimbus_test_close_window (window);
}

/* A real Nimbus, started as the desktop or a terminal starts it, in settings of its own kept
 * in a key file the test reads, what it writes on stderr kept in config/NAME.stderr. */
static GSubprocess *
start_nimbus (const char  *config,
              const char  *name,
              const char  *link,
              GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *file = g_strconcat (name, ".stderr", NULL);
  g_autofree char *err_path = g_build_filename (config, file, NULL);

  g_subprocess_launcher_set_stderr_file_path (launcher, err_path);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  return g_subprocess_launcher_spawn (launcher, error, g_getenv ("NIMBUS_BIN"), link, NULL);
}

/* What the Nimbus started as name has written on stderr so far. */
static char *
read_stderr (const char *config,
             const char *name)
{
  g_autofree char *file = g_strconcat (name, ".stderr", NULL);
  g_autofree char *path = g_build_filename (config, file, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

typedef struct
{
  const char *config;
  const char *name;
  const char *text;
} Written;

static gboolean
stderr_has (gpointer user_data)
{
  Written *written = user_data;
  g_autofree char *err = read_stderr (written->config, written->name);

  return strstr (err, written->text) != NULL;
}

static gboolean
keyfile_has (gpointer user_data)
{
  Written *written = user_data;
  g_autofree char *path = g_build_filename (written->config, "glib-2.0", "settings", "keyfile",
                                            NULL);
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) &&
         strstr (contents, written->text) != NULL;
}

/* Waits for the running Nimbus to have kept page as the one shown. */
static void
wait_for_last_page (const char *config,
                    const char *page)
{
  g_autofree char *line = g_strdup_printf ("last-page='%s'", page);
  g_autofree char *what = g_strdup_printf ("Nimbus to keep %s in its settings", line);
  Written written = { config, NULL, line };

  nimbus_test_wait_until (keyfile_has, &written, what);
}

/* Quits the running Nimbus started as name as its menu does, over the session bus, waits for
 * it, and returns what it wrote on stderr. */
static char *
quit_nimbus (GSubprocess *nimbus,
             const char  *config,
             const char  *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/nimbusstudy/Nimbus",
                                       "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (nimbus, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (nimbus));
  g_assert_cmpint (g_subprocess_get_exit_status (nimbus), ==, 0);

  return read_stderr (config, name);
}

static gboolean
name_has_owner (gpointer user_data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus",
                                                           "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", APP_ID),
                                                           G_VARIANT_TYPE ("(b)"),
                                                           G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                                                           NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* nimbus nimbus:sqs/visibility-timeout opens the window there; a second link goes to the
 * Nimbus already running, which opens it, and the second process is done; an unknown id
 * shows a message naming it and changes nothing. */
static void
test_reader_command_line (void)
{
  g_autofree char *config = nimbus_test_make_tmpdir ();
  g_autoptr(GSubprocess) nimbus = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  Written said = { config, "first", "nimbus:sqs/<no-such-section>" };

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run the UI tests under dbus-run-session");
      return;
    }
  g_assert_false (name_has_owner (NULL));

  nimbus = start_nimbus (config, "first", "nimbus:sqs/visibility-timeout", &error);
  g_assert_no_error (error);
  wait_for_last_page (config, "sqs/visibility-timeout");
  nimbus_test_wait_until (name_has_owner, NULL, "Nimbus to own its name on the session bus");

  second = start_nimbus (config, "second", "nimbus:dynamodb/scan-vs-query", &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (second, NULL, &error));
  g_assert_no_error (error);
  wait_for_last_page (config, "dynamodb/scan-vs-query");

  unknown = start_nimbus (config, "unknown", "nimbus:sqs/<no-such-section>", &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (unknown, NULL, &error));
  g_assert_no_error (error);
  /* The link is sent without waiting for an answer, so the running Nimbus may read it after
   * the process that sent it is gone: wait for it to say so before asking it to quit. */
  nimbus_test_wait_until (stderr_has, &said, "the running Nimbus to report the unknown page");

  err = quit_nimbus (nimbus, config, "first");
  g_test_message ("stderr: %s", g_strstrip (err));
  g_assert_nonnull (strstr (err, "nimbus:sqs/<no-such-section>"));
  wait_for_last_page (config, "dynamodb/scan-vs-query");
}

/* Started with an id the knowledge base does not have, Nimbus still opens, says so and
 * keeps the page it had. */
static void
test_reader_command_line_unknown (void)
{
  g_autofree char *config = nimbus_test_make_tmpdir ();
  g_autoptr(GSubprocess) nimbus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  Written said = { config, "nimbus", "No page “nimbus:nosuchservice/x”" };

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run the UI tests under dbus-run-session");
      return;
    }

  nimbus = start_nimbus (config, "nimbus", "nimbus:nosuchservice/x", &error);
  g_assert_no_error (error);
  nimbus_test_wait_until (name_has_owner, NULL, "Nimbus to own its name on the session bus");
  nimbus_test_wait_until (stderr_has, &said, "Nimbus to say it has no page nosuchservice/x");
  err = quit_nimbus (nimbus, config, "nimbus");
  g_test_message ("stderr: %s", g_strstrip (err));
  g_assert_nonnull (strstr (err, "No page “nimbus:nosuchservice/x”"));
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/reader/find", test_reader_find);
  g_test_add_func ("/nimbus/reader/find-dark-narrow", test_reader_find_dark_narrow);
  g_test_add_func ("/nimbus/reader/search-keys", test_reader_search_keys);
  g_test_add_func ("/nimbus/reader/zoom", test_reader_zoom);
  g_test_add_func ("/nimbus/reader/copy-link", test_reader_copy_link);
  g_test_add_func ("/nimbus/reader/heading-without-sources", test_reader_heading_without_sources);
  g_test_add_func ("/nimbus/reader/hostile-links", test_reader_hostile_links);
  g_test_add_func ("/nimbus/reader/command-line", test_reader_command_line);
  g_test_add_func ("/nimbus/reader/command-line-unknown", test_reader_command_line_unknown);

  return g_test_run ();
}
