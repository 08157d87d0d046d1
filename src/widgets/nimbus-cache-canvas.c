/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-cache-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nimbus-cache-canvas-private.h"

/* Client, cache and database, what each holds, and arrows for the step just taken, drawn
 * from the style's colours so dark and high-contrast styles follow. Every outcome is also
 * written in words; colour only repeats it. */
struct _NimbusCacheCanvas
{
  GtkWidget parent_instance;

  NimbusCacheSim sim;
  NimbusCacheStep step;
  gboolean has_step;
  gboolean touched[NIMBUS_CACHE_N_KEYS];
  double progress;            /* of the arrows, 0 to 1 */
  AdwAnimation *animation;    /* of progress, after a step */
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkWidget *swatches[4];     /* hidden children that carry the style's colours */
#endif
};

G_DEFINE_FINAL_TYPE (NimbusCacheCanvas, nimbus_cache_canvas, GTK_TYPE_WIDGET)

#define ANIMATION_MSEC 600
#define BOX_HEIGHT 150.0
#define MAX_ROWS 5
/* The outline of an active box; half of it lies outside the box, so the boxes keep that far
 * from the canvas's edges. */
#define ACTIVE_LINE_WIDTH 2.5
#define EDGE (ACTIVE_LINE_WIDTH / 2)
#define TEXT_PADDING 4.0
/* Text too wide for its place is made smaller down to this, then wrapped or shortened. */
#define MIN_TEXT_SCALE 0.7

typedef struct
{
  double x, y, width, height;
} Box;

/* Application, cache and database side by side across the whole width, the gaps between
 * them wide enough for an arrow and its label. */
static void
layout_boxes (double width,
              Box    boxes[3])
{
  double inner = width - 2 * EDGE;
  double gap = MAX (inner * 0.12, 32);
  double box_width = MAX ((inner - 2 * gap) / 3, 0);

  for (guint i = 0; i < 3; i++)
    boxes[i] = (Box) { EDGE + i * (box_width + gap), 8, box_width, BOX_HEIGHT };
}

/* The style's colours for accents, successes, warnings and errors. */
enum { SWATCH_ACCENT, SWATCH_SUCCESS, SWATCH_WARNING, SWATCH_ERROR, N_SWATCHES };

#if GTK_CHECK_VERSION (4, 10, 0)
/* GTK 4.10 deprecates looking colours up by name: each is the colour of a hidden child
 * styled with libadwaita's class of that name. */
static const char * const swatch_classes[N_SWATCHES] = { "accent", "success", "warning", "error" };

static GdkRGBA
swatch_color (NimbusCacheCanvas *self,
              guint              swatch)
{
  GdkRGBA color;

  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  gtk_widget_get_color (self->swatches[swatch], &color);
  return color;
}

static GdkRGBA
foreground (GtkWidget *widget)
{
  GdkRGBA color;

  gtk_widget_get_color (widget, &color);
  return color;
}
#else
static GdkRGBA
swatch_color (NimbusCacheCanvas *self,
              guint              swatch)
{
  static const char * const names[N_SWATCHES] = { "accent_color", "success_color",
                                                  "warning_color", "error_color" };
  static const char * const fallbacks[N_SWATCHES] = { "#3584e4", "#26a269", "#c64600", "#c01c28" };
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA color;

  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  if (!gtk_style_context_lookup_color (context, names[swatch], &color))
    gdk_rgba_parse (&color, fallbacks[swatch]);

  return color;
}

