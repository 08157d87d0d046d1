/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-capacity-calculator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-calc-form.h"
#include "nimbus-calculator-private.h"
#include "nimbus-capacity-calculator.h"

/* The DynamoDB capacity calculator of the DynamoDB page: an access pattern in, the
 * capacity out with its working, and the same items priced in every mode. The numbers
 * come from the core, as for `nimbus --capacity`; what is wrong with an input is the
 * core's message, told under the inputs and on the row it concerns. */
struct _NimbusCapacityCalculator
{
  NimbusCalculator parent_instance;

  AdwComboRow *op_row;
  AdwComboRow *consistency_row;
  AdwEntryRow *size_row;
  AdwEntryRow *rate_row;
  GtkGrid *compare_grid;
};

G_DEFINE_FINAL_TYPE (NimbusCapacityCalculator, nimbus_capacity_calculator, NIMBUS_TYPE_CALCULATOR)

/* Room kept around the result and the input when they are scrolled into view. */
#define REVEAL_MARGIN 12

/* Every mode, in the order of the comparison and of the consistency choices. */
static const struct {
  NimbusCapacityOp op;
  NimbusConsistency consistency;
  const char *label;
} modes[] = {
  { NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_STRONG, N_("Strongly consistent read") },
  { NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_EVENTUAL, N_("Eventually consistent read") },
  { NIMBUS_CAPACITY_READ, NIMBUS_CONSISTENCY_TRANSACTIONAL, N_("Transactional read") },
  { NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_STANDARD, N_("Standard write") },
  { NIMBUS_CAPACITY_WRITE, NIMBUS_CONSISTENCY_TRANSACTIONAL, N_("Transactional write") },
};

static NimbusCapacityOp
selected_op (NimbusCapacityCalculator *self)
{
  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  return adw_combo_row_get_selected (self->op_row) == 1 ? NIMBUS_CAPACITY_WRITE
                                                         : NIMBUS_CAPACITY_READ;
}

/* The consistency chosen: the n-th mode of the selected operation. */
static NimbusConsistency
selected_consistency (NimbusCapacityCalculator *self)
{
  guint n = adw_combo_row_get_selected (self->consistency_row);

  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (modes[i].op == selected_op (self) && n-- == 0)
        return modes[i].consistency;
    }

  return selected_op (self) == NIMBUS_CAPACITY_READ ? NIMBUS_CONSISTENCY_STRONG
                                                    : NIMBUS_CONSISTENCY_STANDARD;
}

static GtkWidget *
cell_new (const char *text,
          gboolean    strong)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (strong)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* The same size and rate in every mode; the chosen one is marked in words, not colour. */
