/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-entry.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_ENTRY_PAGE (nimbus_entry_page_get_type ())

G_DECLARE_FINAL_TYPE (NimbusEntryPage, nimbus_entry_page, NIMBUS, ENTRY_PAGE, GtkWidget)

GtkWidget         *nimbus_entry_page_new        (void);
void               nimbus_entry_page_set_entry  (NimbusEntryPage *self,
                                                 NimbusEntry     *entry);
const NimbusEntry *nimbus_entry_page_get_entry  (NimbusEntryPage *self);
void               nimbus_entry_page_scroll_to  (NimbusEntryPage *self,
                                                 const char      *id);
void               nimbus_entry_page_scroll_to_top       (NimbusEntryPage *self);
const char        *nimbus_entry_page_get_section_in_view (NimbusEntryPage *self);
void               nimbus_entry_page_move_section        (NimbusEntryPage *self,
                                                          int              step);
gboolean           nimbus_entry_page_toggle_flag_in_view (NimbusEntryPage *self);
void               nimbus_entry_page_find                (NimbusEntryPage *self);
gboolean           nimbus_entry_page_find_step           (NimbusEntryPage *self,
                                                          int              step);
void               nimbus_entry_page_set_store  (NimbusEntryPage *self,
                                                 NimbusUserStore *store);

G_END_DECLS
