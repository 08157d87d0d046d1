/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nimbus-test-utils.h"
#include "nimbus-window.h"

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Renders what the window shows now to build/screenshots/NAME.png. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GListModel *
find_services (NimbusWindow *window)
{
  GtkListView *view = NULL;

  view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), NIMBUS_TYPE_WINDOW,
                                                       "services_view"));
  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

static void
test_window_opens (void)
{
  NimbusWindow *window = nimbus_window_new (NULL, nimbus_test_kb_path ());
  GListModel *selection;
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (400);

  selection = find_services (window);
  g_assert_cmpuint (g_list_model_get_n_items (selection), ==, 24);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 14);
  wait_ms (200);
  save_screenshot (GTK_WIDGET (window), "window-light");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_ms (300);
  save_screenshot (GTK_WIDGET (window), "window-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The text of every label under widget, one per line. */
static void
collect_label_text (GtkWidget *widget,
                    GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_text (child, text);
}

static void
test_window_missing_kb (void)
{
  NimbusWindow *window = nimbus_window_new (NULL, "/nonexistent/<b>nimbus</b>.db");
  GtkStack *stack;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), NIMBUS_TYPE_WINDOW,
                                                    "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  {
    g_autoptr(GString) text = g_string_new (NULL);

    /* The path is shown as it is, never read as markup. */
    collect_label_text (GTK_WIDGET (window), text);
    g_assert_nonnull (strstr (text->str, "/nonexistent/<b>nimbus</b>.db"));
  }
  save_screenshot (GTK_WIDGET (window), "window-missing-kb");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/nimbus/window/opens", test_window_opens);
  g_test_add_func ("/nimbus/window/missing-kb", test_window_missing_kb);

  return g_test_run ();
}
