/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <stdint.h>

#include "nimbus-kb-sources.h"

/* libFuzzer: any bytes as a knowledge source file and as a questions file, read and checked
 * the way the compiler does, with a real categories file. Every problem must be an error with a
 * position,
 * never a crash. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char categories[] =
  "{\"categories\": [{\"id\": \"compute\", \"name\": \"Compute\"},"
  "                  {\"id\": \"storage\", \"name\": \"Storage\"}],"
  " \"exams\": [{\"id\": \"dva-c02\", \"name\": \"Developer\", \"short_name\": \"Developer\","
  "             \"domains\": [{\"number\": 1, \"name\": \"One\", \"weight\": 100}]}]}";

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(NimbusKbSources) sources = nimbus_kb_sources_new ();
  GPtrArray *errors;

  nimbus_kb_sources_add_categories (sources, "categories.json", categories, sizeof categories - 1);
  nimbus_kb_sources_add_service (sources, "fuzz.json", (const char *) data, size);
  nimbus_kb_sources_add_questions (sources, "questions/fuzz.json", (const char *) data, size);
  nimbus_kb_sources_finish (sources);

  errors = nimbus_kb_sources_get_errors (sources);
  for (guint i = 0; i < errors->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, i), "fuzz.json:") ||
                   g_str_has_prefix (g_ptr_array_index (errors, i), "questions/fuzz.json:") ||
                   g_str_has_prefix (g_ptr_array_index (errors, i), "categories.json:"));

  return 0;
}
