/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-block-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nimbus-accessible.h"
#include "nimbus-api-bucket.h"
#include "nimbus-block-widgets.h"
#include "nimbus-cache-diagram.h"
#include "nimbus-capacity-calculator.h"
#include "nimbus-ebs-calculator.h"
#include "nimbus-kinesis-calculator.h"
#include "nimbus-lambda-calculator.h"
#include "nimbus-markup.h"
#include "nimbus-sqs-timeline.h"

/* Native widgets for the blocks of a reading page. Knowledge-base text only ever reaches
 * Pango through nimbus_markup_from_text (), which escapes it. */

GtkWidget *
nimbus_text_label_new (const char *text,
                       const char *css_class)
{
  g_autofree char *markup = nimbus_markup_from_text (text);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Selectable with the mouse, but not a stop for Tab, which goes between controls. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
vbox_new (int spacing)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
}

static GtkWidget *
list_new (const NimbusBlock *block)
{
  GtkWidget *box = vbox_new (6);

  for (guint i = 0; block->items[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      g_autofree char *marker = block->ordered ? g_strdup_printf ("%u.", i + 1) : g_strdup ("•");
      GtkWidget *bullet = gtk_label_new (marker);
      GtkWidget *text = nimbus_text_label_new (block->items[i], NULL);

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_add_css_class (bullet, "dim-label");
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), text);
      gtk_widget_set_margin_start (row, 6);
      gtk_box_append (GTK_BOX (box), row);
    }

  return box;
}

/* The longest word, in characters: a cell is never narrower, so words are not broken. */
static int
longest_word (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  int longest = 1;

  for (guint i = 0; words[i] != NULL; i++)
    longest = MAX (longest, (int) g_utf8_strlen (words[i], -1));

  return longest;
}

static void
attach_cell (GtkGrid    *grid,
             const char *text,
             int         column,
             int         row,
             gboolean    header)
{
  GtkWidget *label = nimbus_text_label_new (text, "cell");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_FILL);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (longest_word (text), 24));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (header)
    gtk_widget_add_css_class (label, "header-cell");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* The wheel over a table scrolls the page, as it does over text: the table's own scroller
 * only moves sideways. A wheel click moves as far as GtkScrolledWindow moves for one. */
static gboolean
on_table_scroll_cb (GtkEventControllerScroll *controller,
                    double                    dx,
                    double                    dy,
                    gpointer                  user_data)
{
  GtkWidget *frame = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *page = gtk_widget_get_parent (frame);
  GtkAdjustment *adjustment;
  double step;

  if (dy == 0 || fabs (dx) > fabs (dy) ||
      (page = gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW)) == NULL)
    return GDK_EVENT_PROPAGATE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
         ? pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0) : 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);

  return GDK_EVENT_STOP;
}

/* A table is a stop for Tab only when it scrolls sideways, so that the keyboard can scroll
 * it then. */
static void
on_table_hadjustment_changed_cb (GtkAdjustment *adjustment,
                                 GtkWidget     *scroller)
{
  gtk_widget_set_can_focus (scroller, gtk_adjustment_get_upper (adjustment) >
                                      gtk_adjustment_get_page_size (adjustment) + 1);
}

/* The table's sideways scroller is as tall as the table's rows at the width the table gets
 * (or its narrowest, when it must scroll): GtkScrolledWindow would measure the rows at their
 * narrowest, leaving an empty band under a table wide enough for its text. */
static GtkSizeRequestMode
table_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
table_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  GtkWidget *scroller = gtk_widget_get_first_child (widget);
  GtkWidget *grid = g_object_get_data (G_OBJECT (widget), "nimbus-grid");
  int grid_width, height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (scroller, orientation, -1, minimum, natural, NULL, NULL);
      return;
    }

  gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &grid_width, for_size < 0 ? &for_size
                      : NULL,
                      NULL, NULL);
  gtk_widget_measure (grid, GTK_ORIENTATION_VERTICAL, MAX (for_size, grid_width), &height, NULL,
                      NULL, NULL);
  *minimum = *natural = height;
}

static void
table_allocate (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, -1, NULL);
}

