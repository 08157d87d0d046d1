/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-step-calculator"

#include "config.h"

#include "nimbus-calc-form.h"
#include "nimbus-step-calculator-private.h"
#include "nimbus-step-player.h"

/* A calculator whose answer is played step by step under its result: drawn in the drawing
 * area, told in words under it, stepped by hand (steps.step, steps.reset) or played. The
 * calculator says how many steps its answer has and what each one shows. */
typedef struct
{
  GtkDrawingArea *area;
  GtkLabel *step_label;
  GtkToggleButton *play_button;
  GtkWidget *accent_swatch;
  GtkWidget *success_swatch;
  GtkWidget *warning_swatch;
  GtkWidget *error_swatch;

  guint n_steps;             /* 0: nothing to play */
  guint position;            /* steps shown */
  NimbusStepPlayer player;
} NimbusStepCalculatorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (NimbusStepCalculator, nimbus_step_calculator,
                            NIMBUS_TYPE_CALCULATOR)

#define PRIVATE(self) \
  ((NimbusStepCalculatorPrivate *) nimbus_step_calculator_get_instance_private (self))

#define PLAY_INTERVAL_MS 1200

#define BIND_PRIVATE(widget_class, name) \
  gtk_widget_class_bind_template_child_full (widget_class, #name, FALSE, \
                                             G_PRIVATE_OFFSET (NimbusStepCalculator, name))

static void
update_step (NimbusStepCalculator *self)
{
  NimbusStepCalculatorPrivate *priv = PRIVATE (self);
  NimbusStepCalculatorClass *klass = NIMBUS_STEP_CALCULATOR_GET_CLASS (self);

  g_assert (NIMBUS_IS_STEP_CALCULATOR (self));

  nimbus_step_player_show (priv->step_label, priv->n_steps > 0, priv->position, priv->n_steps,
                           klass->describe_step (self, 0),
                           priv->position > 0 ? klass->describe_step (self, priv->position)
                                              : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "steps.step",
                                 priv->position < priv->n_steps);
  gtk_widget_queue_draw (GTK_WIDGET (priv->area));
}

static void
reset (NimbusStepCalculator *self)
{
  NimbusStepCalculatorPrivate *priv = PRIVATE (self);

  g_assert (NIMBUS_IS_STEP_CALCULATOR (self));

  nimbus_step_player_stop (&priv->player);
  priv->position = 0;
  update_step (self);
}

/* One step more; FALSE at the end. */
gboolean
nimbus_step_calculator_step (NimbusStepCalculator *self)
{
  NimbusStepCalculatorPrivate *priv;

  g_return_val_if_fail (NIMBUS_IS_STEP_CALCULATOR (self), FALSE);

  priv = PRIVATE (self);
  if (priv->position >= priv->n_steps)
    return FALSE;

  priv->position++;
  update_step (self);
  return TRUE;
}

const char *
nimbus_step_calculator_get_step_text (NimbusStepCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_STEP_CALCULATOR (self), NULL);

  return gtk_label_get_text (PRIVATE (self)->step_label);
}

/* A new answer of N_STEPS steps (0: nothing to play), shown from before the first. */
void
nimbus_step_calculator_set_n_steps (NimbusStepCalculator *self,
                                    guint                 n_steps)
{
  g_return_if_fail (NIMBUS_IS_STEP_CALCULATOR (self));

  PRIVATE (self)->n_steps = n_steps;
  reset (self);
}

guint
nimbus_step_calculator_get_position (NimbusStepCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_STEP_CALCULATOR (self), 0);

  return PRIVATE (self)->position;
}

GtkDrawingArea *
nimbus_step_calculator_get_area (NimbusStepCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_STEP_CALCULATOR (self), NULL);

  return PRIVATE (self)->area;
}

