/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-calculator"

#include "config.h"

#include <adwaita.h>

#include "nimbus-calc-form.h"
#include "nimbus-calculator-private.h"

/* What every exam-maths calculator is: a group of inputs over a result, the problem with
 * the inputs when there is one, and the working. Each calculator's template lays them out;
 * this class keeps the three labels, tells them, and takes the template down again. */
typedef struct
{
  GtkLabel *result_label;
  GtkLabel *problem_label;
  GtkLabel *working_label;
} NimbusCalculatorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (NimbusCalculator, nimbus_calculator, GTK_TYPE_WIDGET)

#define PRIVATE(self) ((NimbusCalculatorPrivate *) nimbus_calculator_get_instance_private (self))

/* The template of a calculator, widgets/NAME.ui, with the labels this class keeps. */
void
nimbus_calculator_class_set_template (GtkWidgetClass *widget_class,
                                      const char     *name)
{
  g_autofree char *resource = NULL;

  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), NIMBUS_TYPE_CALCULATOR));

  resource = g_strdup_printf ("/io/github/nimbusstudy/Nimbus/widgets/%s.ui", name);
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "result_label", FALSE,
                                             G_PRIVATE_OFFSET (NimbusCalculator, result_label));
  gtk_widget_class_bind_template_child_full (widget_class, "problem_label", FALSE,
                                             G_PRIVATE_OFFSET (NimbusCalculator, problem_label));
  gtk_widget_class_bind_template_child_full (widget_class, "working_label", FALSE,
                                             G_PRIVATE_OFFSET (NimbusCalculator, working_label));
}

static void
setup_spins_below (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SPIN_BUTTON (child))
        nimbus_calc_form_setup_spin (GTK_SPIN_BUTTON (child),
                                     gtk_widget_get_ancestor (child, ADW_TYPE_ACTION_ROW));
      else
        setup_spins_below (child);
    }
}

/* Every spin button of the template shows numbers as the core does and is named by the row
 * it sits in. */
void
nimbus_calculator_setup_spins (NimbusCalculator *self)
{
  g_return_if_fail (NIMBUS_IS_CALCULATOR (self));

  setup_spins_below (GTK_WIDGET (self));
}

/* For the calculator's init, before it computes its first answer. */
void
nimbus_calculator_init_template (NimbusCalculator *self)
{
  g_return_if_fail (NIMBUS_IS_CALCULATOR (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  nimbus_calculator_setup_spins (self);
}

/* The result and its working, or with an error its message and no result. */
void
nimbus_calculator_show (NimbusCalculator *self,
                        const char       *result,
                        const char       *working,
                        const GError     *error)
{
  NimbusCalculatorPrivate *priv = PRIVATE (self);

  g_return_if_fail (NIMBUS_IS_CALCULATOR (self));

  gtk_label_set_text (priv->result_label, error != NULL ? "—" : result);
  gtk_label_set_text (priv->problem_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->problem_label), error != NULL);
  gtk_label_set_text (priv->working_label, error != NULL ? "" : working);
  gtk_widget_set_visible (GTK_WIDGET (priv->working_label), error == NULL);
}

GtkWidget *
nimbus_calculator_get_result_label (NimbusCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_CALCULATOR (self), NULL);

  return GTK_WIDGET (PRIVATE (self)->result_label);
}

const char *
nimbus_calculator_get_result (NimbusCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_CALCULATOR (self), NULL);

  return gtk_label_get_text (PRIVATE (self)->result_label);
}

const char *
nimbus_calculator_get_working (NimbusCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_CALCULATOR (self), NULL);

  return gtk_label_get_text (PRIVATE (self)->working_label);
}

/* What is wrong with the input, as shown under it; "" when nothing is. */
const char *
nimbus_calculator_get_problem (NimbusCalculator *self)
{
  g_return_val_if_fail (NIMBUS_IS_CALCULATOR (self), NULL);

  return gtk_label_get_text (PRIVATE (self)->problem_label);
}

static void
nimbus_calculator_dispose (GObject *object)
{
  GtkWidget *child;

  /* The template is the calculator's own; its unnamed labels and lists are children too. */
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nimbus_calculator_parent_class)->dispose (object);
}

static void
nimbus_calculator_class_init (NimbusCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_calculator_dispose;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nimbus_calculator_init (NimbusCalculator *self)
{
}
