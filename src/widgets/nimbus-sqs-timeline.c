/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-sqs-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-calc-form.h"
#include "nimbus-sqs-timeline.h"
#include "nimbus-step-calculator-private.h"

/* The SQS visibility timeline of the SQS page: a timeout, a processing time and a redrive
 * policy in; the core's timeline of receives, timeouts and deletes out, played event by
 * event. The queue's row shows when the message is hidden, each consumer's row its
 * processing (a delete, a failure, or work done again), and the label under it says the
 * current event in words, as `nimbus --calc sqs-visibility --json` lists them. */
struct _NimbusSqsTimeline
{
  NimbusStepCalculator parent_instance;

  GtkSpinButton *timeout_spin;
  GtkSpinButton *processing_spin;
  GtkSpinButton *receive_count_spin;
  GtkSpinButton *failures_spin;

  NimbusSqsVisibility *timeline;
};

G_DEFINE_FINAL_TYPE (NimbusSqsTimeline, nimbus_sqs_timeline, NIMBUS_TYPE_STEP_CALCULATOR)

#define MAX_LANES 6
#define LANE_HEIGHT 22
#define LABEL_WIDTH 92

static const char *
describe_step (NimbusStepCalculator *calculator,
               guint                 position)
{
  NimbusSqsTimeline *self = NIMBUS_SQS_TIMELINE (calculator);

  if (position == 0)
    return _("Press Step to receive the message, or Play to watch the whole timeline.");

  return ((NimbusSqsEvent *) g_ptr_array_index (self->timeline->events,
                                                position - 1))->description;
}

static guint
steps_shown (NimbusSqsTimeline *self)
{
  g_assert (NIMBUS_IS_SQS_TIMELINE (self));

  return nimbus_step_calculator_get_position (NIMBUS_STEP_CALCULATOR (self));
}

static double
event_time (NimbusSqsTimeline *self,
            guint              i)
{
  g_assert (NIMBUS_IS_SQS_TIMELINE (self));

  return ((NimbusSqsEvent *) g_ptr_array_index (self->timeline->events, i))->time;
}

/* The consumers' lanes and the queue's, the part of the timeline played so far. */
static void
draw_lanes (NimbusSqsTimeline *self,
            cairo_t           *cr,
            double             x0,
            double             scale,
            double             now)
{
  NimbusStepCalculator *calculator = NIMBUS_STEP_CALCULATOR (self);
  const NimbusSqsVisibility *t = self->timeline;
  GdkRGBA accent, success, warning, error, fg;

  g_assert (NIMBUS_IS_SQS_TIMELINE (self));

  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_ACCENT, &accent);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_SUCCESS, &success);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_WARNING, &warning);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_ERROR, &error);
  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_FOREGROUND, &fg);

  for (guint i = 0; i < steps_shown (self); i++)
    {
      const NimbusSqsEvent *event = g_ptr_array_index (t->events, i);
      double x = x0 + event->time * scale;
      double lane_y = LANE_HEIGHT * MIN (event->receive, MAX_LANES + 1);

      switch (event->kind)
        {
        case NIMBUS_SQS_EVENT_RECEIVE:
          {
            double hidden = MIN (t->input.timeout, now - event->time);
            double busy = MIN (t->input.processing, now - event->time);

            /* The queue hides the message; the consumer works on it. */
            nimbus_calc_form_set_source (cr, &accent, 0.35);
            cairo_rectangle (cr, x, 4, MAX (hidden * scale, 2), LANE_HEIGHT - 8);
            cairo_fill (cr);
            if (event->receive <= MAX_LANES)
              {
                nimbus_calc_form_set_source (cr, &fg, 0.25);
                cairo_rectangle (cr, x, lane_y + 4, MAX (busy * scale, 2), LANE_HEIGHT - 8);
                cairo_fill (cr);
              }
            break;
          }
        case NIMBUS_SQS_EVENT_DELETE:
        case NIMBUS_SQS_EVENT_FAIL:
        case NIMBUS_SQS_EVENT_LATE:
          if (event->receive > MAX_LANES)
            break;
          nimbus_calc_form_set_source (cr, event->kind == NIMBUS_SQS_EVENT_DELETE ? &success
                                           : event->kind == NIMBUS_SQS_EVENT_FAIL ? &error
                                           : &warning, 1);
          cairo_arc (cr, x, lane_y + LANE_HEIGHT / 2.0, 5, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case NIMBUS_SQS_EVENT_DEAD_LETTER:
        case NIMBUS_SQS_EVENT_ENDLESS:
          nimbus_calc_form_set_source (cr, &error, 1);
          cairo_rectangle (cr, x - 3, 2, 6, LANE_HEIGHT - 4);
          cairo_fill (cr);
          break;
        case NIMBUS_SQS_EVENT_VISIBLE:
        default:
          break;
        }
    }
}

