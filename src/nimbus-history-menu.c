/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-history-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "nimbus-history-menu.h"

/* "Recently Viewed" in the main menu: the pages of the user store's history, the latest
 * first, each opening its page (win.show-page), then Clear History (win.clear-history). It
 * follows the store as pages are viewed. */
struct _NimbusHistoryMenu
{
  GObject parent_instance;

  NimbusKb *kb;
  NimbusUserStore *store;
  GMenu *menu;
  GMenu *pages;
};

G_DEFINE_FINAL_TYPE (NimbusHistoryMenu, nimbus_history_menu, G_TYPE_OBJECT)

/* Shown at most: the store keeps more, a menu this long is enough. */
#define MENU_PAGES_MAX 15

static void
rebuild (NimbusHistoryMenu *self)
{
  g_autoptr(GPtrArray) visits = nimbus_user_store_list_history (self->store, NULL);
  guint shown = 0;

  g_assert (NIMBUS_IS_HISTORY_MENU (self));

  g_menu_remove_all (self->pages);
  for (guint i = 0; visits != NULL && i < visits->len && shown < MENU_PAGES_MAX; i++)
    {
      NimbusVisit *visit = g_ptr_array_index (visits, i);
      g_autofree char *title = nimbus_kb_lookup_title (self->kb, visit->id);
      g_autoptr(GMenuItem) item = NULL;

      /* A page the knowledge base no longer has is left out. */
      if (title == NULL)
        continue;
      item = g_menu_item_new (title, NULL);
      g_menu_item_set_action_and_target_value (item, "win.show-page",
                                               g_variant_new_string (visit->id));
      g_menu_append_item (self->pages, item);
      shown++;
    }

  if (shown == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Pages Viewed Yet"), "win.nothing");

      g_menu_append_item (self->pages, item);
    }
}

static void
nimbus_history_menu_dispose (GObject *object)
{
  NimbusHistoryMenu *self = NIMBUS_HISTORY_MENU (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->kb);
  g_clear_object (&self->pages);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (nimbus_history_menu_parent_class)->dispose (object);
}

static void
nimbus_history_menu_class_init (NimbusHistoryMenuClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nimbus_history_menu_dispose;
}

static void
nimbus_history_menu_init (NimbusHistoryMenu *self)
{
  g_autoptr(GMenu) clear = g_menu_new ();

  self->menu = g_menu_new ();
  self->pages = g_menu_new ();
  g_menu_append (clear, _("_Clear History"), "win.clear-history");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->pages));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (clear));
}

NimbusHistoryMenu *
nimbus_history_menu_new (NimbusKb        *kb,
                         NimbusUserStore *store)
{
  NimbusHistoryMenu *self;

  g_return_val_if_fail (NIMBUS_IS_KB (kb), NULL);
  g_return_val_if_fail (NIMBUS_IS_USER_STORE (store), NULL);

  self = g_object_new (NIMBUS_TYPE_HISTORY_MENU, NULL);
  self->kb = g_object_ref (kb);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "history-changed", G_CALLBACK (rebuild), self);
  rebuild (self);

  return self;
}

GMenuModel *
nimbus_history_menu_get_model (NimbusHistoryMenu *self)
{
  g_return_val_if_fail (NIMBUS_IS_HISTORY_MENU (self), NULL);

  return G_MENU_MODEL (self->menu);
}
