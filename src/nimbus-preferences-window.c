/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-preferences-window"

#include "config.h"

#include "nimbus-preferences-page.h"
#include "nimbus-preferences-window.h"

/* The preferences page in an AdwPreferencesDialog from libadwaita 1.5, which deprecates
 * AdwPreferencesWindow, else in an AdwPreferencesWindow. */
struct _NimbusPreferencesWindow
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwPreferencesDialog parent_instance;
#else
  AdwPreferencesWindow parent_instance;
#endif

  GtkWidget *page;
};

#if ADW_CHECK_VERSION (1, 5, 0)
G_DEFINE_FINAL_TYPE (NimbusPreferencesWindow, nimbus_preferences_window,
                     ADW_TYPE_PREFERENCES_DIALOG)
#else
G_DEFINE_FINAL_TYPE (NimbusPreferencesWindow, nimbus_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)
#endif

static void
nimbus_preferences_window_class_init (NimbusPreferencesWindowClass *klass)
{
}

static void
nimbus_preferences_window_init (NimbusPreferencesWindow *self)
{
}

/* settings: the application's, or NULL for preferences bound to nothing. */
GtkWidget *
nimbus_preferences_window_new (GSettings *settings)
{
  NimbusPreferencesWindow *self = g_object_new (NIMBUS_TYPE_PREFERENCES_WINDOW,
                                                "search-enabled", FALSE,
                                                NULL);

  self->page = nimbus_preferences_page_new (settings);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), ADW_PREFERENCES_PAGE (self->page));
  adw_dialog_set_content_width (ADW_DIALOG (self), 480);
  adw_dialog_set_content_height (ADW_DIALOG (self), 320);
#else
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->page));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 320);
#endif

  return GTK_WIDGET (self);
}

/* The page of settings shown. */
GtkWidget *
nimbus_preferences_window_get_page (NimbusPreferencesWindow *self)
{
  g_return_val_if_fail (NIMBUS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->page;
}

/* Shows the preferences over parent, or in a window of their own when parent is NULL. */
void
nimbus_preferences_window_present (NimbusPreferencesWindow *self,
                                   GtkWindow               *parent)
{
  g_return_if_fail (NIMBUS_IS_PREFERENCES_WINDOW (self));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (parent));
#else
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_modal (GTK_WINDOW (self), parent != NULL);
  gtk_window_present (GTK_WINDOW (self));
#endif
}
