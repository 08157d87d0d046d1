/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void nimbus_accessible_name_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
