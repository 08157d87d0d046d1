/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-step-player"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-step-player.h"

/* The play button is the template's; the widget calls nimbus_step_player_toggled() from
 * its "toggled" handler and nimbus_step_player_clear() from its dispose. */
void
nimbus_step_player_init (NimbusStepPlayer *player,
                         GtkToggleButton  *play_button,
                         guint             interval_ms,
                         NimbusStepFunc    step,
                         gpointer          user_data)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (play_button));
  g_return_if_fail (step != NULL);

  player->play_button = play_button;
  player->step = step;
  player->user_data = user_data;
  player->interval_ms = interval_ms;
  player->source = 0;
}

static gboolean
play_cb (gpointer user_data)
{
  NimbusStepPlayer *player = user_data;

  if (player->step (player->user_data))
    return G_SOURCE_CONTINUE;

  player->source = 0;
  gtk_toggle_button_set_active (player->play_button, FALSE);
  return G_SOURCE_REMOVE;
}

/* Pressed in, the first step at once and the next every interval; out, no more. */
void
nimbus_step_player_toggled (NimbusStepPlayer *player)
{
  if (!gtk_toggle_button_get_active (player->play_button))
    {
      g_clear_handle_id (&player->source, g_source_remove);
      gtk_button_set_label (GTK_BUTTON (player->play_button), _("_Play"));
      return;
    }

  gtk_button_set_label (GTK_BUTTON (player->play_button), _("_Pause"));
  if (player->source == 0 && player->step (player->user_data))
    player->source = g_timeout_add (player->interval_ms, play_cb, player);
  else if (player->source == 0)
    gtk_toggle_button_set_active (player->play_button, FALSE);
}

void
nimbus_step_player_stop (NimbusStepPlayer *player)
{
  g_clear_handle_id (&player->source, g_source_remove);
  if (gtk_toggle_button_get_active (player->play_button))
    gtk_toggle_button_set_active (player->play_button, FALSE);
}

void
nimbus_step_player_clear (NimbusStepPlayer *player)
{
  g_clear_handle_id (&player->source, g_source_remove);
}

/* The text under the drawing: nothing to play without a result, INTRO before the first
 * step, then the step shown (DESCRIPTION, POSITION of N). */
void
nimbus_step_player_show (GtkLabel   *label,
                         gboolean    playable,
                         guint       position,
                         guint       n,
                         const char *intro,
                         const char *description)
{
  g_autofree char *text = NULL;

  if (!playable)
    text = g_strdup (_("Nothing to play until the inputs are right."));
  else if (position == 0)
    text = g_strdup (intro);
  else
    /* Translators: "Step 3 of 8: Burst: 6000 requests at once…" */
    text = g_strdup_printf (_("Step %u of %u: %s"), position, n, description);

  gtk_label_set_text (label, text);
}
