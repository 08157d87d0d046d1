/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include "nimbus-markup.h"

static const char * const cases[][2] = {
  { "plain", "plain" },
  { "", "" },
  { "Call `GenerateDataKey` then `Decrypt`.",
   "Call <tt>GenerateDataKey</tt> then <tt>Decrypt</tt>." },
  { "<b>bold</b> & 'quotes'", "&lt;b&gt;bold&lt;/b&gt; &amp; &apos;quotes&apos;" },
  { "`<script>`", "<tt>&lt;script&gt;</tt>" },
  { "a lone ` backtick", "a lone ` backtick" },
  { "empty `` pair", "empty `` pair" },
  { "`a` and ` b", "<tt>a</tt> and ` b" },
};

static void
test_markup_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = nimbus_markup_from_text (cases[i][0]);

      g_test_message ("case %u", i);
      g_assert_cmpstr (markup, ==, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/markup/cases", test_markup_cases);

  return g_test_run ();
}