/* The style's colour, for drawing: dark and high-contrast styles follow. */
void
nimbus_step_calculator_get_color (NimbusStepCalculator *self,
                                  NimbusStepColor       color,
                                  GdkRGBA              *rgba)
{
  NimbusStepCalculatorPrivate *priv;
  GtkWidget *swatch;

  g_return_if_fail (NIMBUS_IS_STEP_CALCULATOR (self));

  priv = PRIVATE (self);
  switch (color)
    {
    case NIMBUS_STEP_COLOR_ACCENT:
      swatch = priv->accent_swatch;
      break;
    case NIMBUS_STEP_COLOR_SUCCESS:
      swatch = priv->success_swatch;
      break;
    case NIMBUS_STEP_COLOR_WARNING:
      swatch = priv->warning_swatch;
      break;
    case NIMBUS_STEP_COLOR_ERROR:
      swatch = priv->error_swatch;
      break;
    case NIMBUS_STEP_COLOR_FOREGROUND:
    default:
      swatch = GTK_WIDGET (priv->area);
      break;
    }
  nimbus_calc_form_color (swatch, rgba);
}

static gboolean
play_step (gpointer user_data)
{
  return nimbus_step_calculator_step (user_data);
}

/* Play at the end plays again from the first step. */
static void
on_play_button_toggled_cb (NimbusStepCalculator *self)
{
  NimbusStepCalculatorPrivate *priv = PRIVATE (self);

  g_assert (NIMBUS_IS_STEP_CALCULATOR (self));

  if (gtk_toggle_button_get_active (priv->play_button) && priv->position >= priv->n_steps)
    priv->position = 0;
  nimbus_step_player_toggled (&priv->player);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nimbus_step_player_stop (&PRIVATE (NIMBUS_STEP_CALCULATOR (widget))->player);
  nimbus_step_calculator_step (NIMBUS_STEP_CALCULATOR (widget));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  reset (NIMBUS_STEP_CALCULATOR (widget));
}

/* The template of a stepwise calculator, widgets/NAME.ui, with the parts this class keeps. */
void
nimbus_step_calculator_class_set_template (GtkWidgetClass *widget_class,
                                           const char     *name)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), NIMBUS_TYPE_STEP_CALCULATOR));

  nimbus_calculator_class_set_template (widget_class, name);
  BIND_PRIVATE (widget_class, area);
  BIND_PRIVATE (widget_class, step_label);
  BIND_PRIVATE (widget_class, play_button);
  BIND_PRIVATE (widget_class, accent_swatch);
  BIND_PRIVATE (widget_class, success_swatch);
  BIND_PRIVATE (widget_class, warning_swatch);
  BIND_PRIVATE (widget_class, error_swatch);
  gtk_widget_class_bind_template_callback (widget_class, on_play_button_toggled_cb);
}

/* For the calculator's init, before it computes its first answer. */
void
nimbus_step_calculator_init_template (NimbusStepCalculator *self)
{
  NimbusStepCalculatorPrivate *priv = PRIVATE (self);

  g_return_if_fail (NIMBUS_IS_STEP_CALCULATOR (self));

  /* The player first: a spin button set up tells the calculator to compute. */
  gtk_widget_init_template (GTK_WIDGET (self));
  nimbus_step_player_init (&priv->player, priv->play_button, PLAY_INTERVAL_MS, play_step, self);
  nimbus_calculator_setup_spins (NIMBUS_CALCULATOR (self));
}

static void
nimbus_step_calculator_dispose (GObject *object)
{
  nimbus_step_player_clear (&PRIVATE (NIMBUS_STEP_CALCULATOR (object))->player);

  G_OBJECT_CLASS (nimbus_step_calculator_parent_class)->dispose (object);
}

static void
nimbus_step_calculator_class_init (NimbusStepCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_step_calculator_dispose;

  gtk_widget_class_install_action (widget_class, "steps.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "steps.reset", NULL, reset_action);
}

static void
nimbus_step_calculator_init (NimbusStepCalculator *self)
{
}
