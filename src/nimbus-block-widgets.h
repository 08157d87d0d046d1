/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-entry.h"

G_BEGIN_DECLS

GtkWidget *nimbus_block_widget_new  (const NimbusBlock *block);
GtkWidget *nimbus_text_label_new    (const char        *text,
                                     const char        *css_class);

G_END_DECLS