static GdkRGBA
foreground (GtkWidget *widget)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  return color;
}
#endif

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_rect (cairo_t   *cr,
              const Box *box,
              double     radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, box->x + box->width - radius, box->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, box->x + box->width - radius, box->y + box->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, box->x + radius, box->y + box->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, box->x + radius, box->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Text centred in width from (x, y), on at most max_lines lines; returns the height it takes.
 * Text too wide is wrapped at words when it may be, and what is still too wide made smaller,
 * so that narrow canvases show it whole. */
static double
draw_text (NimbusCacheCanvas *self,
           cairo_t           *cr,
           const char        *text,
           double             x,
           double             y,
           double             width,
           int                max_lines,
           gboolean           bold,
           const GdkRGBA     *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  int text_width, text_height;
  double scale;

  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  if (bold)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>", escaped);

      pango_layout_set_markup (layout, markup, -1);
    }
  else
    pango_layout_set_text (layout, text, -1);

  /* At words only, a line is as wide as its longest word needs. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, max_lines > 1 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  scale = text_width > width && width > 0 ? MAX (width / text_width, MIN_TEXT_SCALE) : 1.0;
  pango_layout_set_width (layout, (int) (width / scale * PANGO_SCALE));
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  set_source (cr, color, 1);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);

  return text_height * scale;
}

/* Draws the box with its title; returns where the title ends. */
static double
draw_box (NimbusCacheCanvas *self,
          cairo_t           *cr,
          const Box         *box,
          const char        *title,
          const GdkRGBA     *fg,
          const GdkRGBA     *accent,
          gboolean           active)
{
  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  rounded_rect (cr, box, 10);
  set_source (cr, fg, 0.05);
  cairo_fill_preserve (cr);
  set_source (cr, active ? accent : fg, active ? 1 : 0.3);
  cairo_set_line_width (cr, active ? ACTIVE_LINE_WIDTH : 1);
  cairo_stroke (cr);

  return box->y + 8 + draw_text (self, cr, title, box->x + TEXT_PADDING, box->y + 8,
                                 box->width - 2 * TEXT_PADDING, 2, TRUE, fg);
}

/* The entries a box lists from top down, one per touched key: "A  v2", with what is wrong
 * in words. */
static void
draw_entries (NimbusCacheCanvas *self,
              cairo_t           *cr,
              const Box         *box,
              double             top,
              gboolean           cache,
              const GdkRGBA     *fg,
              const GdkRGBA     *warning)
{
  guint row = 0;

  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  for (guint i = 0; i < NIMBUS_CACHE_N_KEYS && row < MAX_ROWS; i++)
    {
      g_autofree char *line = NULL;
      gboolean stale;

      if (!self->touched[i])
        continue;

      stale = cache && self->sim.cache[i] != 0 && self->sim.cache[i] != self->sim.db[i];
      if (cache && self->sim.cache[i] == 0)
        line = g_strdup_printf (_("%c  (empty)"), 'A' + i);
      else if (stale)
        line = g_strdup_printf (_("%c  v%d, stale"), 'A' + i, self->sim.cache[i]);
      else
        line = g_strdup_printf ("%c  v%d", 'A' + i, cache ? self->sim.cache[i] : self->sim.db[i]);

      draw_text (self, cr, line, box->x + TEXT_PADDING, top + row * 20,
                 box->width - 2 * TEXT_PADDING, 1, FALSE, stale ? warning : fg);
      row++;
    }
}

static void
draw_arrow (NimbusCacheCanvas *self,
            cairo_t           *cr,
            double             x1,
            double             x2,
            double             y,
            const char        *label,
            const GdkRGBA     *color)
{
  double x = x1 + (x2 - x1) * self->progress;
  double dir = x2 > x1 ? 1 : -1;

  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  set_source (cr, color, 1);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x, y);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - dir * 8, y - 5);
  cairo_line_to (cr, x - dir * 8, y + 5);
  cairo_close_path (cr);
  cairo_fill (cr);

  if (label != NULL)
    draw_text (self, cr, label, MIN (x1, x2), y - 20, fabs (x2 - x1), 1, FALSE, color);
}

