/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-service-list"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-service.h"
#include "nimbus-service-list.h"

/* The services of the sidebar under their categories. It shows one exam's services (or
 * all), the services the typed text names while there is some, and a category can be
 * collapsed to its heading: activate it, or Left and Right on it. */
struct _NimbusServiceList
{
  GtkWidget parent_instance;

  GtkListBox *list;

  GListModel *services;
  char *exam;                  /* NULL: every service */
  char *filter;                /* NULL: no text typed */
  GStrv collapsed;             /* category ids */
  GHashTable *shown_categories; /* ids of the categories with a service shown */
};

G_DEFINE_FINAL_TYPE (NimbusServiceList, nimbus_service_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXAM,
  PROP_COLLAPSED,
  N_PROPS
};

enum {
  SERVICE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define CATEGORY_KEY "nimbus-category"   /* on a category's row: its id */
#define SERVICE_KEY "nimbus-service"     /* on a service's row: the NimbusService */
#define ID_KEY "nimbus-id"               /* on a service's row: its id */
#define EXPANDER_KEY "nimbus-expander"   /* on a category's row: its arrow */

/* Replaces *field with a copy of value; TRUE if it changed. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
is_collapsed (NimbusServiceList *self,
              const char        *category_id)
{
  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  return self->collapsed != NULL &&
         g_strv_contains ((const char * const *) self->collapsed, category_id);
}

static gboolean
service_is_shown (NimbusServiceList *self,
                  NimbusService     *service)
{
  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  return (self->exam == NULL || nimbus_service_is_on_exam (service, self->exam)) &&
         (self->filter == NULL || nimbus_service_is_named_by (service, self->filter));
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  NimbusServiceList *self = user_data;
  const char *category_id = g_object_get_data (G_OBJECT (row), CATEGORY_KEY);
  NimbusService *service;

  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  if (category_id != NULL)
    return g_hash_table_contains (self->shown_categories, category_id);

  service = g_object_get_data (G_OBJECT (row), SERVICE_KEY);
  /* While text is typed, every service it names shows, collapsed or not. */
  return service_is_shown (self, service) &&
         (self->filter != NULL || !is_collapsed (self, nimbus_service_get_category_id (service)));
}

static void
update_category_row (NimbusServiceList *self,
                     GtkListBoxRow     *row)
{
  const char *category_id = g_object_get_data (G_OBJECT (row), CATEGORY_KEY);
  gboolean expanded = self->filter != NULL || !is_collapsed (self, category_id);
  GtkImage *expander = g_object_get_data (G_OBJECT (row), EXPANDER_KEY);

  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  gtk_image_set_from_icon_name (expander, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), expanded ? _("Collapse") : _("Expand"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

static void
refresh (NimbusServiceList *self)
{
  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  g_hash_table_remove_all (self->shown_categories);
  for (guint i = 0; self->services != NULL && i < g_list_model_get_n_items (self->services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (self->services, i);

      if (service_is_shown (self, service))
        g_hash_table_add (self->shown_categories,
                          g_strdup (nimbus_service_get_category_id (service)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), CATEGORY_KEY) != NULL)
        update_category_row (self, GTK_LIST_BOX_ROW (child));
    }

  gtk_list_box_invalidate_filter (self->list);
}

static GtkWidget *
create_category_row (const char *category_id,
                     const char *category_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (category_name);
  GtkWidget *expander = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (box, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), expander);
  gtk_widget_add_css_class (row, "category-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  category_name, -1);
  g_object_set_data_full (G_OBJECT (row), CATEGORY_KEY, g_strdup (category_id), g_free);
  g_object_set_data (G_OBJECT (row), EXPANDER_KEY, expander);

  return row;
}

static GtkWidget *
create_service_row (NimbusService *service)
{
  GtkWidget *label = gtk_label_new (nimbus_service_get_name (service));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (row, nimbus_service_get_full_name (service));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), SERVICE_KEY, g_object_ref (service), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), ID_KEY, g_strdup (nimbus_service_get_id (service)),
                          g_free);

  return row;
}

static void
set_category_collapsed (NimbusServiceList *self,
                        const char        *category_id,
                        gboolean           collapsed)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  if (is_collapsed (self, category_id) == collapsed)
    return;

  for (guint i = 0; self->collapsed != NULL && self->collapsed[i] != NULL; i++)
    {
      if (!g_str_equal (self->collapsed[i], category_id))
        g_strv_builder_add (builder, self->collapsed[i]);
    }
  if (collapsed)
    g_strv_builder_add (builder, category_id);

  strv = g_strv_builder_end (builder);
  nimbus_service_list_set_collapsed (self, (const char * const *) strv);
}

static void
on_list_row_activated_cb (NimbusServiceList *self,
                          GtkListBoxRow     *row)
{
  const char *category_id = g_object_get_data (G_OBJECT (row), CATEGORY_KEY);

  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  if (category_id == NULL)
    {
      g_signal_emit (self, signals[SERVICE_ACTIVATED], 0,
                     g_object_get_data (G_OBJECT (row), ID_KEY));
      return;
    }

  /* Typed text shows every service it names; the headings follow it until it is gone. */
  if (self->filter == NULL)
    set_category_collapsed (self, category_id, !is_collapsed (self, category_id));
}

