/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-api-bucket"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-calc-form.h"
#include "nimbus-step-player.h"
#include "nimbus-api-bucket.h"

/* The API Gateway token bucket of the API Gateway page: a steady rate and a burst against
 * the throttle's rate and burst limits; the core's answer played step by step: the bucket,
 * the steady rate, the burst taking tokens or getting 429, then the bucket refilling. The
 * bucket is drawn with its tokens, the burst as accepted and throttled requests, and the
 * label under it says the step in words. */
struct _NimbusApiBucket
{
  GtkWidget parent_instance;

  AdwActionRow *rate_row;
  GtkSpinButton *rate_spin;
  AdwActionRow *burst_row;
  GtkSpinButton *burst_spin;
  AdwActionRow *rate_limit_row;
  GtkSpinButton *rate_limit_spin;
  AdwActionRow *burst_limit_row;
  GtkSpinButton *burst_limit_spin;
  GtkLabel *result_label;
  GtkLabel *problem_label;
  GtkLabel *working_label;
  GtkDrawingArea *area;
  GtkLabel *step_label;
  GtkToggleButton *play_button;
  GtkWidget *accent_swatch;
  GtkWidget *success_swatch;
  GtkWidget *warning_swatch;
  GtkWidget *error_swatch;

  NimbusApiThrottling *result;
  GPtrArray *steps;          /* Step */
  guint position;            /* steps shown */
  NimbusStepPlayer player;
};

G_DEFINE_FINAL_TYPE (NimbusApiBucket, nimbus_api_bucket, GTK_TYPE_WIDGET)

#define PLAY_INTERVAL_MS 1200
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

  g_assert (NIMBUS_IS_API_BUCKET (self));

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

