/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

const char *nimbus_test_kb_path      (void);
NimbusKb   *nimbus_test_open_kb      (void);
char       *nimbus_test_make_tmpdir  (void);
char       *nimbus_test_store_path   (const char         *dir);
guint       nimbus_test_count_flags  (NimbusUserStore    *store);
int         nimbus_test_run_nimbus   (char              **out,
                                      char              **err,
                                      const char         *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
int         nimbus_test_spawn        (const char * const *argv,
                                      char              **out,
                                      char              **err);

G_END_DECLS
