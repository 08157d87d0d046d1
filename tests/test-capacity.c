/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include "nimbus-capacity.h"

#include "capacity-cases.h"

static gboolean
compute (const char      *op_name,
         const char      *consistency_name,
         const char      *size_text,
         const char      *rate_text,
         NimbusCapacity  *result,
         GError         **error)
{
  NimbusCapacityOp op = NIMBUS_CAPACITY_READ;
  NimbusConsistency consistency = NIMBUS_CONSISTENCY_STRONG;
  double size = 0, rate = 0;

  if (!nimbus_capacity_op_from_string (op_name, &op) ||
      !nimbus_consistency_from_string (consistency_name, &consistency) ||
      !nimbus_capacity_parse_number (size_text, &size) ||
      !nimbus_capacity_parse_number (rate_text, &rate))
    {
      g_set_error_literal (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID,
                           "not a mode or not a number");
      return FALSE;
    }

  return nimbus_capacity_compute (op, consistency, size, rate, result, error);
}

static void
test_capacity_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (capacity_cases); i++)
    {
      const CapacityCase *c = &capacity_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *per_item = NULL;
      g_autofree char *working = NULL;
      NimbusCapacity result;

      g_test_message ("case %u: %s %s %s KB x %s/s", i, c->op, c->consistency, c->item_size_kb,
                      c->rate);
      g_assert_true (compute (c->op, c->consistency, c->item_size_kb, c->rate, &result, &error));
      g_assert_no_error (error);

      per_item = nimbus_capacity_format_number (result.units_per_item);
      g_assert_cmpstr (per_item, ==, c->units_per_item);
      g_assert_cmpuint (result.units, ==, c->units);
      g_assert_cmpfloat_with_epsilon (result.request_units,
                                      result.units_per_item * result.rate, 1e-9);
      g_assert_cmpstr (nimbus_capacity_unit (&result), ==, g_str_equal (c->op, "read") ? "RCU"
                       : "WCU");

      working = nimbus_capacity_dup_working (&result);
      if (c->working != NULL)
        g_assert_cmpstr (working, ==, c->working);
    }
}

static void
test_capacity_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      NimbusCapacity result;

      g_test_message ("size «%s»", capacity_bad_sizes[i]);
      g_assert_false (compute ("read", "strong", capacity_bad_sizes[i], "1", &result, &error));
      g_assert_error (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID);
    }

  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_rates); i++)
    {
      g_autoptr(GError) error = NULL;
      NimbusCapacity result;

      g_test_message ("rate «%s»", capacity_bad_rates[i]);
      g_assert_false (compute ("write", "standard", "1", capacity_bad_rates[i], &result, &error));
      g_assert_error (error, NIMBUS_CAPACITY_ERROR, NIMBUS_CAPACITY_ERROR_INVALID);
    }

  for (guint i = 0; i < G_N_ELEMENTS (capacity_bad_pairings); i++)
    {
      g_autoptr(GError) error = NULL;
      NimbusCapacity result;

      g_test_message ("pairing %s %s", capacity_bad_pairings[i][0], capacity_bad_pairings[i][1]);
      g_assert_false (compute (capacity_bad_pairings[i][0], capacity_bad_pairings[i][1], "1", "1",
                               &result, &error));
      g_assert_nonnull (error);
    }
}

static void
test_capacity_format (void)
{
  const struct { double value; const char *text; } numbers[] = {
    { 10, "10" }, { 0.5, "0.5" }, { 1.25, "1.25" }, { 2.0004, "2" }, { 1e6, "1000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = nimbus_capacity_format_number (numbers[i].value);
      g_assert_cmpstr (text, ==, numbers[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/capacity/cases", test_capacity_cases);
  g_test_add_func ("/nimbus/capacity/bad-input", test_capacity_bad_input);
  g_test_add_func ("/nimbus/capacity/format", test_capacity_format);

  return g_test_run ();
}
