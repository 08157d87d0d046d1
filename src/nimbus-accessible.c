/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-accessible"

#include "config.h"

#include "nimbus-accessible.h"

/* GTK 4.8 names a button with a mnemonic after its label as written, underscore and all
 * ("_Step Step" to a screen reader): every such button under root is named by the label it
 * shows instead. */
void
nimbus_accessible_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    nimbus_accessible_name_mnemonic_buttons (child);
}