static void
draw_step (NimbusCacheCanvas *self,
           cairo_t           *cr,
           const Box         *client,
           const Box         *cache,
           const Box         *db,
           const GdkRGBA     *fg,
           const GdkRGBA     *accent,
           const GdkRGBA     *success,
           const GdkRGBA     *warning,
           const GdkRGBA     *error)
{
  const NimbusCacheStep *step = &self->step;
  double to_cache = cache->x, from_client = client->x + client->width;
  double y = client->y + 44;
  g_autofree char *v_cache = g_strdup_printf ("v%d", step->cache_version);
  g_autofree char *v_db = g_strdup_printf ("v%d", step->db_version);

  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  switch (step->outcome)
    {
    case NIMBUS_CACHE_HIT:
      draw_arrow (self, cr, from_client, to_cache, y, _("read"), fg);
      draw_arrow (self, cr, to_cache, from_client, y + 40, v_cache, success);
      break;
    case NIMBUS_CACHE_STALE_HIT:
      draw_arrow (self, cr, from_client, to_cache, y, _("read"), fg);
      draw_arrow (self, cr, to_cache, from_client, y + 40, v_cache, warning);
      break;
    case NIMBUS_CACHE_MISS_FILL:
    case NIMBUS_CACHE_MISS:
      draw_arrow (self, cr, from_client, to_cache, y, _("miss"), error);
      /* The database is read past the cache. */
      draw_arrow (self, cr, from_client, db->x, client->y + client->height + 18, v_db, fg);
      if (step->outcome == NIMBUS_CACHE_MISS_FILL)
        draw_arrow (self, cr, from_client, to_cache, y + 40, _("fill"), accent);
      break;
    case NIMBUS_CACHE_WRITE_DB:
    case NIMBUS_CACHE_WRITE_BOTH:
      draw_arrow (self, cr, from_client, db->x, client->y + client->height + 18, v_db, accent);
      if (step->outcome == NIMBUS_CACHE_WRITE_BOTH)
        draw_arrow (self, cr, from_client, to_cache, y + 40, v_db, accent);
      break;
    case NIMBUS_CACHE_TIME_PASSED:
    case NIMBUS_CACHE_RESTARTED:
    default:
      break;
    }
}

static void
nimbus_cache_canvas_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  NimbusCacheCanvas *self = NIMBUS_CACHE_CANVAS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg = foreground (widget);
  GdkRGBA accent = swatch_color (self, SWATCH_ACCENT);
  GdkRGBA success = swatch_color (self, SWATCH_SUCCESS);
  GdkRGBA warning = swatch_color (self, SWATCH_WARNING);
  GdkRGBA error = swatch_color (self, SWATCH_ERROR);
  Box boxes[3];
  const Box *client = &boxes[NIMBUS_CACHE_CANVAS_APPLICATION];
  const Box *cache = &boxes[NIMBUS_CACHE_CANVAS_CACHE];
  const Box *db = &boxes[NIMBUS_CACHE_CANVAS_DATABASE];
  double entries_top;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gboolean cache_active = self->has_step && self->step.outcome != NIMBUS_CACHE_WRITE_DB &&
                          self->step.outcome != NIMBUS_CACHE_TIME_PASSED;
  gboolean db_active = self->has_step &&
                       (self->step.outcome == NIMBUS_CACHE_MISS ||
                        self->step.outcome == NIMBUS_CACHE_MISS_FILL ||
                        self->step.outcome == NIMBUS_CACHE_WRITE_DB ||
                        self->step.outcome == NIMBUS_CACHE_WRITE_BOTH);

  layout_boxes (width, boxes);
  /* A title wrapped onto two lines pushes both lists down alike. */
  entries_top = draw_box (self, cr, client, _("Application"), &fg, &accent, self->has_step);
  entries_top = MAX (entries_top,
                     draw_box (self, cr, cache,
                               self->step.outcome == NIMBUS_CACHE_RESTARTED && self->has_step
                               ? _("Cache (restarted)") : _("Cache"),
                               &fg, &accent, cache_active));
  entries_top = MAX (entries_top, draw_box (self, cr, db, _("Database"), &fg, &accent, db_active));
  entries_top = MAX (entries_top + 6, client->y + 36);
  draw_entries (self, cr, cache, entries_top, TRUE, &fg, &warning);
  draw_entries (self, cr, db, entries_top, FALSE, &fg, &warning);

  if (self->has_step)
    {
      g_autofree char *clock = g_strdup_printf (_("%u s"), self->sim.now);
      g_autofree char *ttl = self->sim.ttl > 0 ? g_strdup_printf (_("TTL %u s"), self->sim.ttl)
                                               : g_strdup (_("No TTL"));
      g_autofree char *status = g_strdup_printf ("%s · %s · %s",
                                                 nimbus_cache_outcome_label (self->step.outcome),
                                                 clock, ttl);

      draw_step (self, cr, client, cache, db, &fg, &accent, &success, &warning, &error);
      draw_text (self, cr, status, EDGE, BOX_HEIGHT + 50, width - 2 * EDGE, 1, TRUE, &fg);
    }

  cairo_destroy (cr);
}

