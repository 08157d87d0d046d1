/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>

#include "nimbus-application.h"
#include "nimbus-preferences-page.h"
#include "nimbus-preferences-window.h"
#include "nimbus-test-ui-utils.h"

/* The preferences window writes GSettings; the application applies what it finds there. */
static void
test_preferences_apply (void)
{
  g_autoptr(NimbusApplication) app = nimbus_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window;
  GtkWidget *page;
  GObject *style_row;
  GObject *text_size;

  /* Registering runs startup, where the settings are applied and followed. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_settings_set_string (settings, "style-variant", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "style-variant", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = nimbus_preferences_window_new (settings);
  nimbus_preferences_window_present (NIMBUS_PREFERENCES_WINDOW (window), NULL);
  nimbus_test_wait_ms (300);

  /* The style row shows the setting, and choosing Dark writes it. */
  page = nimbus_preferences_window_get_page (NIMBUS_PREFERENCES_WINDOW (window));
  style_row = gtk_widget_get_template_child (page, NIMBUS_TYPE_PREFERENCES_PAGE, "style_row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style_row)), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  g_assert_cmpstr (g_settings_get_string (settings, "style-variant"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  /* Text size, in percent on screen, a factor in the settings. */
  text_size = gtk_widget_get_template_child (page, NIMBUS_TYPE_PREFERENCES_PAGE,
                                            "text_size_adjustment");
  gtk_adjustment_set_value (GTK_ADJUSTMENT (text_size), 130);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.3, 1e-9);
  /* The window they are in: a dialog draws no background of its own. */
  nimbus_test_save_screenshot (GTK_WIDGET (gtk_widget_get_root (window)), "preferences-dark");

  g_settings_reset (settings, "style-variant");
  g_settings_reset (settings, "text-scale");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (window));
#else
  gtk_window_destroy (GTK_WINDOW (window));
#endif
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/preferences/apply", test_preferences_apply);

  return g_test_run ();
}
