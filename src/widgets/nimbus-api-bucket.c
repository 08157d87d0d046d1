/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-api-bucket"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-api-bucket.h"
#include "nimbus-calc-form.h"
#include "nimbus-step-calculator-private.h"

/* The API Gateway token bucket of the API Gateway page: a steady rate and a burst against
 * the throttle's rate and burst limits; the core's answer played step by step: the bucket,
 * the steady rate, the burst taking tokens or getting 429, then the bucket refilling. The
 * bucket is drawn with its tokens, the burst as accepted and throttled requests, and the
 * label under it says the step in words. */
struct _NimbusApiBucket
{
  NimbusStepCalculator parent_instance;

  GtkSpinButton *rate_spin;
  GtkSpinButton *burst_spin;
  GtkSpinButton *rate_limit_spin;
  GtkSpinButton *burst_limit_spin;

  NimbusApiThrottling *result;
  GPtrArray *steps;          /* Step */
};

G_DEFINE_FINAL_TYPE (NimbusApiBucket, nimbus_api_bucket, NIMBUS_TYPE_STEP_CALCULATOR)

#define REFILL_STEPS 4

typedef struct
{
  double tokens;
  gboolean burst_done;       /* the burst's requests are drawn */
  char *description;
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->description);
  g_free (step);
}

static void
add_step (NimbusApiBucket *self,
          double           tokens,
          gboolean         burst_done,
          char            *description)
{
  Step *step = g_new0 (Step, 1);

  g_assert (NIMBUS_IS_API_BUCKET (self));

  step->tokens = tokens;
  step->burst_done = burst_done;
  step->description = description;
  g_ptr_array_add (self->steps, step);
}

/* The working's lines are the first steps; the refill follows in quarters of its time. */
static void
build_steps (NimbusApiBucket *self)
{
  const NimbusApiThrottling *r = self->result;
  g_auto(GStrv) lines = g_strsplit (r->working, "\n", -1);

  g_ptr_array_set_size (self->steps, 0);
  g_assert (g_strv_length (lines) == 4);
  add_step (self, r->input.burst_limit, FALSE, g_strdup (lines[0]));
  add_step (self, r->tokens, FALSE, g_strdup (lines[1]));
  add_step (self, r->tokens - r->accepted, TRUE, g_strdup (lines[2]));

  if (isinf (r->refill_seconds) || r->accepted == 0)
    {
      add_step (self, r->tokens - r->accepted, TRUE, g_strdup (lines[3]));
      return;
    }

  for (guint i = 1; i <= REFILL_STEPS; i++)
    {
      double seconds = r->refill_seconds * i / REFILL_STEPS;
      double tokens = nimbus_api_throttling_tokens_at (r, seconds);
      g_autofree char *at = nimbus_calc_format (seconds);
      g_autofree char *left = nimbus_calc_format (round (tokens));
      g_autofree char *size = nimbus_calc_format (r->input.burst_limit);

      /* Translators: "After 0.625 s: 2500 of 5000 tokens, the bucket refilling" */
      add_step (self, tokens, TRUE,
                g_strdup_printf (i < REFILL_STEPS
                                 ? _("After %s s: %s of %s tokens, the bucket refilling")
                                                  : _("After %s s: %s of %s tokens, the bucket "
                                                      "full again"),
                                 at, left, size));
    }
}

static const char *
describe_step (NimbusStepCalculator *calculator,
               guint                 position)
{
  NimbusApiBucket *self = NIMBUS_API_BUCKET (calculator);

  if (position == 0)
    return _("Press Step to fill the bucket, or Play to watch the burst come and go.");

  return ((Step *) g_ptr_array_index (self->steps, position - 1))->description;
}

