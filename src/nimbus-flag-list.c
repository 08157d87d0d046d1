/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-flag-list"

#include "config.h"

#include "nimbus-entry.h"
#include "nimbus-flag-list.h"
#include "nimbus-service.h"

/* The weak areas as a list model of NimbusFlagItem: by service in sidebar order (services
 * the knowledge base has lost last), the latest flagged first within a service. When the
 * store changes, only the items that changed are replaced, so a flag added, removed or
 * reviewed is one items-changed and the rest of a bound view stays as it was. */
struct _NimbusFlagList
{
  GObject parent_instance;

  NimbusKb *kb;
  NimbusUserStore *store;
  gulong changed_id;
  GPtrArray *items;       /* NimbusFlagItem */
  GHashTable *ranks;      /* service id → its place in the sidebar, from 1 */
  GHashTable *titles;     /* item id → title, or NULL when the KB lacks it: looked up once */
};

static void nimbus_flag_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NimbusFlagList, nimbus_flag_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      nimbus_flag_list_model_init))

typedef struct
{
  guint rank;
  guint index;
  NimbusFlag *flag;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a;
  const Placed *pb = b;

  if (pa->rank != pb->rank)
    return pa->rank < pb->rank ? -1 : 1;
  return pa->index < pb->index ? -1 : pa->index > pb->index;
}

/* The store's flags in the order of the list; the array takes them from flags. */
static GPtrArray *
place_flags (NimbusFlagList *self,
             GPtrArray      *flags)
{
  g_autoptr(GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), flags->len);
  g_autoptr(GHashTable) lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_ranked = g_hash_table_size (self->ranks);
  GPtrArray *ordered = g_ptr_array_new_full (flags->len, (GDestroyNotify) nimbus_flag_free);

  g_assert (NIMBUS_IS_FLAG_LIST (self));

  for (guint i = 0; i < flags->len; i++)
    {
      NimbusFlag *flag = g_ptr_array_index (flags, i);
      g_autofree char *service_id = nimbus_id_dup_service_id (flag->id);
      Placed place = { GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, service_id)), i, flag };

      if (place.rank == 0)
        {
          if (!g_hash_table_contains (lost, service_id))
            g_hash_table_insert (lost, g_strdup (service_id),
                                 GUINT_TO_POINTER (n_ranked + 1 + g_hash_table_size (lost)));
          place.rank = GPOINTER_TO_UINT (g_hash_table_lookup (lost, service_id));
        }
      g_array_append_val (placed, place);
    }

  g_array_sort (placed, compare_placed);
  g_ptr_array_set_free_func (flags, NULL);
  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (ordered, g_array_index (placed, Placed, i).flag);

  return ordered;
}

static char *
dup_title (NimbusFlagList *self,
           const char     *id)
{
  gpointer title = NULL;

  g_assert (NIMBUS_IS_FLAG_LIST (self));

  if (!g_hash_table_lookup_extended (self->titles, id, NULL, &title))
    {
      title = self->kb != NULL ? nimbus_kb_lookup_title (self->kb, id) : NULL;
      g_hash_table_insert (self->titles, g_strdup (id), title);
    }

  return g_strdup (title);
}

static gboolean
item_shows (NimbusFlagList *self,
            guint           position,
            GPtrArray      *flags,
            guint           index)
{
  g_assert (NIMBUS_IS_FLAG_LIST (self));

  return nimbus_flag_item_equal_flag (g_ptr_array_index (self->items, position),
                                      g_ptr_array_index (flags, index));
}

/* Replaces the items between the same first and the same last ones. */
static void
sync_with_store (NimbusFlagList *self)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  guint n_old = self->items->len;
  guint first = 0;
  guint last = 0;
  guint added;

  g_assert (NIMBUS_IS_FLAG_LIST (self));

  stored = self->store != NULL ? nimbus_user_store_list (self->store, NULL) : NULL;
  if (stored == NULL)
    stored = g_ptr_array_new ();
  flags = place_flags (self, stored);

  while (first < n_old && first < flags->len && item_shows (self, first, flags, first))
    first++;
  while (last < n_old - first && last < flags->len - first &&
         item_shows (self, n_old - 1 - last, flags, flags->len - 1 - last))
    last++;

  added = flags->len - first - last;
  g_ptr_array_remove_range (self->items, first, n_old - first - last);
  for (guint i = 0; i < added; i++)
    {
      NimbusFlag *flag = g_ptr_array_steal_index (flags, first);

      g_ptr_array_insert (self->items, first + i,
                          nimbus_flag_item_new (flag, dup_title (self, flag->id)));
    }

  if (n_old - first - last > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, n_old - first - last, added);
}

static void
rank_services (NimbusFlagList *self)
{
  g_autoptr(GListModel) services = self->kb != NULL ? nimbus_kb_list_services (self->kb, NULL)
                                                    : NULL;

  g_assert (NIMBUS_IS_FLAG_LIST (self));

  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);

      g_hash_table_insert (self->ranks, g_strdup (nimbus_service_get_id (service)),
                           GUINT_TO_POINTER (i + 1));
    }
}

/* The flags of store, kept up to date; kb gives the titles and the order of services (NULL:
 * items without a title, in the store's order). */
NimbusFlagList *
nimbus_flag_list_new (NimbusKb        *kb,
                      NimbusUserStore *store)
{
  NimbusFlagList *self;

  g_return_val_if_fail (kb == NULL || NIMBUS_IS_KB (kb), NULL);
  g_return_val_if_fail (store == NULL || NIMBUS_IS_USER_STORE (store), NULL);

  self = g_object_new (NIMBUS_TYPE_FLAG_LIST, NULL);
  g_set_object (&self->kb, kb);
  g_set_object (&self->store, store);
  rank_services (self);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (sync_with_store),
                                                 self);
  sync_with_store (self);

  return self;
}

static GType
nimbus_flag_list_get_item_type (GListModel *model)
{
  return NIMBUS_TYPE_FLAG_ITEM;
}

static guint
nimbus_flag_list_get_n_items (GListModel *model)
{
  return NIMBUS_FLAG_LIST (model)->items->len;
}

static gpointer
nimbus_flag_list_get_item (GListModel *model,
                           guint       position)
{
  NimbusFlagList *self = NIMBUS_FLAG_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
nimbus_flag_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nimbus_flag_list_get_item_type;
  iface->get_n_items = nimbus_flag_list_get_n_items;
  iface->get_item = nimbus_flag_list_get_item;
}

static void
nimbus_flag_list_dispose (GObject *object)
{
  NimbusFlagList *self = NIMBUS_FLAG_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->kb);

  G_OBJECT_CLASS (nimbus_flag_list_parent_class)->dispose (object);
}

static void
nimbus_flag_list_finalize (GObject *object)
{
  NimbusFlagList *self = NIMBUS_FLAG_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);

  G_OBJECT_CLASS (nimbus_flag_list_parent_class)->finalize (object);
}

static void
nimbus_flag_list_class_init (NimbusFlagListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nimbus_flag_list_dispose;
  object_class->finalize = nimbus_flag_list_finalize;
}

static void
nimbus_flag_list_init (NimbusFlagList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
