/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
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
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (calculator)),
                   ==, "30 RCU");
  g_assert_finalize_object (calculator);
}

/* For every case the widget shows what `nimbus --capacity` prints, line for line. */
static void
test_calculator_matches_cli (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();
  NimbusCalculator *shown = NIMBUS_CALCULATOR (calculator);

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
      widget_text = g_strdup_printf ("%s\n%s\n", nimbus_calculator_get_result (shown),
                                     nimbus_calculator_get_working (shown));
      g_assert_cmpstr (widget_text, ==, out);
    }
  g_assert_finalize_object (calculator);
}

static GtkWidget *
calculator_child (GtkWidget  *calculator,
                  const char *name)
{
  GObject *child = gtk_widget_get_template_child (calculator, NIMBUS_TYPE_CAPACITY_CALCULATOR,
                                                  name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The core's message for a value it refuses, as `nimbus --capacity` words it. */
static char *
core_message (double size,
              double rate)
{
  g_autoptr(GError) error = NULL;
  NimbusCapacity result;

  g_assert_false (nimbus_capacity_compute (NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG, size,
                                           rate, &result, &error));
  return g_strdup (error->message);
}

/* A wrong value is told under the inputs, and its row is marked for the eye (the error style)
 * and for screen readers (its description and invalid state); the other row is not. */
static void
assert_problem_on (GtkWidget  *calculator,
                   const char *wrong_row,
                   const char *message)
{
  const char *rows[] = { "size_row", "rate_row" };
  GtkWidget *label = calculator_child (calculator, "problem_label");

  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (calculator)),
                   ==, "—");
  g_assert_cmpstr (nimbus_calculator_get_problem (NIMBUS_CALCULATOR (calculator)),
                   ==, message);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = calculator_child (calculator, rows[i]);
      GtkAccessible *text = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));

      if (g_strcmp0 (rows[i], wrong_row) == 0)
        {
          g_assert_true (gtk_widget_has_css_class (row, "error"));
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
          gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
          gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                            GTK_ACCESSIBLE_INVALID_TRUE);
        }
      else
        {
          g_assert_false (gtk_widget_has_css_class (row, "error"));
          g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
        }
    }
}

static void
assert_no_problem (GtkWidget *calculator)
{
  const char *rows[] = { "size_row", "rate_row" };

  g_assert_cmpstr (nimbus_calculator_get_problem (NIMBUS_CALCULATOR (calculator)),
                   ==, "");
  g_assert_false (gtk_widget_get_visible (calculator_child (calculator, "problem_label")));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = calculator_child (calculator, rows[i]);

      g_assert_false (gtk_widget_has_css_class (row, "error"));
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (row),
                                                     GTK_ACCESSIBLE_STATE_INVALID));
    }
}

static void
test_calculator_bad_input (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();
  NimbusCapacityCalculator *self = NIMBUS_CAPACITY_CALCULATOR (calculator);

  g_object_ref_sink (calculator);
  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_sizes); i++)
    {
      g_test_message ("size «%s»", capacity_bad_sizes[i]);
      nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                            capacity_bad_sizes[i], "1");
      g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "—");
      g_assert_cmpstr (nimbus_calculator_get_problem (NIMBUS_CALCULATOR (self)), !=, "");
      g_assert_true (gtk_widget_has_css_class (calculator_child (calculator, "size_row"), "error"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_rates); i++)
    {
      g_test_message ("rate «%s»", capacity_bad_rates[i]);
      nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE,
                                            NIMBUS_CONSISTENCY_STANDARD, "1",
                                            capacity_bad_rates[i]);
      g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "—");
      g_assert_cmpstr (nimbus_calculator_get_problem (NIMBUS_CALCULATOR (self)), !=, "");
      g_assert_true (gtk_widget_has_css_class (calculator_child (calculator, "rate_row"), "error"));
    }

  /* It recovers as soon as the input is good again. */
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD,
                                        "1", "1");
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "1 WCU");
  assert_no_problem (calculator);
  g_assert_finalize_object (calculator);
}

/* Not a number, too big, zero: each says what is wrong, on its row, in the core's words. */
static void
test_calculator_problem_shown (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();
  NimbusCapacityCalculator *self = NIMBUS_CAPACITY_CALCULATOR (calculator);
  g_autofree char *not_a_size = core_message (NAN, 1);
  g_autofree char *too_big = core_message (401, 1);
  g_autofree char *not_a_rate = core_message (1, NAN);
  g_autofree char *no_rate = core_message (1, 0);
  GtkWidget *window;

  g_object_ref_sink (calculator);
  assert_no_problem (calculator);

  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                        "abc", "10");
  assert_problem_on (calculator, "size_row", not_a_size);
  g_assert_nonnull (strstr (not_a_size, "item size"));
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                        "401", "10");
  assert_problem_on (calculator, "size_row", too_big);
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                        "4", "abc");
  assert_problem_on (calculator, "rate_row", not_a_rate);
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                        "4", "0");
  assert_problem_on (calculator, "rate_row", no_rate);
  /* Both wrong: the size is told first. */
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                        "abc", "abc");
  assert_problem_on (calculator, "size_row", not_a_size);

  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                        "abc", "10");
  window = nimbus_test_window_with (calculator, 640);
  nimbus_test_save_screenshot (window, "capacity-calculator-problem");
  gtk_window_destroy (GTK_WINDOW (window));

  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG,
                                        "4", "1");
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "1 RCU");
  assert_no_problem (calculator);
  g_assert_finalize_object (calculator);
}