static void
nimbus_cache_canvas_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 600;
    }
  else
    *minimum = *natural = (int) BOX_HEIGHT + 80;
}

static void
set_progress (double   value,
              gpointer user_data)
{
  NimbusCacheCanvas *self = user_data;

  g_assert (NIMBUS_IS_CACHE_CANVAS (self));

  self->progress = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the state after a step (NULL step: the start), animating its arrows. */
void
nimbus_cache_canvas_show (NimbusCacheCanvas     *self,
                          const NimbusCacheSim  *sim,
                          const NimbusCacheStep *step)
{
  g_return_if_fail (NIMBUS_IS_CACHE_CANVAS (self));
  g_return_if_fail (sim != NULL);

  self->sim = *sim;
  self->has_step = step != NULL;
  if (step != NULL)
    {
      self->step = *step;
      if (step->event.key >= 'A' && step->event.key <= 'Z')
        self->touched[step->event.key - 'A'] = TRUE;
    }
  else
    memset (self->touched, 0, sizeof self->touched);

  /* libadwaita skips to the end where animations are turned off. */
  adw_animation_reset (self->animation);
  if (step != NULL)
    adw_animation_play (self->animation);
  else
    set_progress (1, self);
}

/* Where a box is drawn at the canvas's width, its outline included: for tests. */
void
nimbus_cache_canvas_get_box_bounds (NimbusCacheCanvas    *self,
                                    NimbusCacheCanvasBox  box,
                                    graphene_rect_t      *bounds)
{
  Box boxes[3];

  g_return_if_fail (NIMBUS_IS_CACHE_CANVAS (self));
  g_return_if_fail (box <= NIMBUS_CACHE_CANVAS_DATABASE);
  g_return_if_fail (bounds != NULL);

  layout_boxes (gtk_widget_get_width (GTK_WIDGET (self)), boxes);
  graphene_rect_init (bounds, boxes[box].x - ACTIVE_LINE_WIDTH / 2,
                      boxes[box].y - ACTIVE_LINE_WIDTH / 2,
                      boxes[box].width + ACTIVE_LINE_WIDTH, boxes[box].height + ACTIVE_LINE_WIDTH);
}

static void
nimbus_cache_canvas_dispose (GObject *object)
{
  NimbusCacheCanvas *self = NIMBUS_CACHE_CANVAS (object);

  g_clear_object (&self->animation);
#if GTK_CHECK_VERSION (4, 10, 0)
  for (guint i = 0; i < N_SWATCHES; i++)
    g_clear_pointer (&self->swatches[i], gtk_widget_unparent);
#endif

  G_OBJECT_CLASS (nimbus_cache_canvas_parent_class)->dispose (object);
}

static void
nimbus_cache_canvas_class_init (NimbusCacheCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_cache_canvas_dispose;
  widget_class->snapshot = nimbus_cache_canvas_snapshot;
  widget_class->measure = nimbus_cache_canvas_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nimbus_cache_canvas_init (NimbusCacheCanvas *self)
{
  nimbus_cache_sim_init (&self->sim, NIMBUS_CACHE_LAZY_LOADING, 0);
  self->progress = 1;
  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, ANIMATION_MSEC,
                                             adw_callback_animation_target_new (set_progress,
                                                                                self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
#if GTK_CHECK_VERSION (4, 10, 0)
  for (guint i = 0; i < N_SWATCHES; i++)
    {
      self->swatches[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->swatches[i], swatch_classes[i]);
      gtk_widget_set_visible (self->swatches[i], FALSE);
      gtk_widget_set_parent (self->swatches[i], GTK_WIDGET (self));
    }
#endif
}

GtkWidget *
nimbus_cache_canvas_new (void)
{
  return g_object_new (NIMBUS_TYPE_CACHE_CANVAS, NULL);
}
