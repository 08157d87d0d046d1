/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-ebs-calculator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-calc-form.h"
#include "nimbus-ebs-calculator.h"

/* The EBS IOPS calculator of the EBS page: a volume size and demand in, the gp2 baseline
 * out, with the burst and gp3 in the working. The numbers come from the core, as for
 * `nimbus --calc ebs-iops`. */
struct _NimbusEbsCalculator
{
  GtkWidget parent_instance;

  AdwActionRow *size_row;
  GtkSpinButton *size_spin;
  AdwActionRow *iops_row;
  GtkSpinButton *iops_spin;
  AdwActionRow *throughput_row;
  GtkSpinButton *throughput_spin;
  GtkLabel *result_label;
  GtkLabel *problem_label;
  GtkLabel *working_label;
};

G_DEFINE_FINAL_TYPE (NimbusEbsCalculator, nimbus_ebs_calculator, GTK_TYPE_WIDGET)

static void
on_input_changed_cb (NimbusEbsCalculator *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusEbsIops) r = NULL;
  g_autofree char *result = NULL;
  NimbusEbsIopsInput input;
  double throughput = nimbus_calc_form_spin_value (self->throughput_spin);

  g_assert (NIMBUS_IS_EBS_CALCULATOR (self));

  nimbus_ebs_iops_input_init (&input);
  input.size = nimbus_calc_form_spin_value (self->size_spin);
  input.iops = nimbus_calc_form_spin_value (self->iops_spin);
  /* 0 is no throughput need. */
  if (throughput != 0)
    input.throughput = throughput;

  r = nimbus_ebs_iops_compute (&input, &error);
  if (r != NULL)
    {
      g_autofree char *baseline = nimbus_calc_format (r->baseline);

      /* Translators: the calculator's result, "300 IOPS gp2 baseline" */
      result = g_strdup_printf (_("%s IOPS gp2 baseline"), baseline);
    }
  nimbus_calc_form_show (self->result_label, self->problem_label, self->working_label, result,
                         r != NULL ? r->working : NULL, error);
}

/* FALSE when a value does not fit the window's inputs (more digits than they keep). */
gboolean
nimbus_ebs_calculator_set_input (NimbusEbsCalculator      *self,
                                 const NimbusEbsIopsInput *input)
{
  gboolean fits;

  g_return_val_if_fail (NIMBUS_IS_EBS_CALCULATOR (self), FALSE);

  fits = nimbus_calc_form_set_value (self->size_spin, input->size);
  fits &= nimbus_calc_form_set_value (self->iops_spin, input->iops);
  fits &= nimbus_calc_form_set_value (self->throughput_spin,
                                      isnan (input->throughput) ? 0 : input->throughput);
  on_input_changed_cb (self);

  return fits;
}

const char *
nimbus_ebs_calculator_get_result (NimbusEbsCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_EBS_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->result_label);
}

const char *
nimbus_ebs_calculator_get_working (NimbusEbsCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_EBS_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->working_label);
}

const char *
nimbus_ebs_calculator_get_problem (NimbusEbsCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_EBS_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->problem_label);
}

static void
nimbus_ebs_calculator_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), NIMBUS_TYPE_EBS_CALCULATOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nimbus_ebs_calculator_parent_class)->dispose (object);
}

static void
nimbus_ebs_calculator_class_init (NimbusEbsCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_ebs_calculator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/widgets/"
                                               "nimbus-ebs-calculator.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, size_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, size_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, iops_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, iops_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, throughput_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, throughput_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, result_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, working_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nimbus_ebs_calculator_init (NimbusEbsCalculator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  nimbus_calc_form_setup_spin (self->size_spin, GTK_WIDGET (self->size_row));
  nimbus_calc_form_setup_spin (self->iops_spin, GTK_WIDGET (self->iops_row));
  nimbus_calc_form_setup_spin (self->throughput_spin, GTK_WIDGET (self->throughput_row));
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_ebs_calculator_new (void)
{
  return g_object_new (NIMBUS_TYPE_EBS_CALCULATOR, NULL);
}
