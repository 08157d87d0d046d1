/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "nimbus-api-bucket.h"
#include "nimbus-ebs-calculator.h"
#include "nimbus-kinesis-calculator.h"
#include "nimbus-lambda-calculator.h"
#include "nimbus-sqs-timeline.h"
#include "nimbus-test-ui-utils.h"
#include "nimbus-test-utils.h"

#include "calc-cases.h"

/* The exam-maths widgets in real windows: the hand-worked cases of calc-cases.h give the
 * same working as the core (and so as `nimbus --calc`), keys change the inputs, the
 * stepwise ones tell each step in words, Tab reaches every input, and each is shot light
 * and dark, wide and narrow. */

static GtkWidget *
child (GtkWidget  *widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Every case the window's inputs can hold (digits enough) shows the core's working: the
 * widget of nimbus_WIDGET_NAME_new () for the core's nimbus_CORE_* and NimbusType, the
 * case's text given to its parameters by FIELDS. */
#define CHECK_CASES(cases, widget_name, core, Type, fields)                                   \
  G_STMT_START {                                                                              \
    GtkWidget *widget = g_object_ref_sink (nimbus_##widget_name##_new ());                    \
    NimbusCalculator *calculator = NIMBUS_CALCULATOR (widget);                                \
    guint shown = 0;                                                                          \
                                                                                              \
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)                                          \
      {                                                                                       \
        Nimbus##Type##Input input;                                                            \
        Nimbus##Type *r;                                                                      \
                                                                                              \
        nimbus_##core##_input_init (&input);                                                  \
        fields;                                                                               \
        r = nimbus_##core##_compute (&input, NULL);                                           \
        g_assert_nonnull (r);                                                                 \
        if (nimbus_##widget_name##_set_input ((gpointer) widget, &input))                     \
          {                                                                                   \
            g_test_message ("case %u", i);                                                    \
            g_assert_cmpstr (nimbus_calculator_get_working (calculator), ==, r->working);     \
            if (cases[i].working != NULL)                                                     \
              g_assert_cmpstr (nimbus_calculator_get_working (calculator), ==,                \
                               cases[i].working);                                             \
            shown++;                                                                          \
          }                                                                                   \
        nimbus_##core##_free (r);                                                             \
      }                                                                                       \
    g_assert_cmpuint (shown, >=, G_N_ELEMENTS (cases) * 3 / 4);                               \
    g_assert_finalize_object (widget);                                                        \
  } G_STMT_END

#define P(core, name, text) \
  g_assert_true ((text) == NULL || nimbus_##core##_parse (&input, name, text, NULL))

static void
test_lambda_cases (void)
{
#define L(name, field) P (lambda_concurrency, name, lambda_cases[i].field)
  CHECK_CASES (lambda_cases, lambda_calculator, lambda_concurrency, LambdaConcurrency,
               L ("rate", rate); L ("duration", duration); L ("account-limit", account_limit);
               L ("reserved", reserved); L ("provisioned", provisioned));
#undef L
}

static void
test_kinesis_cases (void)
{
#define K(name, field) P (kinesis_shards, name, kinesis_cases[i].field)
  CHECK_CASES (kinesis_cases, kinesis_calculator, kinesis_shards, KinesisShards,
               K ("write-mb", write_mb); K ("records", records); K ("consumers", consumers);
               K ("fan-out", fan_out));
#undef K
}

static void
test_ebs_cases (void)
{
#define E(name, field) P (ebs_iops, name, ebs_cases[i].field)
  CHECK_CASES (ebs_cases, ebs_calculator, ebs_iops, EbsIops,
               E ("volume-size", size); E ("iops", iops); E ("throughput", throughput));
#undef E
}

static void
test_sqs_cases (void)
{
#define S(name, field) P (sqs_visibility, name, sqs_cases[i].field)
  CHECK_CASES (sqs_cases, sqs_timeline, sqs_visibility, SqsVisibility,
               S ("visibility-timeout", timeout); S ("processing", processing);
               S ("max-receive-count", max_receive_count); S ("failures", failures));
#undef S
}

static void
test_api_cases (void)
{
#define A(name, field) P (api_throttling, name, api_cases[i].field)
  CHECK_CASES (api_cases, api_bucket, api_throttling, ApiThrottling,
               A ("rate", rate); A ("burst", burst); A ("rate-limit", rate_limit);
               A ("burst-limit", burst_limit));
#undef A
}

/* The Up key (the spin button's change-value binding) and typed text move the result. */
static void
test_keys (void)
{
  GtkWidget *widget = nimbus_lambda_calculator_new ();
  GtkWidget *window = nimbus_test_window_with (widget, 640);
  GtkWidget *rate = child (widget, "rate_spin");
  NimbusCalculator *self = NIMBUS_CALCULATOR (widget);

  /* It opens on the knowledge base's example: 200 requests/s of 0.5 s. */
  g_assert_cmpstr (nimbus_calculator_get_result (self), ==, "100 concurrent executions");
  gtk_widget_grab_focus (rate);
  g_signal_emit_by_name (rate, "change-value", GTK_SCROLL_STEP_UP);
  nimbus_test_wait_ms (50);
  g_assert_cmpstr (nimbus_calculator_get_result (self), ==, "105 concurrent executions");

  /* Each key typed counts, before Enter. */
  gtk_editable_set_text (GTK_EDITABLE (rate), "");
  gtk_editable_insert_text (GTK_EDITABLE (rate), "2", -1, &(int) { 0 });
  g_assert_cmpstr (nimbus_calculator_get_result (self), ==, "1 concurrent execution");
  gtk_editable_insert_text (GTK_EDITABLE (rate), "400", -1, &(int) { 1 });
  g_assert_cmpstr (nimbus_calculator_get_result (self), ==, "1200 concurrent executions");
  g_assert_nonnull (strstr (nimbus_calculator_get_working (self), "Throttled: 1200"));

  /* Not a number: the core's message, no result. */
  gtk_editable_set_text (GTK_EDITABLE (rate), "fast");
  g_assert_cmpstr (nimbus_calculator_get_result (self), ==, "—");
  g_assert_cmpstr (nimbus_calculator_get_problem (self), ==, "--rate is needed");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Stepping through the SQS timeline tells each event of the core's, in order. */
static void
test_sqs_steps (void)
{
  GtkWidget *widget = g_object_ref_sink (nimbus_sqs_timeline_new ());
  NimbusStepCalculator *self = NIMBUS_STEP_CALCULATOR (widget);
  NimbusSqsVisibilityInput input;
  g_autoptr(NimbusSqsVisibility) r = NULL;
  guint steps = 0;

  nimbus_sqs_visibility_input_init (&input);
  input.processing = 70;
  input.max_receive_count = 2;
  r = nimbus_sqs_visibility_compute (&input, NULL);
  g_assert_true (nimbus_sqs_timeline_set_input (NIMBUS_SQS_TIMELINE (widget), &input));
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (widget)), ==,
                   "2 receives, 1 duplicate");
  g_assert_true (g_str_has_prefix (nimbus_step_calculator_get_step_text (self), "Press Step"));

  while (gtk_widget_activate_action (widget, "steps.step", NULL) &&
         steps < r->events->len)
    {
      const NimbusSqsEvent *event = g_ptr_array_index (r->events, steps);
      g_autofree char *expected = g_strdup_printf ("Step %u of %u: %s", steps + 1,
                                                   r->events->len, event->description);

      g_assert_cmpstr (nimbus_step_calculator_get_step_text (self), ==, expected);
      steps++;
    }
  g_assert_cmpuint (steps, ==, 7);
  g_assert_nonnull (strstr (nimbus_step_calculator_get_step_text (self), "dead-letter queue"));
  g_assert_false (nimbus_step_calculator_step (self));

  gtk_widget_activate_action (widget, "steps.reset", NULL);
  g_assert_true (g_str_has_prefix (nimbus_step_calculator_get_step_text (self), "Press Step"));
  g_assert_finalize_object (widget);
}

/* The token bucket: the working's lines, then the refill in quarters to a full bucket. */
static void
test_api_steps (void)
{
  GtkWidget *widget = g_object_ref_sink (nimbus_api_bucket_new ());
  NimbusStepCalculator *self = NIMBUS_STEP_CALCULATOR (widget);
  const char *expected[] = {
    "Step 1 of 7: Bucket: 5000 tokens (the burst limit), 10000 added per second (the rate limit)",
    "Step 2 of 7: Steady rate: 8000 requests/s is within the rate limit, so the bucket is full "
    "when the burst comes",
    "Step 3 of 7: Burst: 6000 requests at once, 5000 tokens: 5000 accepted, 1000 get 429 Too Many "
    "Requests",
    "Step 4 of 7: After 0.625 s: 1250 of 5000 tokens, the bucket refilling",
    "Step 5 of 7: After 1.25 s: 2500 of 5000 tokens, the bucket refilling",
    "Step 6 of 7: After 1.875 s: 3750 of 5000 tokens, the bucket refilling",
    "Step 7 of 7: After 2.5 s: 5000 of 5000 tokens, the bucket full again",
  };

  /* It opens on 8,000 requests/s and a burst of 6,000. */
  g_assert_cmpstr (nimbus_calculator_get_result (NIMBUS_CALCULATOR (widget)), ==,
                   "1000 of 6000 requests get 429");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (nimbus_step_calculator_step (self));
      g_assert_cmpstr (nimbus_step_calculator_get_step_text (self), ==, expected[i]);
    }
  g_assert_false (nimbus_step_calculator_step (self));
  g_assert_finalize_object (widget);
}

/* Tab from the top reaches every input and button, then leaves the widget: no trap. */
static void
check_tab (GtkWidget         *widget,
           const char * const *names)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  guint stops = 0;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  while (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD) && stops < 100)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      for (GtkWidget *w = focus; w != NULL && w != widget; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
      stops++;
    }
  g_assert_cmpuint (stops, <, 100);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_test_message ("Tab reaches %s", names[i]);
      g_assert_true (g_hash_table_contains (reached, child (widget, names[i])));
    }
}

