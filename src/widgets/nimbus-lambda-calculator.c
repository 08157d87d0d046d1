/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-lambda-calculator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-calc-form.h"
#include "nimbus-lambda-calculator.h"

/* The Lambda concurrency calculator of the Lambda page: a request rate and duration in,
 * the concurrency needed out, with throttling and scaling in the working. The numbers come
 * from the core, as for `nimbus --calc lambda-concurrency`. */
struct _NimbusLambdaCalculator
{
  GtkWidget parent_instance;

  AdwActionRow *rate_row;
  GtkSpinButton *rate_spin;
  AdwActionRow *duration_row;
  GtkSpinButton *duration_spin;
  AdwActionRow *account_row;
  GtkSpinButton *account_spin;
  AdwActionRow *reserved_row;
  GtkCheckButton *reserved_check;
  GtkSpinButton *reserved_spin;
  AdwActionRow *provisioned_row;
  GtkSpinButton *provisioned_spin;
  GtkLabel *result_label;
  GtkLabel *problem_label;
  GtkLabel *working_label;
};

G_DEFINE_FINAL_TYPE (NimbusLambdaCalculator, nimbus_lambda_calculator, GTK_TYPE_WIDGET)

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
  nimbus_calc_form_show (self->result_label, self->problem_label, self->working_label, result,
                         r != NULL ? r->working : NULL, error);
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

const char *
nimbus_lambda_calculator_get_result (NimbusLambdaCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_LAMBDA_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->result_label);
}

const char *
nimbus_lambda_calculator_get_working (NimbusLambdaCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_LAMBDA_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->working_label);
}

const char *
nimbus_lambda_calculator_get_problem (NimbusLambdaCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_LAMBDA_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->problem_label);
}

static void
nimbus_lambda_calculator_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), NIMBUS_TYPE_LAMBDA_CALCULATOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nimbus_lambda_calculator_parent_class)->dispose (object);
}

static void
nimbus_lambda_calculator_class_init (NimbusLambdaCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_lambda_calculator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/widgets/"
                                               "nimbus-lambda-calculator.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, rate_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, duration_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, account_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, account_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, reserved_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, reserved_check);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, reserved_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, provisioned_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, provisioned_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, result_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusLambdaCalculator, working_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nimbus_lambda_calculator_init (NimbusLambdaCalculator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  nimbus_calc_form_setup_spin (self->rate_spin, GTK_WIDGET (self->rate_row));
  nimbus_calc_form_setup_spin (self->duration_spin, GTK_WIDGET (self->duration_row));
  nimbus_calc_form_setup_spin (self->account_spin, GTK_WIDGET (self->account_row));
  nimbus_calc_form_setup_spin (self->reserved_spin, GTK_WIDGET (self->reserved_row));
  nimbus_calc_form_setup_spin (self->provisioned_spin, GTK_WIDGET (self->provisioned_row));
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_lambda_calculator_new (void)
{
  return g_object_new (NIMBUS_TYPE_LAMBDA_CALCULATOR, NULL);
}
