/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nimbus-capacity-calculator.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"

#include "capacity-cases.h"

static void
test_calculator_new_destroy (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();

  g_object_ref_sink (calculator);
  /* It opens on the contract's example, working shown. */
  g_assert_cmpstr (nimbus_capacity_calculator_get_result (NIMBUS_CAPACITY_CALCULATOR (calculator)),
                   ==, "30 RCU");
  g_assert_finalize_object (calculator);
}

/* For every case the widget shows what `nimbus --capacity` prints, line for line. */
static void
test_calculator_matches_cli (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();

  g_object_ref_sink (calculator);
  for (guint i = 0; i < G_N_ELEMENTS (capacity_cases); i++)
    {
      const CapacityCase *c = &capacity_cases[i];
      NimbusCapacityOp op;
      NimbusConsistency consistency;
      g_autofree char *out = NULL;
      g_autofree char *widget_text = NULL;

      g_test_message ("case %u", i);
      g_assert_true (nimbus_capacity_op_from_string (c->op, &op));
      g_assert_true (nimbus_consistency_from_string (c->consistency, &consistency));
      nimbus_capacity_calculator_set_input (NIMBUS_CAPACITY_CALCULATOR (calculator), op,
                                            consistency, c->item_size_kb, c->rate);

      g_assert_cmpint (nimbus_test_run_nimbus (&out, NULL, "--capacity", c->op, "--consistency",
                                               c->consistency, "--item-size", c->item_size_kb,
                                               "--rate", c->rate, NULL), ==, 0);
      widget_text = g_strdup_printf ("%s\n%s\n",
                                     nimbus_capacity_calculator_get_result (NIMBUS_CAPACITY_CALCULATOR (calculator)),
                                     nimbus_capacity_calculator_get_working (NIMBUS_CAPACITY_CALCULATOR (calculator)));
      g_assert_cmpstr (widget_text, ==, out);
    }
  g_assert_finalize_object (calculator);
}

static void
test_calculator_bad_input (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();
  NimbusCapacityCalculator *self = NIMBUS_CAPACITY_CALCULATOR (calculator);

  g_object_ref_sink (calculator);
  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_sizes); i++)
    {
      nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                            capacity_bad_sizes[i], "1");
      g_assert_cmpstr (nimbus_capacity_calculator_get_result (self), ==, "—");
      g_assert_cmpstr (nimbus_capacity_calculator_get_working (self), !=, "");
    }

  /* It recovers as soon as the input is good again. */
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD,
                                        "1", "1");
  g_assert_cmpstr (nimbus_capacity_calculator_get_result (self), ==, "1 WCU");
  g_assert_finalize_object (calculator);
}

static void
test_calculator_screenshot (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();
  GtkWidget *window;

  /* The input first, so that the window is sized for the working it shows. */
  nimbus_capacity_calculator_set_input (NIMBUS_CAPACITY_CALCULATOR (calculator),
                                        NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_EVENTUAL,
                                        "10", "10");
  window = nimbus_test_window_with (calculator, 640);
  nimbus_test_save_screenshot (window, "capacity-calculator-light");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  nimbus_test_wait_ms (300);
  nimbus_test_save_screenshot (window, "capacity-calculator-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Keyboard alone: every input takes focus. */
  g_assert_true (gtk_widget_child_focus (calculator, GTK_DIR_TAB_FORWARD));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/capacity-calculator/new-destroy", test_calculator_new_destroy);
  g_test_add_func ("/nimbus/capacity-calculator/matches-cli", test_calculator_matches_cli);
  g_test_add_func ("/nimbus/capacity-calculator/bad-input", test_calculator_bad_input);
  g_test_add_func ("/nimbus/capacity-calculator/screenshot", test_calculator_screenshot);

  return g_test_run ();
}