static void
update_comparison (NimbusCapacityCalculator *self,
                   double                    size,
                   double                    rate)
{
  GtkWidget *child;

  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_grid))) != NULL)
    gtk_grid_remove (self->compare_grid, child);

  gtk_grid_attach (self->compare_grid, cell_new (_("Mode"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (self->compare_grid, cell_new (_("Provisioned"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->compare_grid, cell_new (_("On demand, per second"), TRUE), 2, 0, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      gboolean chosen = modes[i].op == selected_op (self) &&
                        modes[i].consistency == selected_consistency (self);
      g_autofree char *name = chosen ? g_strdup_printf (_("%s (chosen)"), _(modes[i].label))
                                     : g_strdup (_(modes[i].label));
      g_autofree char *units = NULL;
      g_autofree char *requests = NULL;
      NimbusCapacity result;

      if (nimbus_capacity_compute (modes[i].op, modes[i].consistency, size, rate, &result, NULL))
        {
          g_autofree char *request_units = nimbus_capacity_format_number (result.request_units);

          units = g_strdup_printf ("%" G_GUINT64_FORMAT " %s", result.units,
                                   nimbus_capacity_unit (&result));
          requests = g_strdup_printf ("%s %s", request_units,
                                      nimbus_capacity_request_unit (&result));
        }

      gtk_grid_attach (self->compare_grid, cell_new (name, chosen), 0, i + 1, 1, 1);
      gtk_grid_attach (self->compare_grid, cell_new (units != NULL ? units : "—", chosen), 1, i + 1,
                       1, 1);
      gtk_grid_attach (self->compare_grid, cell_new (requests != NULL ? requests : "—", chosen), 2,
                       i + 1, 1, 1);
    }
}

/* Marks the row whose value is wrong, for the eye and for screen readers, or clears it. */
static void
set_row_problem (AdwEntryRow *row,
                 const char  *message)
{
  GtkAccessible *accessibles[] = {
    GTK_ACCESSIBLE (row),
    /* The text inside takes the focus, and is what a screen reader reads. */
    GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
  };

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  for (guint i = 0; i < G_N_ELEMENTS (accessibles); i++)
    {
      if (accessibles[i] == NULL)
        continue;

      if (message != NULL)
        {
          gtk_accessible_update_property (accessibles[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          message, -1);
          gtk_accessible_update_state (accessibles[i], GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_accessible_reset_property (accessibles[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (accessibles[i], GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
}

/* Scrolls the nearest scrolled window so that the result is in view beside the input in use,
 * or alone when both do not fit: the result sits below the inputs, and a short window would
 * otherwise leave it below the fold while the last input is typed in. */
static void
reveal_result (NimbusCapacityCalculator *self,
               GtkWidget                *input)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t result, row;
  double page, top, bottom;

  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  if (scroller == NULL)
    return;

  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (viewport == NULL ||
      !gtk_widget_compute_bounds (nimbus_calculator_get_result_label (NIMBUS_CALCULATOR (self)),
                                  viewport, &result) ||
      !gtk_widget_compute_bounds (input, viewport, &row))
    return;

  page = gtk_adjustment_get_page_size (adjustment);
  top = MIN (result.origin.y, row.origin.y) - REVEAL_MARGIN;
  bottom = MAX (result.origin.y + result.size.height, row.origin.y + row.size.height) +
           REVEAL_MARGIN;
  if (bottom - top > page)
    {
      top = result.origin.y;
      bottom = top + result.size.height;
    }

  if (top < 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top);
  else if (bottom > page)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bottom - page);
}

/* The input row that holds the keyboard focus, if any. */
static GtkWidget *
focused_input (NimbusCapacityCalculator *self)
{
  GtkWidget *inputs[] = {
    GTK_WIDGET (self->op_row), GTK_WIDGET (self->consistency_row),
    GTK_WIDGET (self->size_row), GTK_WIDGET (self->rate_row),
  };

  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      if (gtk_widget_get_state_flags (inputs[i]) & GTK_STATE_FLAG_FOCUS_WITHIN)
        return inputs[i];
    }

  return NULL;
}

static void
on_input_focus_enter_cb (NimbusCapacityCalculator *self,
                         GtkEventController       *controller)
{
  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  reveal_result (self, gtk_event_controller_get_widget (controller));
}

static void
update_result (NimbusCapacityCalculator *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result_text = NULL;
  g_autofree char *working = NULL;
  AdwEntryRow *wrong_row = NULL;
  NimbusCapacity result;
  double size = nimbus_calc_form_editable_value (GTK_EDITABLE (self->size_row));
  double rate = nimbus_calc_form_editable_value (GTK_EDITABLE (self->rate_row));

  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  /* The size on its own first, so that each problem is told on the row it is in. */
  if (!nimbus_capacity_compute (selected_op (self), selected_consistency (self), size, 1,
                                &result, &error))
    wrong_row = self->size_row;
  else if (!nimbus_capacity_compute (selected_op (self), selected_consistency (self), size, rate,
                                     &result, &error))
    wrong_row = self->rate_row;

  set_row_problem (self->size_row, wrong_row == self->size_row ? error->message : NULL);
  set_row_problem (self->rate_row, wrong_row == self->rate_row ? error->message : NULL);
  update_comparison (self, size, rate);

  if (error == NULL)
    {
      result_text = g_strdup_printf ("%" G_GUINT64_FORMAT " %s", result.units,
                                     nimbus_capacity_unit (&result));
      working = nimbus_capacity_dup_working (&result);
    }
  nimbus_calculator_show (NIMBUS_CALCULATOR (self), result_text, working, error);
}

static void
on_input_changed_cb (NimbusCapacityCalculator *self)
{
  GtkWidget *input;

  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  update_result (self);
  if ((input = focused_input (self)) != NULL)
    reveal_result (self, input);
}

static void
on_op_row_selected_cb (NimbusCapacityCalculator *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  g_assert (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (modes[i].op == selected_op (self))
        gtk_string_list_append (choices, _(modes[i].label));
    }

  adw_combo_row_set_model (self->consistency_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->consistency_row, 0);
  on_input_changed_cb (self);
}

void
nimbus_capacity_calculator_set_input (NimbusCapacityCalculator *self,
                                      NimbusCapacityOp          op,
                                      NimbusConsistency         consistency,
                                      const char               *item_size_kb,
                                      const char               *rate)
{
  guint n = 0;

  g_return_if_fail (NIMBUS_IS_CAPACITY_CALCULATOR (self));

  adw_combo_row_set_selected (self->op_row, op == NIMBUS_CAPACITY_WRITE ? 1 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (modes[i].op != op)
        continue;
      if (modes[i].consistency == consistency)
        adw_combo_row_set_selected (self->consistency_row, n);
      n++;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->size_row), item_size_kb);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
}

static void
nimbus_capacity_calculator_class_init (NimbusCapacityCalculatorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  nimbus_calculator_class_set_template (widget_class, "nimbus-capacity-calculator");
  gtk_widget_class_bind_template_child (widget_class, NimbusCapacityCalculator, op_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusCapacityCalculator, consistency_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusCapacityCalculator, size_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusCapacityCalculator, rate_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusCapacityCalculator, compare_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_op_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_input_focus_enter_cb);
}

static void
nimbus_capacity_calculator_init (NimbusCapacityCalculator *self)
{
  nimbus_calculator_init_template (NIMBUS_CALCULATOR (self));
  on_op_row_selected_cb (self);
}

GtkWidget *
nimbus_capacity_calculator_new (void)
{
  return g_object_new (NIMBUS_TYPE_CAPACITY_CALCULATOR, NULL);
}