/* The window takes the decimal separator of the user's locale as well as the point: a German
 * user's 3,5. The point keeps working there, and the comma is no number where the locale's
 * separator is the point. */
static void
test_calculator_decimal_comma (void)
{
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  GtkWidget *calculator;
  NimbusCapacityCalculator *self;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed (build-aux/setup.sh makes it)");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  calculator = g_object_ref_sink (nimbus_capacity_calculator_new ());
  self = NIMBUS_CAPACITY_CALCULATOR (calculator);
  /* 3.5 KB is 4 blocks of 1 KB, 4 WCU x 2.5 per second. */
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD,
                                        "3,5", "2,5");
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "10 WCU");
  assert_no_problem (calculator);
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD,
                                        "3.5", "2.5");
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "10 WCU");
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD,
                                        "3,5,1", "1");
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "—");

  setlocale (LC_NUMERIC, numeric);
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ".");
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD,
                                        "3,5", "2");
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "—");
  g_assert_true (gtk_widget_has_css_class (calculator_child (calculator, "size_row"), "error"));
  nimbus_capacity_calculator_set_input (self, NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD,
                                        "3.5", "2");
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (self)), ==, "8 WCU");
  g_assert_finalize_object (calculator);
}

/* Whether the widget lies wholly in the visible part of the scrolled window. */
static gboolean
in_view (GtkWidget         *widget,
         GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (scroller),
                                            &bounds));
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_adjustment_get_page_size (adjustment);
}

/* In a window too short for the whole calculator, using the last input brings the result
 * into view beside it: on focus, and again on typing after scrolling away. */
static void
test_calculator_result_in_view (void)
{
  GtkWidget *calculator = nimbus_capacity_calculator_new ();
  GtkWidget *result = calculator_child (calculator, "result_label");
  GtkWidget *rate_row = calculator_child (calculator, "rate_row");
  GtkWidget *window = gtk_window_new ();
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());

  gtk_scrolled_window_set_policy (scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (scroller, calculator);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (scroller));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 280);
  gtk_window_present (GTK_WINDOW (window));
  nimbus_test_wait_ms (300);

  /* At the top, the result is below the fold. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller)),
                     ==, 0);
  g_assert_false (in_view (result, scroller));

  g_assert_true (gtk_widget_grab_focus (rate_row));
  nimbus_test_wait_ms (200);
  g_assert_true (gtk_widget_get_state_flags (rate_row) & GTK_STATE_FLAG_FOCUS_WITHIN);
  g_assert_true (in_view (result, scroller));
  g_assert_true (in_view (rate_row, scroller));
  nimbus_test_save_screenshot (window, "capacity-calculator-rate-focused");

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
  nimbus_test_wait_ms (100);
  g_assert_false (in_view (result, scroller));
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "20");
  nimbus_test_wait_ms (200);
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (calculator)),
                   ==, "60 RCU");
  g_assert_true (in_view (result, scroller));
  g_assert_true (in_view (rate_row, scroller));

  gtk_window_destroy (GTK_WINDOW (window));
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

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  nimbus_test_wait_ms (300);
  nimbus_test_save_screenshot (window, "capacity-calculator-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Keyboard alone: every input takes focus. */
  g_assert_true (gtk_widget_child_focus (calculator, GTK_DIR_TAB_FORWARD));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* What a screen reader is told is read back from GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/capacity-calculator/new-destroy", test_calculator_new_destroy);
  g_test_add_func ("/nimbus/capacity-calculator/matches-cli", test_calculator_matches_cli);
  g_test_add_func ("/nimbus/capacity-calculator/bad-input", test_calculator_bad_input);
  g_test_add_func ("/nimbus/capacity-calculator/problem-shown", test_calculator_problem_shown);
  g_test_add_func ("/nimbus/capacity-calculator/decimal-comma", test_calculator_decimal_comma);
  g_test_add_func ("/nimbus/capacity-calculator/result-in-view", test_calculator_result_in_view);
  g_test_add_func ("/nimbus/capacity-calculator/screenshot", test_calculator_screenshot);

  return g_test_run ();
}
