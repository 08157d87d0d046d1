/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-kb-compile"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "nimbus-kb-sources.h"
#include "nimbus-kb-writer.h"

/* Checks the knowledge sources and compiles them into nimbus.db, at build time. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(NimbusKbSources) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  GPtrArray *errors;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the knowledge base to FILE",
     "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "SOURCE.json…" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— compile the Nimbus knowledge base");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("nimbus-kb-compile: %s\n", error->message);
      return 2;
    }

  if (output == NULL || files == NULL)
    {
      g_printerr ("nimbus-kb-compile: give --output FILE and the source files "
                  "(categories.json, one file per service, questions/SERVICE.json)\n");
      return 2;
    }

  sources = nimbus_kb_sources_new ();
  for (guint i = 0; files[i] != NULL; i++)
    nimbus_kb_sources_add_file (sources, files[i]);
  nimbus_kb_sources_finish (sources);

  errors = nimbus_kb_sources_get_errors (sources);
  for (guint i = 0; i < errors->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (errors, i));
  if (errors->len > 0)
    {
      g_printerr ("nimbus-kb-compile: %u error%s, no knowledge base written\n",
                  errors->len, errors->len == 1 ? "" : "s");
      return EXIT_FAILURE;
    }

  if (!nimbus_kb_write (nimbus_kb_sources_get_categories (sources),
                        nimbus_kb_sources_get_exams (sources),
                        nimbus_kb_sources_get_entries (sources),
                        nimbus_kb_sources_get_questions (sources), output, &error))
    {
      g_printerr ("nimbus-kb-compile: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
