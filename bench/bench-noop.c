/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

/* A binary linked with what nimbus is linked with (GTK, libadwaita) that does nothing but
 * say which versions it loaded: what `nimbus --search` is compared with in bench-process. */
int
main (int   argc,
      char *argv[])
{
  printf ("gtk %u.%u, libadwaita %u.%u\n", gtk_get_major_version (), gtk_get_minor_version (),
          adw_get_major_version (), adw_get_minor_version ());

  return 0;
}
