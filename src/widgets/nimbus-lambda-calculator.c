/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-lambda-calculator"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-calc-form.h"
#include "nimbus-calculator-private.h"
#include "nimbus-lambda-calculator.h"

/* The Lambda concurrency calculator of the Lambda page: a request rate and duration in,
 * the concurrency needed out, with throttling and scaling in the working. The numbers come
 * from the core, as for `nimbus --calc lambda-concurrency`. */
struct _NimbusLambdaCalculator
{
  NimbusCalculator parent_instance;

  GtkSpinButton *rate_spin;
  GtkSpinButton *duration_spin;
  GtkSpinButton *account_spin;
  GtkCheckButton *reserved_check;
  GtkSpinButton *reserved_spin;
  GtkSpinButton *provisioned_spin;
};

G_DEFINE_FINAL_TYPE (NimbusLambdaCalculator, nimbus_lambda_calculator, NIMBUS_TYPE_CALCULATOR)

static void
read_input (NimbusLambdaCalculator       *self,
            NimbusLambdaConcurrencyInput *input)
{
  double provisioned = nimbus_calc_form_spin_value (self->provisioned_spin);

  g_assert (NIMBUS_IS_LAMBDA_CALCULATOR (self));

  nimbus_lambda_concurrency_input_init (input);
  input->rate = nimbus_calc_form_spin_value (self->rate_spin);
  input->duration = nimbus_calc_form_spin_value (self->duration_spin);
  input->account_limit = nimbus_calc_form_spin_value (self->account_spin);
  if (gtk_check_button_get_active (self->reserved_check))
    input->reserved = nimbus_calc_form_spin_value (self->reserved_spin);
  /* 0 provisioned is none. */
  if (provisioned != 0)
    input->provisioned = provisioned;
}

static void
on_input_changed_cb (NimbusLambdaCalculator *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusLambdaConcurrency) r = NULL;
  g_autofree char *result = NULL;
  NimbusLambdaConcurrencyInput input;

  g_assert (NIMBUS_IS_LAMBDA_CALCULATOR (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->reserved_spin),
                            gtk_check_button_get_active (self->reserved_check));
  read_input (self, &input);
  r = nimbus_lambda_concurrency_compute (&input, &error);
  if (r != NULL)
    {
      g_autofree char *needed = g_strdup_printf ("%" G_GUINT64_FORMAT, r->needed);

      result = g_strdup_printf (ngettext ("%s concurrent execution",
                                          "%s concurrent executions", r->needed),
                                needed);
    }
  nimbus_calculator_show (NIMBUS_CALCULATOR (self), result, r != NULL ? r->working : NULL, error);
}

/* FALSE when a value does not fit the window's inputs (more digits than they keep). */
gboolean
nimbus_lambda_calculator_set_input (NimbusLambdaCalculator             *self,
                                    const NimbusLambdaConcurrencyInput *input)
{
  gboolean fits;

  g_return_val_if_fail (NIMBUS_IS_LAMBDA_CALCULATOR (self), FALSE);

  gtk_check_button_set_active (self->reserved_check, !isnan (input->reserved));
  fits = nimbus_calc_form_set_value (self->rate_spin, input->rate);
  fits &= nimbus_calc_form_set_value (self->duration_spin, input->duration);
  fits &= nimbus_calc_form_set_value (self->account_spin, input->account_limit);
  if (!isnan (input->reserved))
    fits &= nimbus_calc_form_set_value (self->reserved_spin, input->reserved);
  fits &= nimbus_calc_form_set_value (self->provisioned_spin,
                                      isnan (input->provisioned) ? 0 : input->provisioned);
  on_input_changed_cb (self);

  return fits && (isnan (input->provisioned) || input->provisioned != 0);
}

static void
nimbus_lambda_calculator_class_init (NimbusLambdaCalculatorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  nimbus_calculator_class_set_template (widget_class, "nimbus-lambda-calculator");
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, account_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, reserved_check);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, reserved_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, provisioned_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
}

static void
nimbus_lambda_calculator_init (NimbusLambdaCalculator *self)
{
  nimbus_calculator_init_template (NIMBUS_CALCULATOR (self));
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_lambda_calculator_new (void)
{
  return g_object_new (NIMBUS_TYPE_LAMBDA_CALCULATOR, NULL);
}
