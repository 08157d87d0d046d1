/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-sheet-print"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nimbus-sheet-print.h"

/* Draws a cheat sheet (nimbus-cheat-sheet.c decides what it says) on printed pages with
 * Pango and cairo: every block laid out as plain text, never markup, in the font of its
 * kind, and cut between lines to fill each page in turn. */

typedef struct
{
  guint block;        /* index in the sheet */
  guint first_line;
  guint n_lines;
  double y;           /* top on its page */
} Piece;

typedef struct
{
  NimbusCheatSheet *sheet;
  GPtrArray *layouts;  /* PangoLayout per block */
  GArray *pieces;      /* Piece */
  GArray *page_starts; /* guint: the first piece of each page */
  double scale;        /* of the text, as the reading text size */
} Job;

static void
job_free (Job *job)
{
  nimbus_cheat_sheet_free (job->sheet);
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->pieces, g_array_unref);
  g_clear_pointer (&job->page_starts, g_array_unref);
  g_free (job);
}

/* Points of font size, and space above, by kind, at scale times the usual size. */
static void
style_of (NimbusSheetKind  kind,
          double           scale,
          double          *size,
          gboolean        *bold,
          double          *space,
          double          *indent)
{
  *bold = FALSE;
  *indent = 0;
  switch (kind)
    {
    case NIMBUS_SHEET_TITLE:
      *size = 20, *bold = TRUE, *space = 0;
      break;
    case NIMBUS_SHEET_HEADING:
      *size = 15, *bold = TRUE, *space = 16;
      break;
    case NIMBUS_SHEET_SUBHEADING:
      *size = 12.5, *bold = TRUE, *space = 12;
      break;
    case NIMBUS_SHEET_BULLET:
      *size = 10, *space = 2, *indent = 14;
      break;
    case NIMBUS_SHEET_TIP:
    case NIMBUS_SHEET_NOTE:
      *size = 10, *space = 6, *indent = 14;
      break;
    case NIMBUS_SHEET_PARAGRAPH:
    default:
      *size = 10, *space = 6;
      break;
    }
  *size *= scale;
  *space *= scale;
  *indent *= scale;
}

/* The text of a block with its label ("Exam tip: ", "Your note: ", a bullet) in bold; the
 * text itself is set as text, so nothing in it is markup. */
static PangoLayout *
layout_block (GtkPrintContext        *context,
              const NimbusSheetBlock *block,
              double                  scale,
              double                  width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *label = NULL;
  g_autofree char *text = NULL;
  double size, space, indent;
  gboolean bold;

  style_of (block->kind, scale, &size, &bold, &space, &indent);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  if (block->kind == NIMBUS_SHEET_TIP)
    label = _("Exam tip: ");
  else if (block->kind == NIMBUS_SHEET_NOTE)
    label = _("Your note: ");
  else if (block->kind == NIMBUS_SHEET_BULLET)
    label = "• ";

  text = g_strconcat (label != NULL ? label : "", block->text, NULL);
  pango_layout_set_text (layout, text, -1);
  if (label != NULL && block->kind != NIMBUS_SHEET_BULLET)
    {
      PangoAttribute *weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      weight->start_index = 0;
      weight->end_index = strlen (label);
      pango_attr_list_insert (attrs, weight);
    }
  if (block->kind == NIMBUS_SHEET_NOTE)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* Lays every block out and cuts them into pages, a heading never last on its page. */
static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Job               *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double y = 0;
  guint zero = 0;

  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->pieces, g_array_unref);
  g_clear_pointer (&job->page_starts, g_array_unref);
  job->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  job->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  job->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (job->page_starts, zero);

  for (guint i = 0; i < job->sheet->blocks->len; i++)
    {
      const NimbusSheetBlock *block = g_ptr_array_index (job->sheet->blocks, i);
      PangoLayout *layout = layout_block (context, block, job->scale, width);
      guint n_lines = pango_layout_get_line_count (layout);
      double size, space, indent, line_height;
      gboolean bold;
      PangoRectangle extents;
      Piece piece = { i, 0, 0, 0 };

      g_ptr_array_add (job->layouts, layout);
      style_of (block->kind, job->scale, &size, &bold, &space, &indent);
      pango_layout_get_extents (layout, NULL, &extents);
      line_height = (double) extents.height / PANGO_SCALE / MAX (n_lines, 1);

      /* A heading goes to the next page with the first lines that follow it. */
      if (block->kind <= NIMBUS_SHEET_SUBHEADING && y > 0 && y + space + 4 * line_height > height)
        y = height;
      if (y > 0)
        y += space;

      for (guint line = 0; line < n_lines; line++)
        {
          if (y + line_height > height && y > 0)
            {
              guint start;

              if (piece.n_lines > 0)
                g_array_append_val (job->pieces, piece);
              start = job->pieces->len;
              g_array_append_val (job->page_starts, start);
              piece.first_line = line;
              piece.n_lines = 0;
              y = 0;
            }
          if (piece.n_lines == 0)
            piece.y = y;
          piece.n_lines++;
          y += line_height;
        }
      if (piece.n_lines > 0)
        g_array_append_val (job->pieces, piece);
    }

  gtk_print_operation_set_n_pages (operation, job->page_starts->len);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first = g_array_index (job->page_starts, guint, page);
  guint end = (guint) page + 1 < job->page_starts->len
              ? g_array_index (job->page_starts, guint, page + 1) : job->pieces->len;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = first; i < end; i++)
    {
      const Piece *piece = &g_array_index (job->pieces, Piece, i);
      const NimbusSheetBlock *block = g_ptr_array_index (job->sheet->blocks, piece->block);
      PangoLayout *layout = g_ptr_array_index (job->layouts, piece->block);
      double size, space, indent, y = piece->y;
      gboolean bold;

      style_of (block->kind, job->scale, &size, &bold, &space, &indent);
      for (guint line = piece->first_line; line < piece->first_line + piece->n_lines; line++)
        {
          PangoLayoutLine *layout_line = pango_layout_get_line_readonly (layout, line);
          PangoRectangle logical;

          pango_layout_line_get_extents (layout_line, NULL, &logical);
          cairo_move_to (cr, indent, y - (double) logical.y / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, layout_line);
          y += (double) logical.height / PANGO_SCALE;
        }

      /* Notes and tips are set off by a rule, as in the window. */
      if (block->kind == NIMBUS_SHEET_NOTE || block->kind == NIMBUS_SHEET_TIP)
        {
          cairo_set_line_width (cr, block->kind == NIMBUS_SHEET_NOTE ? 1 : 2.5);
          cairo_move_to (cr, 4, piece->y);
          cairo_line_to (cr, 4, y);
          cairo_stroke (cr);
        }
    }
}

/* A print operation for sheet, which it takes over, its text at scale times the usual size;
 * run it with the dialog to print or to print to a file, or export it to a PDF. */
GtkPrintOperation *
nimbus_sheet_print_new (NimbusCheatSheet *sheet,
                        double            scale)
{
  GtkPrintOperation *operation;
  Job *job;

  g_return_val_if_fail (sheet != NULL, NULL);

  operation = gtk_print_operation_new ();
  job = g_new0 (Job, 1);
  job->sheet = sheet;
  job->scale = CLAMP (scale, 0.5, 2.0);
  g_object_set_data_full (G_OBJECT (operation), "nimbus-job", job, (GDestroyNotify) job_free);
  gtk_print_operation_set_job_name (operation, sheet->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);

  return operation;
}
