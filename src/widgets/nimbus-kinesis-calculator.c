/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kinesis-calculator"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-calc-form.h"
#include "nimbus-calculator-private.h"
#include "nimbus-kinesis-calculator.h"

/* The Kinesis shard calculator of the Kinesis page: a write load and its readers in, the
 * provisioned shards out, with each limit's share in the working. The numbers come from
 * the core, as for `nimbus --calc kinesis-shards`. */
struct _NimbusKinesisCalculator
{
  NimbusCalculator parent_instance;

  GtkSpinButton *write_spin;
  GtkSpinButton *records_spin;
  GtkSpinButton *consumers_spin;
  GtkSwitch *fan_out_switch;
};

G_DEFINE_FINAL_TYPE (NimbusKinesisCalculator, nimbus_kinesis_calculator, NIMBUS_TYPE_CALCULATOR)

static void
on_input_changed_cb (NimbusKinesisCalculator *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusKinesisShards) r = NULL;
  g_autofree char *result = NULL;
  NimbusKinesisShardsInput input;

  g_assert (NIMBUS_IS_KINESIS_CALCULATOR (self));

  nimbus_kinesis_shards_input_init (&input);
  input.write_mb = nimbus_calc_form_spin_value (self->write_spin);
  input.records = nimbus_calc_form_spin_value (self->records_spin);
  input.consumers = nimbus_calc_form_spin_value (self->consumers_spin);
  input.fan_out = gtk_switch_get_active (self->fan_out_switch);

  r = nimbus_kinesis_shards_compute (&input, &error);
  if (r != NULL)
    {
      g_autofree char *shards = g_strdup_printf ("%" G_GUINT64_FORMAT, r->shards);

      result = g_strdup_printf (ngettext ("%s shard", "%s shards", r->shards), shards);
    }
  nimbus_calculator_show (NIMBUS_CALCULATOR (self), result, r != NULL ? r->working : NULL, error);
}

/* FALSE when a value does not fit the window's inputs (more digits than they keep). */
gboolean
nimbus_kinesis_calculator_set_input (NimbusKinesisCalculator        *self,
                                     const NimbusKinesisShardsInput *input)
{
  gboolean fits;

  g_return_val_if_fail (NIMBUS_IS_KINESIS_CALCULATOR (self), FALSE);

  gtk_switch_set_active (self->fan_out_switch, input->fan_out);
  fits = nimbus_calc_form_set_value (self->write_spin, input->write_mb);
  fits &= nimbus_calc_form_set_value (self->records_spin, input->records);
  fits &= nimbus_calc_form_set_value (self->consumers_spin, input->consumers);
  on_input_changed_cb (self);

  return fits;
}

static void
nimbus_kinesis_calculator_class_init (NimbusKinesisCalculatorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  nimbus_calculator_class_set_template (widget_class, "nimbus-kinesis-calculator");
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, write_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, records_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, consumers_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, fan_out_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
}

static void
nimbus_kinesis_calculator_init (NimbusKinesisCalculator *self)
{
  nimbus_calculator_init_template (NIMBUS_CALCULATOR (self));
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_kinesis_calculator_new (void)
{
  return g_object_new (NIMBUS_TYPE_KINESIS_CALCULATOR, NULL);
}
