/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_SECTION_HEADING (nimbus_section_heading_get_type ())

G_DECLARE_FINAL_TYPE (NimbusSectionHeading, nimbus_section_heading, NIMBUS, SECTION_HEADING,
                      GtkWidget)

GtkWidget  *nimbus_section_heading_new              (const char           *title);
void        nimbus_section_heading_set_link         (NimbusSectionHeading *self,
                                                     const char           *id,
                                                     const char           *docs_url);
const char *nimbus_section_heading_get_id           (NimbusSectionHeading *self);
GtkPopover *nimbus_section_heading_get_context_menu (NimbusSectionHeading *self);

G_END_DECLS
