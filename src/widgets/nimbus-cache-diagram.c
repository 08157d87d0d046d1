/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-cache-diagram"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nimbus-cache-canvas.h"
#include "nimbus-cache-diagram.h"
#include "nimbus-step-player.h"

/* The cache-strategy diagram of the ElastiCache and DAX pages: a strategy, a TTL and a
 * preset scenario, stepped through by hand or played, each step drawn and told in words
 * with the running counts. The behaviour is the core simulation's. */
struct _NimbusCacheDiagram
{
  GtkWidget parent_instance;

  AdwComboRow *strategy_row;
  AdwComboRow *scenario_row;
  GtkSpinButton *ttl_spin;
  NimbusCacheCanvas *canvas;
  GtkLabel *description_label;
  GtkLabel *counts_label;
  GtkToggleButton *play_button;

  NimbusCacheSim sim;
  NimbusCacheStep step;
  guint position;
  NimbusStepPlayer player;
};

G_DEFINE_FINAL_TYPE (NimbusCacheDiagram, nimbus_cache_diagram, GTK_TYPE_WIDGET)

#define PLAY_INTERVAL_MS 1400

static const NimbusCacheEvent *
events (NimbusCacheDiagram *self,
        guint              *n)
{
  g_assert (NIMBUS_IS_CACHE_DIAGRAM (self));

  return nimbus_cache_scenario_events (adw_combo_row_get_selected (self->scenario_row), n);
}

