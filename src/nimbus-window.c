/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-kb.h"
#include "nimbus-service.h"
#include "nimbus-window.h"

struct _NimbusWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkListView *services_view;
  GtkSingleSelection *selection;
  AdwStatusPage *service_page;

  NimbusKb *kb;
};

G_DEFINE_FINAL_TYPE (NimbusWindow, nimbus_window, ADW_TYPE_APPLICATION_WINDOW)

static void
on_selection_selected_item_cb (NimbusWindow *self)
{
  NimbusService *service = gtk_single_selection_get_selected_item (self->selection);

  if (service == NULL)
    return;

  adw_status_page_set_title (self->service_page, nimbus_service_get_full_name (service));
  adw_status_page_set_description (self->service_page, nimbus_service_get_summary (service));
}

static void
nimbus_window_load (NimbusWindow *self,
                    const char   *kb_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;

  self->kb = nimbus_kb_open (kb_path, &error);
  if (self->kb != NULL)
    services = nimbus_kb_list_services (self->kb, &error);

  if (services == NULL)
    {
      /* The description is markup; the message names a path, which is not. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_single_selection_set_model (self->selection, services);
  gtk_stack_set_visible_child_name (self->stack, "browse");
}

static void
nimbus_window_dispose (GObject *object)
{
  NimbusWindow *self = NIMBUS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_WINDOW);
  g_clear_object (&self->kb);

  G_OBJECT_CLASS (nimbus_window_parent_class)->dispose (object);
}

static void
nimbus_window_class_init (NimbusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_window_dispose;

  g_type_ensure (NIMBUS_TYPE_SERVICE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/nimbus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, services_view);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, NimbusWindow, service_page);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selected_item_cb);
}

static void
nimbus_window_init (NimbusWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NimbusWindow *
nimbus_window_new (NimbusApplication *application,
                   const char        *kb_path)
{
  NimbusWindow *self = g_object_new (NIMBUS_TYPE_WINDOW, "application", application, NULL);

  nimbus_window_load (self, kb_path);

  return self;
}
