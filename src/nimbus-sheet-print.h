/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-cheat-sheet.h"

G_BEGIN_DECLS

GtkPrintOperation *nimbus_sheet_print_new (NimbusCheatSheet *sheet,
                                           double            scale);

G_END_DECLS
