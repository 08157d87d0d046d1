/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-entry-page.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_PAGE_CONTENTS (nimbus_page_contents_get_type ())

G_DECLARE_FINAL_TYPE (NimbusPageContents, nimbus_page_contents, NIMBUS, PAGE_CONTENTS, GtkPopover)

void        nimbus_page_contents_set_page      (NimbusPageContents *self,
                                                NimbusEntryPage    *page);
GtkListBox *nimbus_page_contents_get_list      (NimbusPageContents *self);

G_END_DECLS
