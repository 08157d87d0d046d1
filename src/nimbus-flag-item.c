/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-flag-item"

#include "config.h"

#include <string.h>

#include "nimbus-entry.h"
#include "nimbus-flag-item.h"

/* One weak area of a NimbusFlagList: the flag as the store keeps it, and its title as the
 * knowledge base gave it when the item was made. */
struct _NimbusFlagItem
{
  GObject parent_instance;

  NimbusFlag *flag;
  char *service_id;
  char *title;            /* NULL: no longer in the knowledge base */
};

G_DEFINE_FINAL_TYPE (NimbusFlagItem, nimbus_flag_item, G_TYPE_OBJECT)

/* Takes the flag and the title (NULL when the knowledge base no longer has the item). */
NimbusFlagItem *
nimbus_flag_item_new (NimbusFlag *flag,
                      char       *title)
{
  NimbusFlagItem *self;

  g_return_val_if_fail (flag != NULL, NULL);

  self = g_object_new (NIMBUS_TYPE_FLAG_ITEM, NULL);
  self->flag = flag;
  self->title = title;
  self->service_id = nimbus_id_dup_service_id (flag->id);

  return self;
}

const NimbusFlag *
nimbus_flag_item_get_flag (NimbusFlagItem *self)
{
  g_return_val_if_fail (NIMBUS_IS_FLAG_ITEM (self), NULL);

  return self->flag;
}

const char *
nimbus_flag_item_get_id (NimbusFlagItem *self)
{
  g_return_val_if_fail (NIMBUS_IS_FLAG_ITEM (self), NULL);

  return self->flag->id;
}

const char *
nimbus_flag_item_get_service_id (NimbusFlagItem *self)
{
  g_return_val_if_fail (NIMBUS_IS_FLAG_ITEM (self), NULL);

  return self->service_id;
}

/* The title, or NULL when the knowledge base no longer has the item. */
const char *
nimbus_flag_item_get_title (NimbusFlagItem *self)
{
  g_return_val_if_fail (NIMBUS_IS_FLAG_ITEM (self), NULL);

  return self->title;
}

gboolean
nimbus_flag_item_is_in_kb (NimbusFlagItem *self)
{
  g_return_val_if_fail (NIMBUS_IS_FLAG_ITEM (self), FALSE);

  return self->title != NULL;
}

gboolean
nimbus_flag_item_is_tip (NimbusFlagItem *self)
{
  g_return_val_if_fail (NIMBUS_IS_FLAG_ITEM (self), FALSE);

  return strchr (self->flag->id, '#') != NULL;
}

/* Whether the item shows the flag as it is: same id, box, dates and note. */
gboolean
nimbus_flag_item_equal_flag (NimbusFlagItem   *self,
                             const NimbusFlag *flag)
{
  const NimbusFlag *mine;

  g_return_val_if_fail (NIMBUS_IS_FLAG_ITEM (self), FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);

  mine = self->flag;
  return g_str_equal (mine->id, flag->id) && mine->box == flag->box &&
         mine->reviews == flag->reviews && g_strcmp0 (mine->flagged_at, flag->flagged_at) == 0 &&
         g_strcmp0 (mine->due_at, flag->due_at) == 0 && g_strcmp0 (mine->note, flag->note) == 0;
}

static void
nimbus_flag_item_finalize (GObject *object)
{
  NimbusFlagItem *self = NIMBUS_FLAG_ITEM (object);

  g_clear_pointer (&self->flag, nimbus_flag_free);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (nimbus_flag_item_parent_class)->finalize (object);
}

static void
nimbus_flag_item_class_init (NimbusFlagItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nimbus_flag_item_finalize;
}

static void
nimbus_flag_item_init (NimbusFlagItem *self)
{
}