static void
show_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  nimbus_calc_form_set_source (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* The burst as two bars: requests served (a token each) and requests refused. */
static void
draw_burst (NimbusApiBucket *self,
            cairo_t         *cr,
            double           x,
            double           width)
{
  const NimbusApiThrottling *r = self->result;
  g_autofree char *accepted = nimbus_calc_format (r->accepted);
  g_autofree char *throttled = nimbus_calc_format (r->throttled);
  g_autofree char *accepted_text = g_strdup_printf (_("%s accepted"), accepted);
  g_autofree char *throttled_text = g_strdup_printf (_("%s got 429"), throttled);
  double served = width * r->accepted / r->input.burst;
  NimbusStepCalculator *calculator = NIMBUS_STEP_CALCULATOR (self);
  GtkWidget *area = GTK_WIDGET (nimbus_step_calculator_get_area (calculator));
  GdkRGBA success, error, fg;

  g_assert (NIMBUS_IS_API_BUCKET (self));

  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_SUCCESS, &success);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_ERROR, &error);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_FOREGROUND, &fg);

  nimbus_calc_form_set_source (cr, &success, 0.8);
  cairo_rectangle (cr, x, 30, served, 24);
  cairo_fill (cr);
  nimbus_calc_form_set_source (cr, &error, 0.8);
  cairo_rectangle (cr, x + served, 30, width - served, 24);
  cairo_fill (cr);
  show_text (area, cr, accepted_text, x, 60, &fg);
  show_text (area, cr, throttled_text, x, 80, &fg);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  NimbusApiBucket *self = user_data;
  NimbusStepCalculator *calculator = NIMBUS_STEP_CALCULATOR (self);
  guint position = nimbus_step_calculator_get_position (calculator);
  const Step *step;
  GdkRGBA accent, fg;
  double level, bucket_height = height - 28;
  g_autofree char *tokens = NULL;
  g_autofree char *tokens_text = NULL;

  if (self->result == NULL || position == 0)
    return;

  step = g_ptr_array_index (self->steps, position - 1);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_ACCENT, &accent);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_FOREGROUND, &fg);

  /* The bucket: its outline, and its tokens as a level. */
  level = bucket_height * step->tokens / self->result->input.burst_limit;
  nimbus_calc_form_set_source (cr, &accent, 0.6);
  cairo_rectangle (cr, 1, 1 + bucket_height - level, 80, level);
  cairo_fill (cr);
  nimbus_calc_form_set_source (cr, &fg, 0.8);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, 1, 1);
  cairo_line_to (cr, 1, 1 + bucket_height);
  cairo_line_to (cr, 81, 1 + bucket_height);
  cairo_line_to (cr, 81, 1);
  cairo_stroke (cr);
  tokens = nimbus_calc_format (round (step->tokens));
  tokens_text = g_strdup_printf (_("%s tokens"), tokens);
  show_text (GTK_WIDGET (area), cr, tokens_text, 0, bucket_height + 6, &fg);

  if (step->burst_done && width > 200)
    draw_burst (self, cr, 100, width - 104);
}

static void
on_input_changed_cb (NimbusApiBucket *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  NimbusApiThrottlingInput input;

  g_assert (NIMBUS_IS_API_BUCKET (self));

  nimbus_api_throttling_input_init (&input);
  input.rate = nimbus_calc_form_spin_value (self->rate_spin);
  input.burst = nimbus_calc_form_spin_value (self->burst_spin);
  input.rate_limit = nimbus_calc_form_spin_value (self->rate_limit_spin);
  input.burst_limit = nimbus_calc_form_spin_value (self->burst_limit_spin);

  g_clear_pointer (&self->result, nimbus_api_throttling_free);
  g_ptr_array_set_size (self->steps, 0);
  self->result = nimbus_api_throttling_compute (&input, &error);
  if (self->result != NULL)
    {
      g_autofree char *throttled = nimbus_calc_format (self->result->throttled);
      g_autofree char *burst = nimbus_calc_format (self->result->input.burst);

      /* Translators: the calculator's result, "1000 of 6000 requests get 429" */
      result = g_strdup_printf (_("%s of %s requests get 429"), throttled, burst);
      build_steps (self);
    }
  nimbus_calculator_show (NIMBUS_CALCULATOR (self), result,
                          self->result != NULL ? self->result->working : NULL, error);
  nimbus_step_calculator_set_n_steps (NIMBUS_STEP_CALCULATOR (self), self->steps->len);
}

/* FALSE when a value does not fit the window's inputs (more digits than they keep). */
gboolean
nimbus_api_bucket_set_input (NimbusApiBucket                *self,
                             const NimbusApiThrottlingInput *input)
{
  gboolean fits;

  g_return_val_if_fail (NIMBUS_IS_API_BUCKET (self), FALSE);

  fits = nimbus_calc_form_set_value (self->rate_spin, input->rate);
  fits &= nimbus_calc_form_set_value (self->burst_spin, input->burst);
  fits &= nimbus_calc_form_set_value (self->rate_limit_spin, input->rate_limit);
  fits &= nimbus_calc_form_set_value (self->burst_limit_spin, input->burst_limit);
  on_input_changed_cb (self);

  return fits;
}

static void
nimbus_api_bucket_dispose (GObject *object)
{
  NimbusApiBucket *self = NIMBUS_API_BUCKET (object);

  g_clear_pointer (&self->result, nimbus_api_throttling_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (nimbus_api_bucket_parent_class)->dispose (object);
}

static void
nimbus_api_bucket_class_init (NimbusApiBucketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NimbusStepCalculatorClass *calculator_class = NIMBUS_STEP_CALCULATOR_CLASS (klass);

  object_class->dispose = nimbus_api_bucket_dispose;
  calculator_class->describe_step = describe_step;

  nimbus_step_calculator_class_set_template (widget_class, "nimbus-api-bucket");
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, burst_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, rate_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, burst_limit_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
}

static void
nimbus_api_bucket_init (NimbusApiBucket *self)
{
  NimbusStepCalculator *calculator = NIMBUS_STEP_CALCULATOR (self);

  self->steps = g_ptr_array_new_with_free_func (step_free);
  nimbus_step_calculator_init_template (calculator);
  gtk_drawing_area_set_draw_func (nimbus_step_calculator_get_area (calculator), draw_cb, self,
                                  NULL);
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_api_bucket_new (void)
{
  return g_object_new (NIMBUS_TYPE_API_BUCKET, NULL);
}
