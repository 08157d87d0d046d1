/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the stepwise widgets share: a Play toggle button that runs the widget's step every
 * interval until the step says it is at the end, stopped by Step and Reset, and the text
 * that says the step shown. A plain struct kept in the widget's instance, no type. */

/* One step more; FALSE at the end. */
typedef gboolean (*NimbusStepFunc) (gpointer user_data);

typedef struct
{
  GtkToggleButton *play_button;
  NimbusStepFunc   step;
  gpointer         user_data;
  guint            interval_ms;
  guint            source;
} NimbusStepPlayer;

void  nimbus_step_player_init     (NimbusStepPlayer *player,
                                   GtkToggleButton  *play_button,
                                   guint             interval_ms,
                                   NimbusStepFunc    step,
                                   gpointer          user_data);
void  nimbus_step_player_toggled  (NimbusStepPlayer *player);
void  nimbus_step_player_stop     (NimbusStepPlayer *player);
void  nimbus_step_player_clear    (NimbusStepPlayer *player);
void  nimbus_step_player_show     (GtkLabel         *label,
                                   gboolean          playable,
                                   guint             position,
                                   guint             n,
                                   const char       *intro,
                                   const char       *description);

G_END_DECLS
