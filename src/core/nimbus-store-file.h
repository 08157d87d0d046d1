/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The file under a user store: what it is, whether it is healthy, and moving a damaged one
 * aside. Private to the user store. */

/* How long every connection to a store waits for another process's lock. */
#define NIMBUS_STORE_BUSY_TIMEOUT_MS 5000

typedef enum
{
  NIMBUS_STORE_HEALTH_OK,
  NIMBUS_STORE_HEALTH_DAMAGED,      /* SQLITE_CORRUPT, SQLITE_NOTADB, or a failed check */
  NIMBUS_STORE_HEALTH_UNAVAILABLE,  /* busy, I/O, out of memory: the file may be fine */
} NimbusStoreHealth;

typedef struct
{
  gboolean exists;
  guint64 device;
  guint64 inode;
} NimbusStoreFileId;

char              *nimbus_store_file_kind_problem (const char              *path);
void               nimbus_store_file_identify     (const char              *path,
                                                   NimbusStoreFileId       *id);
gboolean           nimbus_store_file_id_equal     (const NimbusStoreFileId *a,
                                                   const NimbusStoreFileId *b);
NimbusStoreHealth  nimbus_store_file_check        (sqlite3                 *db,
                                                   int                     *code,
                                                   char                   **reason);
int                nimbus_store_file_lock_folder  (const char              *path,
                                                   gboolean                 exclusive);
void               nimbus_store_file_unlock_folder (int                     fd);
char              *nimbus_store_file_set_aside    (const char              *path,
                                                   const NimbusStoreFileId *checked,
                                                   GError                 **error);
sqlite3           *nimbus_store_file_open_reading (const char              *path,
                                                   char                   **copy_dir,
                                                   char                   **warning,
                                                   GError                 **error);
void               nimbus_store_file_remove_copy  (const char              *copy_dir);

G_END_DECLS
