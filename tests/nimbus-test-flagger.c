/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "nimbus-user-store.h"

/* A writer for the crash and concurrency tests: flags PREFIX/0, PREFIX/1, ... in the store at
 * PATH and prints each id once it is committed, until it has COUNT or is killed. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(NimbusUserStore) store = NULL;
  guint64 count;

  if (argc != 4 || !g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT, &count, NULL))
    {
      g_printerr ("usage: %s PATH PREFIX COUNT\n", argv[0]);
      return 2;
    }

  store = nimbus_user_store_open (argv[1]);
  for (guint64 i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("%s/%" G_GUINT64_FORMAT, argv[2], i);

      if (!nimbus_user_store_flag (store, id, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%s\n", id);
      fflush (stdout);
    }

  return 0;
}
