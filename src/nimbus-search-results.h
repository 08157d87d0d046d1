/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NIMBUS_TYPE_SEARCH_RESULTS (nimbus_search_results_get_type ())

G_DECLARE_FINAL_TYPE (NimbusSearchResults, nimbus_search_results, NIMBUS, SEARCH_RESULTS, GtkWidget)

GtkWidget *nimbus_search_results_new             (void);
void       nimbus_search_results_set_hits        (NimbusSearchResults *self,
                                                  GListModel          *hits);
void       nimbus_search_results_set_searching   (NimbusSearchResults *self,
                                                  gboolean             searching);
gboolean   nimbus_search_results_is_searching    (NimbusSearchResults *self);
void       nimbus_search_results_set_corrected   (NimbusSearchResults *self,
                                                  const char          *corrected);
guint      nimbus_search_results_get_n_hits      (NimbusSearchResults *self);
gboolean   nimbus_search_results_activate_first  (NimbusSearchResults *self);
gboolean   nimbus_search_results_focus_first     (NimbusSearchResults *self);

G_END_DECLS
