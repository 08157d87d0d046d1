/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nimbus-cache-canvas-private.h"
#include "nimbus-cache-diagram.h"
#include "nimbus-test-ui-utils.h"

static void
test_diagram_new_destroy (void)
{
  GtkWidget *diagram = nimbus_cache_diagram_new ();

  g_object_ref_sink (diagram);
  g_assert_finalize_object (diagram);
}

/* The widget steps through the same simulation as the core, and says what happened. */
static void
test_diagram_steps (void)
{
  GtkWidget *diagram = nimbus_cache_diagram_new ();
  NimbusCacheDiagram *self = NIMBUS_CACHE_DIAGRAM (diagram);
  const NimbusCacheCounts *counts;

  g_object_ref_sink (diagram);

  /* Write then read, lazy loading, no TTL: the third step serves stale data. */
  nimbus_cache_diagram_configure (self, NIMBUS_CACHE_LAZY_LOADING, 0,
                                  NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ);
  for (guint i = 0; i < 3; i++)
    g_assert_true (nimbus_cache_diagram_step (self));
  g_assert_nonnull (strstr (nimbus_cache_diagram_get_description (self), "stale hit"));
  while (nimbus_cache_diagram_step (self))
    ;
  counts = nimbus_cache_diagram_get_counts (self);
  g_assert_cmpuint (counts->stale_reads, ==, 4);
  g_assert_nonnull (strstr (nimbus_cache_diagram_get_description (self), "End of the scenario"));

  /* The same with write-through: never stale. */
  nimbus_cache_diagram_configure (self, NIMBUS_CACHE_WRITE_THROUGH, 0,
                                  NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ);
  for (guint i = 0; i < 3; i++)
    g_assert_true (nimbus_cache_diagram_step (self));
  g_assert_null (strstr (nimbus_cache_diagram_get_description (self), "stale"));
  while (nimbus_cache_diagram_step (self))
    ;
  g_assert_cmpuint (nimbus_cache_diagram_get_counts (self)->stale_reads, ==, 0);

  /* Reset starts over. */
  nimbus_cache_diagram_reset (self);
  g_assert_cmpuint (nimbus_cache_diagram_get_counts (self)->hits, ==, 0);

  g_assert_finalize_object (diagram);
}

/* Each strategy mid-scenario, light and dark, for a person to look at. */
static void
test_diagram_screenshots (void)
{
  const struct {
    NimbusCacheStrategy strategy;
    NimbusCacheScenario scenario;
    guint ttl, steps;
    const char *name;
  } shots[] = {
    { NIMBUS_CACHE_LAZY_LOADING, NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ, 60, 3,
     "cache-lazy-write-then-read" },
    { NIMBUS_CACHE_WRITE_THROUGH, NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ, 60, 3,
     "cache-write-through-write-then-read" },
    { NIMBUS_CACHE_LAZY_LOADING, NIMBUS_CACHE_SCENARIO_NODE_FAILURE, 0, 6,
     "cache-lazy-node-failure" },
    { NIMBUS_CACHE_WRITE_THROUGH, NIMBUS_CACHE_SCENARIO_READ_HEAVY, 0, 9,
     "cache-write-through-read-heavy" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      GtkWidget *diagram = nimbus_cache_diagram_new ();
      GtkWidget *window = nimbus_test_window_with (diagram, 760);
      g_autofree char *dark = g_strconcat (shots[i].name, "-dark", NULL);

      nimbus_cache_diagram_configure (NIMBUS_CACHE_DIAGRAM (diagram), shots[i].strategy,
                                      shots[i].ttl, shots[i].scenario);
      for (guint s = 0; s < shots[i].steps; s++)
        nimbus_cache_diagram_step (NIMBUS_CACHE_DIAGRAM (diagram));
      nimbus_test_wait_ms (800);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
      nimbus_test_save_screenshot (window, shots[i].name);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      nimbus_test_save_screenshot (window, dark);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

      /* Every control takes the keyboard. */
      g_assert_true (gtk_widget_child_focus (diagram, GTK_DIR_TAB_FORWARD));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* From the narrowest canvas up, the drawing fits its width: every box, outline and all, lies
 * inside the canvas and clear of the next, the database's right edge too. */
static void
test_diagram_fits_width (void)
{
  const int widths[] = { 300, 360, 800 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *diagram = nimbus_cache_diagram_new ();
      NimbusCacheCanvas *canvas = NIMBUS_CACHE_CANVAS (
        gtk_widget_get_template_child (diagram, NIMBUS_TYPE_CACHE_DIAGRAM, "canvas"));
      g_autofree char *name = g_strdup_printf ("cache-canvas-%d", widths[i]);
      double previous_right = 0;
      GtkWidget *window;

      /* The node failure mid-way: the cache restarted, a title on two lines where narrow. */
      nimbus_cache_diagram_configure (NIMBUS_CACHE_DIAGRAM (diagram), NIMBUS_CACHE_LAZY_LOADING, 0,
                                      NIMBUS_CACHE_SCENARIO_NODE_FAILURE);
      for (guint s = 0; s < 5; s++)
        nimbus_cache_diagram_step (NIMBUS_CACHE_DIAGRAM (diagram));
      /* The window's and the card's margins around the canvas. */
      window = nimbus_test_window_with (diagram, widths[i] + 2 * 12 + 2 * 12);
      nimbus_test_wait_ms (800);
      g_test_message ("canvas %d px wide", widths[i]);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, widths[i]);

      for (NimbusCacheCanvasBox box = NIMBUS_CACHE_CANVAS_APPLICATION;
           box <= NIMBUS_CACHE_CANVAS_DATABASE; box++)
        {
          graphene_rect_t bounds;

          nimbus_cache_canvas_get_box_bounds (canvas, box, &bounds);
          g_assert_cmpfloat (bounds.origin.x, >=, previous_right);
          g_assert_cmpfloat (bounds.size.width, >, 0);
          g_assert_cmpfloat (bounds.origin.y, >=, 0);
          g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                             gtk_widget_get_height (GTK_WIDGET (canvas)));
          previous_right = bounds.origin.x + bounds.size.width;
        }
      g_assert_cmpfloat (previous_right, <=, widths[i]);

      nimbus_test_save_screenshot (window, name);
      /* Then a miss: arrows and their labels between the boxes. */
      nimbus_cache_diagram_step (NIMBUS_CACHE_DIAGRAM (diagram));
      nimbus_test_wait_ms (800);
      g_free (name);
      name = g_strdup_printf ("cache-canvas-%d-miss", widths[i]);
      nimbus_test_save_screenshot (window, name);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/cache-diagram/new-destroy", test_diagram_new_destroy);
  g_test_add_func ("/nimbus/cache-diagram/steps", test_diagram_steps);
  g_test_add_func ("/nimbus/cache-diagram/screenshots", test_diagram_screenshots);
  g_test_add_func ("/nimbus/cache-diagram/fits-width", test_diagram_fits_width);

  return g_test_run ();
}
