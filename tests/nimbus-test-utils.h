/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-kb.h"
#include "nimbus-user-store.h"

G_BEGIN_DECLS

/* TRUE once what a test waits for has happened. */
typedef gboolean (*NimbusTestCondition) (gpointer user_data);

const char *nimbus_test_kb_path       (void);
NimbusKb   *nimbus_test_open_kb       (void);
char       *nimbus_test_make_tmpdir   (void);
char       *nimbus_test_store_path    (const char          *dir);
guint       nimbus_test_count_flags   (NimbusUserStore     *store);
int         nimbus_test_run_nimbus    (char               **out,
                                       char               **err,
                                       const char          *first_arg,
                                       ...) G_GNUC_NULL_TERMINATED;
int         nimbus_test_spawn         (const char * const  *argv,
                                       char               **out,
                                       char               **err);
gboolean    nimbus_test_wait_until_at (const char          *file,
                                       int                  line,
                                       const char          *func,
                                       NimbusTestCondition  condition,
                                       gpointer             user_data,
                                       const char          *what);

/* Runs the main loop until condition (user_data) holds; fails the test, naming what and
 * where it was waited for, when it still does not after NIMBUS_TEST_WAIT_SECONDS. */
#define nimbus_test_wait_until(condition, user_data, what) \
  nimbus_test_wait_until_at (__FILE__, __LINE__, G_STRFUNC, (condition), (user_data), (what))

/* Long enough for a window, a search or a process on a loaded 2-core machine built with
 * AddressSanitizer: reached only when what is waited for will not happen. */
#define NIMBUS_TEST_WAIT_SECONDS 30

G_END_DECLS
