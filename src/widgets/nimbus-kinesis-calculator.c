/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kinesis-calculator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-calc-form.h"
#include "nimbus-kinesis-calculator.h"

/* The Kinesis shard calculator of the Kinesis page: a write load and its readers in, the
 * provisioned shards out, with each limit's share in the working. The numbers come from
 * the core, as for `nimbus --calc kinesis-shards`. */
struct _NimbusKinesisCalculator
{
  GtkWidget parent_instance;

  AdwActionRow *write_row;
  GtkSpinButton *write_spin;
  AdwActionRow *records_row;
  GtkSpinButton *records_spin;
  AdwActionRow *consumers_row;
  GtkSpinButton *consumers_spin;
  GtkSwitch *fan_out_switch;
  GtkLabel *result_label;
  GtkLabel *problem_label;
  GtkLabel *working_label;
};

G_DEFINE_FINAL_TYPE (NimbusKinesisCalculator, nimbus_kinesis_calculator, GTK_TYPE_WIDGET)

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
  nimbus_calc_form_show (self->result_label, self->problem_label, self->working_label, result,
                         r != NULL ? r->working : NULL, error);
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

const char *
nimbus_kinesis_calculator_get_result (NimbusKinesisCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_KINESIS_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->result_label);
}

const char *
nimbus_kinesis_calculator_get_working (NimbusKinesisCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_KINESIS_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->working_label);
}

const char *
nimbus_kinesis_calculator_get_problem (NimbusKinesisCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_KINESIS_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->problem_label);
}

static void
nimbus_kinesis_calculator_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), NIMBUS_TYPE_KINESIS_CALCULATOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nimbus_kinesis_calculator_parent_class)->dispose (object);
}

static void
nimbus_kinesis_calculator_class_init (NimbusKinesisCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_kinesis_calculator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/widgets/"
                                               "nimbus-kinesis-calculator.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, write_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, write_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, records_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, records_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, consumers_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, consumers_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, fan_out_switch);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, result_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusKinesisCalculator, working_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nimbus_kinesis_calculator_init (NimbusKinesisCalculator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  nimbus_calc_form_setup_spin (self->write_spin, GTK_WIDGET (self->write_row));
  nimbus_calc_form_setup_spin (self->records_spin, GTK_WIDGET (self->records_row));
  nimbus_calc_form_setup_spin (self->consumers_spin, GTK_WIDGET (self->consumers_row));
  on_input_changed_cb (self);
}

GtkWidget *
nimbus_kinesis_calculator_new (void)
{
  return g_object_new (NIMBUS_TYPE_KINESIS_CALCULATOR, NULL);
}
