/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-preferences-page.h"

/* Style and reading text size, each bound straight to its GSettings key; the application
 * applies them. The page goes into whichever preferences container libadwaita offers
 * (NimbusPreferencesWindow). */
struct _NimbusPreferencesPage
{
  AdwPreferencesPage parent_instance;

  AdwComboRow *style_row;
  GtkAdjustment *text_size_adjustment;
};

G_DEFINE_FINAL_TYPE (NimbusPreferencesPage, nimbus_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static const char * const style_values[] = { "default", "light", "dark" };

static gboolean
style_to_row (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_values); i++)
    {
      if (g_str_equal (style, style_values[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
row_to_style (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return selected < G_N_ELEMENTS (style_values) ? g_variant_new_string (style_values[selected])
                                                : NULL;
}

static gboolean
scale_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_scale (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static void
nimbus_preferences_page_class_init (NimbusPreferencesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusPreferencesPage, style_row);
  gtk_widget_class_bind_template_child (widget_class, NimbusPreferencesPage, text_size_adjustment);
}

static void
nimbus_preferences_page_init (NimbusPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* settings: the application's */
GtkWidget *
nimbus_preferences_page_new (GSettings *settings)
{
  NimbusPreferencesPage *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (NIMBUS_TYPE_PREFERENCES_PAGE, NULL);
  g_settings_bind_with_mapping (settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_to_row, row_to_style, NULL, NULL);
  g_settings_bind_with_mapping (settings, "text-scale", self->text_size_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, scale_to_percent, percent_to_scale,
                                NULL, NULL);

  return GTK_WIDGET (self);
}
