/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-ebs-calculator"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-calc-form.h"
#include "nimbus-calculator-private.h"
#include "nimbus-ebs-calculator.h"

/* The EBS IOPS calculator of the EBS page: a volume size and demand in, the gp2 baseline
 * out, with the burst and gp3 in the working. The numbers come from the core, as for
 * `nimbus --calc ebs-iops`. */
struct _NimbusEbsCalculator
{
  NimbusCalculator parent_instance;

  GtkSpinButton *size_spin;
  GtkSpinButton *iops_spin;
  GtkSpinButton *throughput_spin;
};

G_DEFINE_FINAL_TYPE (NimbusEbsCalculator, nimbus_ebs_calculator, NIMBUS_TYPE_CALCULATOR)

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
  nimbus_calculator_show (NIMBUS_CALCULATOR (self), result, r != NULL ? r->working : NULL, error);
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

static void
nimbus_ebs_calculator_class_init (NimbusEbsCalculatorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  nimbus_calculator_class_set_template (widget_class, "nimbus-ebs-calculator");
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, size_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, iops_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusEbsCalculator, throughput_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
}

static void
nimbus_ebs_calculator_init (NimbusEbsCalculator *self)
{
  nimbus_calculator_init_template (NIMBUS_CALCULATOR (self));
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_ebs_calculator_new (void)
{
  return g_object_new (NIMBUS_TYPE_EBS_CALCULATOR, NULL);
}
