/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_HOME_PAGE (nimbus_home_page_get_type ())

G_DECLARE_FINAL_TYPE (NimbusHomePage, nimbus_home_page, NIMBUS, HOME_PAGE, GtkWidget)

void  nimbus_home_page_set_sources   (NimbusHomePage  *self,
                                      NimbusKb        *kb,
                                      NimbusUserStore *store);
void  nimbus_home_page_set_exam      (NimbusHomePage  *self,
                                      const char      *exam);
void  nimbus_home_page_set_last_page (NimbusHomePage  *self,
                                      const char      *id);
void  nimbus_home_page_refresh       (NimbusHomePage  *self);
guint nimbus_home_page_get_n_due     (NimbusHomePage  *self);

G_END_DECLS