/* Left collapses the category whose heading has the keyboard, Right opens it again. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   NimbusServiceList     *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  const char *category_id;
  gboolean left = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left;
  gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;

  g_assert (NIMBUS_IS_SERVICE_LIST (self));

  if ((!left && !right) || (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      !GTK_IS_LIST_BOX_ROW (focus) || self->filter != NULL ||
      (category_id = g_object_get_data (G_OBJECT (focus), CATEGORY_KEY)) == NULL)
    return GDK_EVENT_PROPAGATE;

  set_category_collapsed (self, category_id, left);
  return GDK_EVENT_STOP;
}

static void
nimbus_service_list_dispose (GObject *object)
{
  NimbusServiceList *self = NIMBUS_SERVICE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_SERVICE_LIST);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (nimbus_service_list_parent_class)->dispose (object);
}

static void
nimbus_service_list_finalize (GObject *object)
{
  NimbusServiceList *self = NIMBUS_SERVICE_LIST (object);

  g_free (self->exam);
  g_free (self->filter);
  g_strfreev (self->collapsed);
  g_hash_table_unref (self->shown_categories);

  G_OBJECT_CLASS (nimbus_service_list_parent_class)->finalize (object);
}

static void
nimbus_service_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NimbusServiceList *self = NIMBUS_SERVICE_LIST (object);

  switch (prop_id)
    {
    case PROP_EXAM:
      g_value_set_string (value, self->exam);
      break;
    case PROP_COLLAPSED:
      g_value_set_boxed (value, self->collapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_service_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NimbusServiceList *self = NIMBUS_SERVICE_LIST (object);

  switch (prop_id)
    {
    case PROP_EXAM:
      nimbus_service_list_set_exam (self, g_value_get_string (value));
      break;
    case PROP_COLLAPSED:
      nimbus_service_list_set_collapsed (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nimbus_service_list_class_init (NimbusServiceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_service_list_dispose;
  object_class->finalize = nimbus_service_list_finalize;
  object_class->get_property = nimbus_service_list_get_property;
  object_class->set_property = nimbus_service_list_set_property;

  /* The exam whose services are shown; NULL for every service. */
  properties[PROP_EXAM] =
    g_param_spec_string ("exam", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The ids of the categories shown as their heading alone. */
  properties[PROP_COLLAPSED] =
    g_param_spec_boxed ("collapsed", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SERVICE_ACTIVATED] =
    g_signal_new ("service-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-service-list.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusServiceList, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nimbus_service_list_init (NimbusServiceList *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  self->shown_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), key);
}

/* services: NimbusService items in sidebar order (each category's together). */
void
nimbus_service_list_set_services (NimbusServiceList *self,
                                  GListModel        *services)
{
  GtkListBoxRow *row;
  const char *last_category = NULL;

  g_return_if_fail (NIMBUS_IS_SERVICE_LIST (self));
  g_return_if_fail (services == NULL || G_IS_LIST_MODEL (services));

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_set_object (&self->services, services);

  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      const char *category_id = nimbus_service_get_category_id (service);

      if (g_strcmp0 (category_id, last_category) != 0)
        gtk_list_box_append (self->list,
                             create_category_row (category_id,
                                                  nimbus_service_get_category_name (service)));
      last_category = category_id;
      gtk_list_box_append (self->list, create_service_row (service));
    }

  refresh (self);
}

/* exam: an exam id, or NULL for every service. */
void
nimbus_service_list_set_exam (NimbusServiceList *self,
                              const char        *exam)
{
  g_return_if_fail (NIMBUS_IS_SERVICE_LIST (self));

  if (exam != NULL && *exam == '\0')
    exam = NULL;
  if (set_string (&self->exam, exam))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXAM]);
    }
}

const char *
nimbus_service_list_get_exam (NimbusServiceList *self)
{
  g_return_val_if_fail (NIMBUS_IS_SERVICE_LIST (self), NULL);

  return self->exam;
}

/* Shows only the services text names (nimbus_service_is_named_by ()); empty shows all. */
void
nimbus_service_list_set_filter (NimbusServiceList *self,
                                const char        *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (NIMBUS_IS_SERVICE_LIST (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (set_string (&self->filter, *stripped != '\0' ? stripped : NULL))
    refresh (self);
}

void
nimbus_service_list_set_collapsed (NimbusServiceList  *self,
                                   const char * const *category_ids)
{
  g_return_if_fail (NIMBUS_IS_SERVICE_LIST (self));

  if (self->collapsed != NULL && category_ids != NULL &&
      g_strv_equal ((const char * const *) self->collapsed, category_ids))
    return;

  g_strfreev (self->collapsed);
  self->collapsed = g_strdupv ((char **) category_ids);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

/* Never NULL. */
const char * const *
nimbus_service_list_get_collapsed (NimbusServiceList *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (NIMBUS_IS_SERVICE_LIST (self), NULL);

  return self->collapsed != NULL ? (const char * const *) self->collapsed : none;
}

/* Selects the service's row, or none for NULL or a service not listed. */
void
nimbus_service_list_select (NimbusServiceList *self,
                            const char        *service_id)
{
  g_return_if_fail (NIMBUS_IS_SERVICE_LIST (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && service_id != NULL &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), ID_KEY), service_id) == 0)
        {
          gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }

  gtk_list_box_unselect_all (self->list);
}

/* What the list shows, top to bottom: "category:ID" for a heading, a service's id. */
GStrv
nimbus_service_list_dup_shown (NimbusServiceList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (NIMBUS_IS_SERVICE_LIST (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *category_id = g_object_get_data (G_OBJECT (child), CATEGORY_KEY);

      if (!GTK_IS_LIST_BOX_ROW (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (category_id != NULL)
        {
          g_autofree char *heading = g_strconcat ("category:", category_id, NULL);

          g_strv_builder_add (builder, heading);
        }
      else
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), ID_KEY));
    }

  return g_strv_builder_end (builder);
}