static void
shoot (GtkWidget          *widget,
       const char         *name,
       const char * const *inputs)
{
  const int widths[] = { 800, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *window = nimbus_test_window_with (g_object_ref (widget), widths[i]);
      g_autofree char *light = g_strdup_printf ("%s-%d-light", name, widths[i]);
      g_autofree char *dark = g_strdup_printf ("%s-%d-dark", name, widths[i]);
      GtkWidget *scroller;
      int minimum;

      /* Narrow: it fits a phone, nothing wider than the window. */
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, widths[i] - 24);
      g_assert_cmpint (gtk_widget_get_width (widget), <=, widths[i] - 24);

      if (i == 0)
        check_tab (widget, inputs);
      nimbus_test_save_screenshot (window, light);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_DARK);
      nimbus_test_wait_ms (300);
      nimbus_test_save_screenshot (window, dark);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_LIGHT);
      scroller = gtk_window_get_child (GTK_WINDOW (window));
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), NULL);
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (widget);
    }
}

static void
test_screenshots (void)
{
  static const struct {
    const char *name;
    GtkWidget *(*new_func) (void);
    guint steps;              /* the stepwise ones part-way through */
    const char *inputs[6];    /* what Tab reaches */
  } widgets[] = {
    { "lambda-calculator", nimbus_lambda_calculator_new, 0,
      { "rate_spin", "duration_spin", "account_spin", "reserved_check", "provisioned_spin" } },
    { "kinesis-calculator", nimbus_kinesis_calculator_new, 0,
      { "write_spin", "records_spin", "consumers_spin", "fan_out_switch" } },
    { "ebs-calculator", nimbus_ebs_calculator_new, 0,
      { "size_spin", "iops_spin", "throughput_spin" } },
    { "sqs-timeline", nimbus_sqs_timeline_new, 6,
      { "timeout_spin", "processing_spin", "receive_count_spin", "failures_spin",
        "play_button" } },
    { "api-bucket", nimbus_api_bucket_new, 4,
      { "rate_spin", "burst_spin", "rate_limit_spin", "burst_limit_spin", "play_button" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      GtkWidget *widget = g_object_ref_sink (widgets[i].new_func ());

      /* A group of controls, to screen readers. */
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==,
                       GTK_ACCESSIBLE_ROLE_GROUP);
      for (guint step = 0; step < widgets[i].steps; step++)
        g_assert_true (nimbus_step_calculator_step (NIMBUS_STEP_CALCULATOR (widget)));
      shoot (widget, widgets[i].name, widgets[i].inputs);
      g_assert_finalize_object (widget);
    }
}

int
main (int   argc,
      char *argv[])
{
  nimbus_test_init_ui (&argc, &argv);

  g_test_add_func ("/nimbus/calc-widgets/lambda-concurrency/cases", test_lambda_cases);
  g_test_add_func ("/nimbus/calc-widgets/kinesis-shards/cases", test_kinesis_cases);
  g_test_add_func ("/nimbus/calc-widgets/ebs-iops/cases", test_ebs_cases);
  g_test_add_func ("/nimbus/calc-widgets/sqs-visibility/cases", test_sqs_cases);
  g_test_add_func ("/nimbus/calc-widgets/api-throttling/cases", test_api_cases);
  g_test_add_func ("/nimbus/calc-widgets/keys", test_keys);
  g_test_add_func ("/nimbus/calc-widgets/sqs-visibility/steps", test_sqs_steps);
  g_test_add_func ("/nimbus/calc-widgets/api-throttling/steps", test_api_steps);
  g_test_add_func ("/nimbus/calc-widgets/screenshots", test_screenshots);

  return g_test_run ();
}
