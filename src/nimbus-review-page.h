/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <gtk/gtk.h>

#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

#define NIMBUS_TYPE_REVIEW_PAGE (nimbus_review_page_get_type ())

G_DECLARE_FINAL_TYPE (NimbusReviewPage, nimbus_review_page, NIMBUS, REVIEW_PAGE, GtkWidget)

void     nimbus_review_page_set_sources  (NimbusReviewPage *self,
                                          NimbusKb         *kb,
                                          NimbusUserStore  *store);
gboolean nimbus_review_page_start        (NimbusReviewPage *self);
gboolean nimbus_review_page_is_reviewing (NimbusReviewPage *self);
void     nimbus_review_page_answer       (NimbusReviewPage *self,
                                          gboolean          knew_it);

G_END_DECLS
