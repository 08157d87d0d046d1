/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>

#include "nimbus-search-results.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"

/* Runs the main loop for ms milliseconds: long enough for a frame, a search, a layout. */
void
nimbus_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets the widget be laid out and painted: three frames, or ten seconds at most. Built with
 * AddressSanitizer, a long page takes seconds to lay out, and until then it draws nothing. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (widget);
  while (frames < 3 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_widget_remove_tick_callback (widget, tick);
}

/* The system the tests run on, as os-release names it: debian-12, debian-13. */
static char *
platform_name (void)
{
  g_autofree char *id = g_get_os_info (G_OS_INFO_KEY_ID);
  g_autofree char *version = g_get_os_info (G_OS_INFO_KEY_VERSION_ID);

  if (id == NULL)
    return g_strdup ("unknown");
  if (version == NULL)
    return g_steal_pointer (&id);
  return g_strdup_printf ("%s-%s", id, version);
}

/* build/tests/screenshots/PLATFORM/NAME.png, so that the same page from each platform CI
 * builds on can be laid side by side. */
static char *
screenshot_path (const char *name)
{
  g_autofree char *platform = platform_name ();
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", platform,
                                           NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, file, NULL);
}

/* Renders node with widget's renderer, width x height from the top left. */
static void
save_node (GtkWidget     *widget,
           GskRenderNode *node,
           double         width,
           double         height,
           const char    *name)
{
  g_autofree char *path = screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Renders what widget shows now to build/tests/screenshots/PLATFORM/NAME.png. */
void
nimbus_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  wait_for_frames (widget);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_to_node (snapshot);
  save_node (widget, node, gtk_widget_get_width (widget), gtk_widget_get_height (widget), name);
}

/* The window with a popover of it open over it, where the screen shows the popover. */
void
nimbus_test_save_screenshot_with_popover (GtkWidget  *window,
                                          GtkWidget  *popover,
                                          const char *name)
{
  g_autoptr(GdkPaintable) under = gtk_widget_paintable_new (window);
  g_autoptr(GdkPaintable) over = gtk_widget_paintable_new (popover);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  double window_x, window_y, popover_x, popover_y, x, y;

  wait_for_frames (window);
  wait_for_frames (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  x = gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x - window_x;
  y = gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y - window_y;
  gdk_paintable_snapshot (under, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (over, snapshot, gtk_widget_get_width (popover),
                          gtk_widget_get_height (popover));
  node = gtk_snapshot_to_node (snapshot);
  /* As far as the popover reaches, past the window's edge too, as on the screen. */
  save_node (window, node, MAX (gtk_widget_get_width (window), x + gtk_widget_get_width (popover)),
             MAX (gtk_widget_get_height (window), y + gtk_widget_get_height (popover)), name);
}

/* GTK and libadwaita for a test, with the app's style sheet as AdwApplication loads it. */
void
nimbus_test_init_ui (int    *argc,
                     char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  gtk_css_provider_load_from_resource (css, "/io/github/nimbusstudy/Nimbus/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* A child of the window's template, by id. */
gpointer
nimbus_test_window_child (NimbusWindow *window,
                          const char   *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), NIMBUS_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

/* Runs the widget's own shortcut for keyval with mods, as pressing the key does with the
 * focus inside the widget: the binding found among its shortcut controllers, and its action
 * run. FALSE when the widget binds no such key or the action did nothing. */
gboolean
nimbus_test_press_shortcut (GtkWidget       *widget,
                            guint            keyval,
                            GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) pressed = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), pressed))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
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

/* At phone width, the button in the content's header that goes back to the sidebar, as
 * the platform draws it; NULL when there is none to see. */
GtkWidget *
nimbus_test_find_back_button (NimbusWindow *window)
{
  return find_back_button (nimbus_test_window_child (window, "content_header"),
                           nimbus_test_window_child (window, "sidebar_button"));
}

/* The real application on the test knowledge base and the store at store_path (NULL for the
 * default one, in the tests' own XDG_DATA_HOME), registered so that it can own windows. Not
 * the Nimbus of the session bus: it is not unique. */
NimbusApplication *
nimbus_test_application_new (const char *kb_path,
                             const char *store_path)
{
  g_autoptr(GError) error = NULL;
  NimbusApplication *app = g_object_new (NIMBUS_TYPE_APPLICATION,
                                         "application-id", APP_ID,
                                         "flags", G_APPLICATION_HANDLES_OPEN |
                                                  G_APPLICATION_NON_UNIQUE,
                                         "kb-path", kb_path,
                                         "store-path", store_path,
                                         NULL);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

/* The real window on the test knowledge base and store (NULL for the default one), as the
 * application makes it, given the models as its construct properties; not yet shown. */
NimbusWindow *
nimbus_test_new_window (NimbusUserStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusKb) kb = nimbus_kb_open (nimbus_test_kb_path (), &error);
  g_autoptr(NimbusUserStore) own = NULL;

  g_assert_no_error (error);
  if (store == NULL)
    {
      g_autofree char *path = nimbus_user_store_default_path ();

      store = own = nimbus_user_store_open (path);
    }

  return g_object_new (NIMBUS_TYPE_WINDOW, "kb", kb, "store", store, NULL);
}

/* The real window on the test knowledge base, shown at width x height. */
NimbusWindow *
nimbus_test_open_window (NimbusUserStore *store,
                         int              width,
                         int              height)
{
  NimbusWindow *window = nimbus_test_new_window (store);

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  nimbus_test_wait_ms (500);

  return window;
}

/* Waits up to ten seconds for the hits of the search typed in window: they come from a
 * worker thread after the entry's typing delay. */
void
nimbus_test_wait_for_hits (NimbusWindow *window,
                           const char   *results_name)
{
  NimbusSearchResults *results = nimbus_test_window_child (window, results_name);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end && nimbus_search_results_get_n_hits (results) == 0)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (nimbus_search_results_get_n_hits (results), >, 0);
}

/* Destroys the window and checks nothing kept it alive. */
void
nimbus_test_close_window (NimbusWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A plain window holding widget with a margin, shown as tall as the widget is at that width.
 * The widget scrolls, as on the page that holds it in the app: a window sized for the widget
 * at its narrowest, where its text wraps onto the most lines, would be taller than needed,
 * and one shorter than that makes GTK 4.18 warn. */
GtkWidget *
nimbus_test_window_with (GtkWidget *widget,
                         int        width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  int height;

  gtk_widget_set_margin_top (widget, 12);
  gtk_widget_set_margin_bottom (widget, 12);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  nimbus_test_wait_ms (300);

  return window;
}
