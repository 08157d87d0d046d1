/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-cli.h"
#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

gboolean nimbus_cli_practice_check_usage (const NimbusCliOptions  *options);
NimbusExam *nimbus_cli_practice_find_exam (NimbusKb              *kb,
                                           const char            *exam_id,
                                           int                   *status);
int      nimbus_cli_practice_run         (NimbusKb                *kb,
                                          const NimbusCliOptions  *options,
                                          guint                    width,
                                          char                   **answer);
int      nimbus_cli_progress_run         (NimbusKb                *kb,
                                          NimbusUserStore         *store,
                                          const NimbusCliOptions  *options,
                                          guint                    width,
                                          char                   **answer);

G_END_DECLS