static void
draw_labels (NimbusSqsTimeline *self,
             cairo_t           *cr,
             guint              lanes,
             double             width,
             double             end)
{
  NimbusStepCalculator *calculator = NIMBUS_STEP_CALCULATOR (self);
  GtkWidget *area = GTK_WIDGET (nimbus_step_calculator_get_area (calculator));
  GdkRGBA fg;
  g_autofree char *end_text = nimbus_calc_format (end);
  g_autofree char *axis = g_strdup_printf (_("%s s"), end_text);

  g_assert (NIMBUS_IS_SQS_TIMELINE (self));

  nimbus_step_calculator_get_color (calculator, NIMBUS_STEP_COLOR_FOREGROUND, &fg);
  for (guint lane = 0; lane <= lanes; lane++)
    {
      g_autofree char *name = lane == 0 ? g_strdup (_("Queue"))
                              : lane > MAX_LANES ? g_strdup (_("More"))
                              : g_strdup_printf (_("Consumer %u"), lane);
      PangoLayout *layout = gtk_widget_create_pango_layout (area, name);

      pango_layout_set_width (layout, (LABEL_WIDTH - 6) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      nimbus_calc_form_set_source (cr, &fg, 0.8);
      cairo_move_to (cr, 0, lane * LANE_HEIGHT + 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  {
    PangoLayout *layout = gtk_widget_create_pango_layout (area, axis);
    int text_width;

    pango_layout_get_pixel_size (layout, &text_width, NULL);
    cairo_move_to (cr, width - text_width, (lanes + 1) * LANE_HEIGHT + 2);
    pango_cairo_show_layout (cr, layout);
    cairo_move_to (cr, LABEL_WIDTH, (lanes + 1) * LANE_HEIGHT + 2);
    g_object_unref (layout);
    layout = gtk_widget_create_pango_layout (area, _("0 s"));
    pango_cairo_show_layout (cr, layout);
    g_object_unref (layout);
  }
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  NimbusSqsTimeline *self = user_data;
  const NimbusSqsVisibility *t = self->timeline;
  double end, scale, now;
  guint lanes = 0;
  GdkRGBA fg;

  if (t == NULL || t->events->len == 0)
    return;

  for (guint i = 0; i < t->events->len; i++)
    lanes = MAX (lanes, ((NimbusSqsEvent *) g_ptr_array_index (t->events, i))->receive);
  lanes = MIN (lanes, MAX_LANES + 1);
  end = MAX (event_time (self, t->events->len - 1), t->input.timeout);
  end = MAX (end, 1);
  scale = (width - LABEL_WIDTH - 8) / end;
  now = steps_shown (self) > 0 ? event_time (self, steps_shown (self) - 1) : 0;

  draw_labels (self, cr, lanes, width, end);

  /* Lanes' guides, and where the current event is. */
  nimbus_step_calculator_get_color (NIMBUS_STEP_CALCULATOR (self), NIMBUS_STEP_COLOR_FOREGROUND,
                                    &fg);
  nimbus_calc_form_set_source (cr, &fg, 0.12);
  for (guint lane = 0; lane <= lanes; lane++)
    {
      cairo_rectangle (cr, LABEL_WIDTH, lane * LANE_HEIGHT + LANE_HEIGHT / 2.0, width - LABEL_WIDTH,
                       1);
      cairo_fill (cr);
    }
  draw_lanes (self, cr, LABEL_WIDTH, scale, now);
  if (steps_shown (self) > 0)
    {
      nimbus_calc_form_set_source (cr, &fg, 0.7);
      cairo_rectangle (cr, LABEL_WIDTH + now * scale - 0.5, 0, 1, (lanes + 1) * LANE_HEIGHT);
      cairo_fill (cr);
    }
}

static void
on_input_changed_cb (NimbusSqsTimeline *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  NimbusSqsVisibilityInput input;
  double receive_count = nimbus_calc_form_spin_value (self->receive_count_spin);
  GtkDrawingArea *area = nimbus_step_calculator_get_area (NIMBUS_STEP_CALCULATOR (self));
  guint lanes = 0;

  g_assert (NIMBUS_IS_SQS_TIMELINE (self));

  nimbus_sqs_visibility_input_init (&input);
  input.timeout = nimbus_calc_form_spin_value (self->timeout_spin);
  input.processing = nimbus_calc_form_spin_value (self->processing_spin);
  input.failures = nimbus_calc_form_spin_value (self->failures_spin);
  /* 0 is no redrive policy. */
  if (receive_count != 0)
    input.max_receive_count = receive_count;

  g_clear_pointer (&self->timeline, nimbus_sqs_visibility_free);
  self->timeline = nimbus_sqs_visibility_compute (&input, &error);
  if (self->timeline != NULL && self->timeline->outcome == NIMBUS_SQS_OUTCOME_ENDLESS)
    result = g_strdup (_("Received by every poll"));
  else if (self->timeline != NULL)
    {
      guint receives = self->timeline->receives, duplicates = self->timeline->duplicates;
      g_autofree char *received = g_strdup_printf (ngettext ("%u receive", "%u receives",
                                                             receives), receives);
      g_autofree char *duplicated = g_strdup_printf (ngettext ("%u duplicate", "%u duplicates",
                                                               duplicates), duplicates);

      /* Translators: the timeline's result, "3 receives, 2 duplicates" */
      result = g_strdup_printf (_("%s, %s"), received, duplicated);
    }
  nimbus_calculator_show (NIMBUS_CALCULATOR (self), result,
                          self->timeline != NULL ? self->timeline->working : NULL, error);

  for (guint i = 0; self->timeline != NULL && i < self->timeline->events->len; i++)
    lanes = MAX (lanes, ((NimbusSqsEvent *) g_ptr_array_index (self->timeline->events,
                                                               i))->receive);
  gtk_drawing_area_set_content_height (area, (MIN (lanes, MAX_LANES + 1) + 2) * LANE_HEIGHT);
  nimbus_step_calculator_set_n_steps (NIMBUS_STEP_CALCULATOR (self),
                                      self->timeline != NULL ? self->timeline->events->len : 0);
}

/* FALSE when a value does not fit the window's inputs (more digits than they keep). */
gboolean
nimbus_sqs_timeline_set_input (NimbusSqsTimeline              *self,
                               const NimbusSqsVisibilityInput *input)
{
  gboolean fits;

  g_return_val_if_fail (NIMBUS_IS_SQS_TIMELINE (self), FALSE);

  fits = nimbus_calc_form_set_value (self->timeout_spin, input->timeout);
  fits &= nimbus_calc_form_set_value (self->processing_spin, input->processing);
  fits &= nimbus_calc_form_set_value (self->receive_count_spin,
                                      isnan (input->max_receive_count)
                                      ? 0 : input->max_receive_count);
  fits &= nimbus_calc_form_set_value (self->failures_spin, input->failures);
  on_input_changed_cb (self);

  return fits;
}

static void
nimbus_sqs_timeline_dispose (GObject *object)
{
  NimbusSqsTimeline *self = NIMBUS_SQS_TIMELINE (object);

  g_clear_pointer (&self->timeline, nimbus_sqs_visibility_free);

  G_OBJECT_CLASS (nimbus_sqs_timeline_parent_class)->dispose (object);
}

static void
nimbus_sqs_timeline_class_init (NimbusSqsTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  NimbusStepCalculatorClass *calculator_class = NIMBUS_STEP_CALCULATOR_CLASS (klass);

  object_class->dispose = nimbus_sqs_timeline_dispose;
  calculator_class->describe_step = describe_step;

  nimbus_step_calculator_class_set_template (widget_class, "nimbus-sqs-timeline");
  gtk_widget_class_bind_template_child (widget_class, NimbusSqsTimeline, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusSqsTimeline, processing_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusSqsTimeline, receive_count_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusSqsTimeline, failures_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
}

static void
nimbus_sqs_timeline_init (NimbusSqsTimeline *self)
{
  NimbusStepCalculator *calculator = NIMBUS_STEP_CALCULATOR (self);

  nimbus_step_calculator_init_template (calculator);
  gtk_drawing_area_set_draw_func (nimbus_step_calculator_get_area (calculator), draw_cb, self,
                                  NULL);
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_sqs_timeline_new (void)
{
  return g_object_new (NIMBUS_TYPE_SQS_TIMELINE, NULL);
}