static GtkWidget *
table_new (const NimbusBlock *block)
{
  GtkWidget *box = vbox_new (6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *sized = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *scroll;

  if (block->text != NULL)
    gtk_box_append (GTK_BOX (box), nimbus_text_label_new (block->text, "caption-heading"));

  for (guint col = 0; block->items[col] != NULL; col++)
    attach_cell (GTK_GRID (grid), block->items[col], col, 0, TRUE);
  for (guint row = 0; row < block->rows->len; row++)
    {
      GStrv cells = g_ptr_array_index (block->rows, row);

      for (guint col = 0; cells[col] != NULL; col++)
        attach_cell (GTK_GRID (grid), cells[col], col, row + 1, col == 0);
    }

  /* A wide table scrolls sideways on a narrow window instead of crushing its text. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_set_layout_manager (sized, gtk_custom_layout_new (table_request_mode, table_measure,
                                                               table_allocate));
  g_object_set_data (G_OBJECT (sized), "nimbus-grid", grid);
  gtk_box_append (GTK_BOX (sized), scroller);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_table_scroll_cb), NULL);
  /* On the frame: capturing there comes before the scroller's own controllers. */
  gtk_widget_add_controller (frame, scroll);
  gtk_widget_set_can_focus (scroller, FALSE);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
                           "changed", G_CALLBACK (on_table_hadjustment_changed_cb), scroller, 0);
  gtk_frame_set_child (GTK_FRAME (frame), sized);
  gtk_widget_add_css_class (frame, "kb-table");
  gtk_box_append (GTK_BOX (box), frame);

  return box;
}

static GtkWidget *
tip_new (const NimbusBlock *block)
{
  GtkWidget *box = vbox_new (4);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("starred-symbolic");
  GtkWidget *title = gtk_label_new (_("Exam tip"));

  gtk_widget_add_css_class (title, "tip-heading");
  gtk_widget_add_css_class (icon, "tip-heading");
  gtk_box_append (GTK_BOX (heading), icon);
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), nimbus_text_label_new (block->text, NULL));
  gtk_widget_add_css_class (box, "tip");

  return box;
}

/* A key number: the value on top, large, then what it bounds. Stacked at every width, so
 * that no word of the value or the text is ever broken on a narrow window. */
static GtkWidget *
fact_new (const NimbusBlock *block)
{
  GtkWidget *box = vbox_new (6);
  GtkWidget *text = vbox_new (2);
  g_autofree char *value = g_strdup_printf ("%s%s%s", block->value,
                                            block->unit != NULL ? " " : "",
                                            block->unit != NULL ? block->unit : "");
  GtkWidget *value_label = nimbus_text_label_new (value, "fact-value");

  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD);
  gtk_box_append (GTK_BOX (box), value_label);

  gtk_box_append (GTK_BOX (text), nimbus_text_label_new (block->label, "heading"));
  gtk_box_append (GTK_BOX (text), nimbus_text_label_new (block->limits, "dim-label"));
  if (block->note != NULL)
    gtk_box_append (GTK_BOX (text), nimbus_text_label_new (block->note, "caption"));
  if (block->previous_value != NULL)
    {
      /* Translators: an older figure exams may still use: "Older exams: 256 KB (until August 2025)"
       * */
      g_autofree char *previous = g_strdup_printf (_("Older exams: %s%s%s (until %s)"),
                                                   block->previous_value,
                                                   block->previous_unit != NULL ? " " : "",
                                                   block->previous_unit != NULL
                                                     ? block->previous_unit : "",
                                                   block->previous_until);

      gtk_box_append (GTK_BOX (text), nimbus_text_label_new (previous, "caption"));
    }

  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "fact");

  return box;
}

/* An interactive widget; NULL for one this version does not have. */
static GtkWidget *
widget_new (const NimbusBlock *block)
{
  GtkWidget *widget = NULL;

  if (g_strcmp0 (block->name, "capacity-calculator") == 0)
    widget = nimbus_capacity_calculator_new ();
  else if (g_strcmp0 (block->name, "cache-strategy") == 0)
    widget = nimbus_cache_diagram_new ();
  else if (g_strcmp0 (block->name, "lambda-concurrency") == 0)
    widget = nimbus_lambda_calculator_new ();
  else if (g_strcmp0 (block->name, "kinesis-shards") == 0)
    widget = nimbus_kinesis_calculator_new ();
  else if (g_strcmp0 (block->name, "ebs-iops") == 0)
    widget = nimbus_ebs_calculator_new ();
  else if (g_strcmp0 (block->name, "sqs-visibility") == 0)
    widget = nimbus_sqs_timeline_new ();
  else if (g_strcmp0 (block->name, "api-throttling") == 0)
    widget = nimbus_api_bucket_new ();

  if (widget != NULL)
    nimbus_accessible_name_mnemonic_buttons (widget);

  return widget;
}

/* The widget for one block; NULL for an interactive widget this version cannot show. */
GtkWidget *
nimbus_block_widget_new (const NimbusBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  switch (block->type)
    {
    case NIMBUS_BLOCK_PARAGRAPH:
      return nimbus_text_label_new (block->text, NULL);
    case NIMBUS_BLOCK_LIST:
      return list_new (block);
    case NIMBUS_BLOCK_TABLE:
      return table_new (block);
    case NIMBUS_BLOCK_TIP:
      return tip_new (block);
    case NIMBUS_BLOCK_FACT:
      return fact_new (block);
    case NIMBUS_BLOCK_WIDGET:
      return widget_new (block);
    default:
      g_assert_not_reached ();
    }
}
