/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include "nimbus-search-hit.h"
#include "nimbus-snippet.h"

#define S NIMBUS_MATCH_START
#define E NIMBUS_MATCH_END

static const struct {
  const char *text;
  const char *query;
  guint words;
  const char *snippet;
} cases[] = {
  /* Words are matched whole or by the prefix typed, without the punctuation around them. */
  { "The visibility timeout (default 30 s) hides a message.", "visib", 16,
    "The " S "visibility" E " timeout (default 30 s) hides a message." },
  { "Set the (timeout), then retry.", "timeout ", 16, "Set the (" S "timeout" E "), then retry." },
  /* A typed plural matches the word it extends, as stemming does. */
  { "One timeout only.", "timeouts ", 16, "One " S "timeout" E " only." },
  /* Some context before the first match; an ellipsis where text is left out. */
  { "a b c d e f g h i j k l m n o p q r s t", "k ", 5, "…h i j " S "k" E " l…" },
  { "a b c d e f g h i j k l m n o p q r s t", "t ", 5, "…p q r s " S "t" E },
  { "alpha beta gamma", "zzz", 2, "alpha beta…" },
  /* Parts joined by punctuation match one by one. */
  { "Require SSE-KMS for uploads", "kms ", 16, "Require " S "SSE-KMS" E " for uploads" },
  /* Stop words are not highlighted when the query has other words. */
  { "the queue and the topic", "the queue ", 16, "the " S "queue" E " and the topic" },
  /* Accents fold as they do in search. */
  { "Un café crème", "creme ", 16, "Un café " S "crème" E },
  { "", "x", 16, "" },
};

static void
test_snippet_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NimbusQuery) query = nimbus_query_parse (cases[i].query);
      g_autofree char *snippet = nimbus_snippet_build (cases[i].text, query, cases[i].words);

      g_test_message ("case %u", i);
      g_assert_cmpstr (snippet, ==, cases[i].snippet);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/snippet/cases", test_snippet_cases);

  return g_test_run ();
}