static void
update_step_label (NimbusApiBucket *self)
{
  guint n = self->steps->len;
  const Step *step = self->position > 0 ? g_ptr_array_index (self->steps, self->position - 1)
                                        : NULL;

  g_assert (NIMBUS_IS_API_BUCKET (self));

  nimbus_step_player_show (self->step_label, self->result != NULL, self->position, n,
                           _("Press Step to fill the bucket, or Play to watch the burst come "
                             "and go."),
                           step != NULL ? step->description : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bucket.step", self->position < n);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
reset (NimbusApiBucket *self)
{
  g_assert (NIMBUS_IS_API_BUCKET (self));

  nimbus_step_player_stop (&self->player);
  self->position = 0;
  update_step_label (self);
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
  GdkRGBA success, error, fg;

  g_assert (NIMBUS_IS_API_BUCKET (self));

  nimbus_calc_form_color (self->success_swatch, &success);
  nimbus_calc_form_color (self->error_swatch, &error);
  nimbus_calc_form_color (GTK_WIDGET (self->area), &fg);

  nimbus_calc_form_set_source (cr, &success, 0.8);
  cairo_rectangle (cr, x, 30, served, 24);
  cairo_fill (cr);
  nimbus_calc_form_set_source (cr, &error, 0.8);
  cairo_rectangle (cr, x + served, 30, width - served, 24);
  cairo_fill (cr);
  show_text (GTK_WIDGET (self->area), cr, accepted_text, x, 60, &fg);
  show_text (GTK_WIDGET (self->area), cr, throttled_text, x, 80, &fg);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  NimbusApiBucket *self = user_data;
  const Step *step;
  GdkRGBA accent, fg;
  double level, bucket_height = height - 28;
  g_autofree char *tokens = NULL;
  g_autofree char *tokens_text = NULL;

  g_assert (NIMBUS_IS_API_BUCKET (self));

  if (self->result == NULL || self->position == 0)
    return;

  step = g_ptr_array_index (self->steps, self->position - 1);
  nimbus_calc_form_color (self->accent_swatch, &accent);
  nimbus_calc_form_color (GTK_WIDGET (area), &fg);

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
  nimbus_calc_form_show (self->result_label, self->problem_label, self->working_label, result,
                         self->result != NULL ? self->result->working : NULL, error);
  reset (self);
}

/* One step more; FALSE at the end. */
gboolean
nimbus_api_bucket_step (NimbusApiBucket *self)
{
  g_return_val_if_fail (NIMBUS_IS_API_BUCKET (self), FALSE);

  if (self->position >= self->steps->len)
    return FALSE;

  self->position++;
  update_step_label (self);
  return TRUE;
}

const char *
nimbus_api_bucket_get_step_text (NimbusApiBucket *self)
{
  g_return_val_if_fail (NIMBUS_IS_API_BUCKET (self), NULL);

  return gtk_label_get_text (self->step_label);
}

static gboolean
play_step (gpointer user_data)
{
  return nimbus_api_bucket_step (user_data);
}

/* Play at the end plays again from the first step. */
static void
on_play_button_toggled_cb (NimbusApiBucket *self)
{
  g_assert (NIMBUS_IS_API_BUCKET (self));

  if (gtk_toggle_button_get_active (self->play_button) && self->position >= self->steps->len)
    self->position = 0;
  nimbus_step_player_toggled (&self->player);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nimbus_step_player_stop (&NIMBUS_API_BUCKET (widget)->player);
  nimbus_api_bucket_step (NIMBUS_API_BUCKET (widget));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  reset (NIMBUS_API_BUCKET (widget));
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

const char *
nimbus_api_bucket_get_result (NimbusApiBucket *self)
{
  g_return_val_if_fail (NIMBUS_IS_API_BUCKET (self), NULL);

  return gtk_label_get_text (self->result_label);
}

const char *
nimbus_api_bucket_get_working (NimbusApiBucket *self)
{
  g_return_val_if_fail (NIMBUS_IS_API_BUCKET (self), NULL);

  return gtk_label_get_text (self->working_label);
}

const char *
nimbus_api_bucket_get_problem (NimbusApiBucket *self)
{
  g_return_val_if_fail (NIMBUS_IS_API_BUCKET (self), NULL);

  return gtk_label_get_text (self->problem_label);
}

static void
nimbus_api_bucket_dispose (GObject *object)
{
  NimbusApiBucket *self = NIMBUS_API_BUCKET (object);
  GtkWidget *child;

  nimbus_step_player_clear (&self->player);
  gtk_widget_dispose_template (GTK_WIDGET (object), NIMBUS_TYPE_API_BUCKET);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->result, nimbus_api_throttling_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (nimbus_api_bucket_parent_class)->dispose (object);
}

static void
nimbus_api_bucket_class_init (NimbusApiBucketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_api_bucket_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/widgets/"
                                               "nimbus-api-bucket.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, rate_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, burst_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, burst_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, rate_limit_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, rate_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, burst_limit_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, burst_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, result_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, working_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, area);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, step_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, play_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, accent_swatch);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, success_swatch);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, warning_swatch);
  gtk_widget_class_bind_template_child (widget_class, NimbusApiBucket, error_swatch);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_play_button_toggled_cb);
  gtk_widget_class_install_action (widget_class, "bucket.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "bucket.reset", NULL, reset_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nimbus_api_bucket_init (NimbusApiBucket *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  nimbus_step_player_init (&self->player, self->play_button, PLAY_INTERVAL_MS, play_step, self);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  nimbus_calc_form_setup_spin (self->rate_spin, GTK_WIDGET (self->rate_row));
  nimbus_calc_form_setup_spin (self->burst_spin, GTK_WIDGET (self->burst_row));
  nimbus_calc_form_setup_spin (self->rate_limit_spin, GTK_WIDGET (self->rate_limit_row));
  nimbus_calc_form_setup_spin (self->burst_limit_spin, GTK_WIDGET (self->burst_limit_row));
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_api_bucket_new (void)
{
  return g_object_new (NIMBUS_TYPE_API_BUCKET, NULL);
}