static void
update_labels (NimbusCacheDiagram *self,
               const char         *description)
{
  const NimbusCacheCounts *c = &self->sim.counts;
  g_autofree char *counts = NULL;
  guint n;

  g_assert (NIMBUS_IS_CACHE_DIAGRAM (self));

  events (self, &n);
  /* Translators: the running counts under the cache diagram */
  counts = g_strdup_printf (_("Step %u of %u · hits %u · misses %u · stale reads %u · "
                              "database reads %u · cache writes never read %u"),
                            self->position, n, c->hits, c->misses, c->stale_reads, c->db_reads,
                            c->cache_writes_never_read);
  gtk_label_set_text (self->description_label, description);
  gtk_label_set_text (self->counts_label, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

void
nimbus_cache_diagram_reset (NimbusCacheDiagram *self)
{
  g_return_if_fail (NIMBUS_IS_CACHE_DIAGRAM (self));

  nimbus_step_player_stop (&self->player);
  nimbus_cache_sim_init (&self->sim, adw_combo_row_get_selected (self->strategy_row),
                         (guint) gtk_spin_button_get_value_as_int (self->ttl_spin));
  self->position = 0;
  nimbus_cache_canvas_show (self->canvas, &self->sim, NULL);
  update_labels (self,
                 _("Press Step to send the first request, or Play to watch the whole scenario."));
}

/* Runs the next event of the scenario; FALSE at the end. */
gboolean
nimbus_cache_diagram_step (NimbusCacheDiagram *self)
{
  const NimbusCacheEvent *list;
  g_autofree char *description = NULL;
  guint n;

  g_return_val_if_fail (NIMBUS_IS_CACHE_DIAGRAM (self), FALSE);

  list = events (self, &n);
  if (self->position >= n
      || !nimbus_cache_sim_step (&self->sim, &list[self->position], &self->step))
    {
      update_labels (self,
                     _("End of the scenario. Reset to run it again, or change the strategy."));
      return FALSE;
    }

  self->position++;
  nimbus_cache_canvas_show (self->canvas, &self->sim, &self->step);
  description = nimbus_cache_step_describe (&self->step);
  update_labels (self, description);

  return TRUE;
}

void
nimbus_cache_diagram_configure (NimbusCacheDiagram  *self,
                                NimbusCacheStrategy  strategy,
                                guint                ttl,
                                NimbusCacheScenario  scenario)
{
  g_return_if_fail (NIMBUS_IS_CACHE_DIAGRAM (self));

  adw_combo_row_set_selected (self->strategy_row, strategy);
  adw_combo_row_set_selected (self->scenario_row, scenario);
  gtk_spin_button_set_value (self->ttl_spin, ttl);
  nimbus_cache_diagram_reset (self);
}

const char *
nimbus_cache_diagram_get_description (NimbusCacheDiagram *self)
{
  g_return_val_if_fail (NIMBUS_IS_CACHE_DIAGRAM (self), NULL);

  return gtk_label_get_text (self->description_label);
}

const NimbusCacheCounts *
nimbus_cache_diagram_get_counts (NimbusCacheDiagram *self)
{
  g_return_val_if_fail (NIMBUS_IS_CACHE_DIAGRAM (self), NULL);

  return &self->sim.counts;
}

static void
on_setting_changed_cb (NimbusCacheDiagram *self)
{
  g_assert (NIMBUS_IS_CACHE_DIAGRAM (self));

  nimbus_cache_diagram_reset (self);
}

static gboolean
play_step (gpointer user_data)
{
  return nimbus_cache_diagram_step (user_data);
}

static void
on_play_button_toggled_cb (NimbusCacheDiagram *self)
{
  g_assert (NIMBUS_IS_CACHE_DIAGRAM (self));

  nimbus_step_player_toggled (&self->player);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nimbus_step_player_stop (&NIMBUS_CACHE_DIAGRAM (widget)->player);
  nimbus_cache_diagram_step (NIMBUS_CACHE_DIAGRAM (widget));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nimbus_cache_diagram_reset (NIMBUS_CACHE_DIAGRAM (widget));
}

static void
nimbus_cache_diagram_dispose (GObject *object)
{
  NimbusCacheDiagram *self = NIMBUS_CACHE_DIAGRAM (object);
  GtkWidget *child;

  nimbus_step_player_clear (&self->player);
  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_CACHE_DIAGRAM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nimbus_cache_diagram_parent_class)->dispose (object);
}

static void
nimbus_cache_diagram_class_init (NimbusCacheDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_cache_diagram_dispose;

  g_type_ensure (NIMBUS_TYPE_CACHE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/widgets/"
                                               "nimbus-cache-diagram.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusCacheDiagram, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusCacheDiagram, scenario_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusCacheDiagram, ttl_spin);
  gtk_widget_class_bind_template_child (widget_class, NimbusCacheDiagram, canvas);
  gtk_widget_class_bind_template_child (widget_class, NimbusCacheDiagram, description_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusCacheDiagram, counts_label);
  gtk_widget_class_bind_template_child (widget_class, NimbusCacheDiagram, play_button);
  gtk_widget_class_bind_template_callback (widget_class, on_setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_play_button_toggled_cb);
  gtk_widget_class_install_action (widget_class, "cache.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "cache.reset", NULL, reset_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nimbus_cache_diagram_init (NimbusCacheDiagram *self)
{
  g_autoptr(GtkStringList) scenarios = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  nimbus_step_player_init (&self->player, self->play_button, PLAY_INTERVAL_MS, play_step, self);

  for (guint i = 0; i < NIMBUS_CACHE_N_SCENARIOS; i++)
    gtk_string_list_append (scenarios, nimbus_cache_scenario_name (i));
  g_signal_handlers_block_by_func (self->scenario_row, on_setting_changed_cb, self);
  adw_combo_row_set_model (self->scenario_row, G_LIST_MODEL (scenarios));
  adw_combo_row_set_selected (self->scenario_row, NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ);
  g_signal_handlers_unblock_by_func (self->scenario_row, on_setting_changed_cb, self);

  nimbus_cache_diagram_reset (self);
}

GtkWidget *
nimbus_cache_diagram_new (void)
{
  return g_object_new (NIMBUS_TYPE_CACHE_DIAGRAM, NULL);
}
