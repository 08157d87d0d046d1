/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include "nimbus-query.h"

/* What a person types, and the FTS5 expressions it must become. Prefix terms are shown
 * without expansions, which come from the KB (see test-kb). */
static const struct {
  const char *text;
  const char *all_terms;
  const char *any_term;
} cases[] = {
  { "visibility timeout", "\"visibility\" AND (\"timeout\")", "\"visibility\" OR (\"timeout\")" },
  { "visibility timeout ", "\"visibility\" AND \"timeout\"", "\"visibility\" OR \"timeout\"" },
  { "visib", "(\"visib\")", "(\"visib\")" },
  { "Visibility", "(\"visibility\")", "(\"visibility\")" },
  { "CAFÉ crème ", "\"cafe\" AND \"creme\"", "\"cafe\" OR \"creme\"" },
  { "\"visibility timeout\"", "\"visibility\" + \"timeout\"", "\"visibility\" + \"timeout\"" },
  { "\"visibility timeout", "\"visibility\" + \"timeout\"", "\"visibility\" + \"timeout\"" },
  { "\"", NULL, NULL },
  { "", NULL, NULL },
  { "   ", NULL, NULL },
  { "*", NULL, NULL },
  { "^", NULL, NULL },
  { "NEAR(", "\"near\"", "\"near\"" },
  { "a AND b ", "\"b\"", "\"b\"" },
  { "x OR y ", "\"x\" AND \"y\"", "\"x\" OR \"y\"" },
  { "NOT sqs", "(\"sqs\")", "(\"sqs\")" },
  { "-x ", "\"x\"", "\"x\"" },
  { "col:value ", "\"col\" AND \"value\"", "\"col\" OR \"value\"" },
  { "title:sqs ", "\"title\" AND \"sqs\"", "\"title\" OR \"sqs\"" },
  { "sqs*", "\"sqs\"", "\"sqs\"" },
  { "{title}: x", "\"title\" AND \"x\"*", "\"title\"" },
  { "SSE-KMS ", "\"sse\" + \"kms\"", "\"sse\" + \"kms\"" },
  { "the ", "\"the\"", "\"the\"" },
  { "what is the ", "\"what\" AND \"is\" AND \"the\"", "\"what\" OR \"is\" OR \"the\"" },
  { "what is the visibility timeout?", "\"visibility\" AND \"timeout\"",
    "\"visibility\" OR \"timeout\"" },
  { "the", "(\"the\")", "(\"the\")" },
  /* A stop word still being typed is dropped beside real words, kept alone. */
  { "visibility the", "\"visibility\"", "\"visibility\"" },
  { "what is the", "\"what\" AND \"is\" AND (\"the\")", "\"what\" OR \"is\" OR (\"the\")" },
  /* Words joined by dashes are one phrase; a lone dash is no operator. */
  { "x-amz-server-side-encryption ", "\"x\" + \"amz\" + \"server\" + \"side\" + \"encryption\"",
    "\"x\" + \"amz\" + \"server\" + \"side\" + \"encryption\"" },
  { "us-east-1 ", "\"us\" + \"east\" + \"1\"", "\"us\" + \"east\" + \"1\"" },
  { "x - y ", "\"x\" AND \"y\"", "\"x\" OR \"y\"" },
  { "x--y ", "\"x\" AND \"y\"", "\"x\" OR \"y\"" },
  { "3,500 ", "\"3\" AND \"500\"", "\"3\" OR \"500\"" },
  { "a\"b", "\"b\"", "\"b\"" },
};

static void
test_query_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NimbusQuery) query = nimbus_query_parse (cases[i].text);
      g_autofree char *all_terms = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_TERMS);
      g_autofree char *any_term = nimbus_query_to_fts (query, NIMBUS_QUERY_ANY_TERM);

      g_test_message ("case %u: «%s»", i, cases[i].text);
      g_assert_cmpstr (all_terms, ==, cases[i].all_terms);
      g_assert_cmpstr (any_term, ==, cases[i].any_term);
    }
}

/* Any-term leaves out a word of one or two letters still being typed, unless it is all
 * there is: it ranks, and one letter says nothing about relevance. */
static void
test_query_ranking (void)
{
  const char *ranking[][2] = {
    { "visibility t", "\"visibility\"" },
    { "visibility ti", "\"visibility\"" },
    { "visibility tim", "\"visibility\" OR (\"tim\")" },
    { "t", "\"t\"*" },
    { "the t", "\"t\"*" },
    { "visibility timeout ", "\"visibility\" OR \"timeout\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranking); i++)
    {
      g_autoptr(NimbusQuery) query = nimbus_query_parse (ranking[i][0]);
      g_autofree char *rank = nimbus_query_to_fts (query, NIMBUS_QUERY_ANY_TERM);

      g_test_message ("«%s»", ranking[i][0]);
      g_assert_cmpstr (rank, ==, ranking[i][1]);
    }

  /* Documents holding every word are ranked by every word but the short prefix. */
  {
    g_autoptr(NimbusQuery) query = nimbus_query_parse ("sqs visibility t");
    g_autofree char *all_ranked = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_RANKED);
    g_autofree char *all_terms = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_TERMS);

    g_assert_cmpstr (all_ranked, ==, "\"sqs\" AND \"visibility\"");
    g_assert_cmpstr (all_terms, ==, "\"sqs\" AND \"visibility\" AND \"t\"*");
  }
}

static void
test_query_prefix_expansions (void)
{
  g_autoptr(NimbusQuery) query = nimbus_query_parse ("sqs visib");
  NimbusQueryTerm *term;
  g_autofree char *fts = NULL;

  g_assert_cmpuint (query->terms->len, ==, 2);
  term = g_ptr_array_index (query->terms, 1);
  g_assert_true (term->prefix);
  term->expansions = g_strdupv ((char *[]) { "visibility", "visible", NULL });

  fts = nimbus_query_to_fts (query, NIMBUS_QUERY_ALL_TERMS);
  g_assert_cmpstr (fts, ==, "\"sqs\" AND (\"visib\" OR \"visibility\" OR \"visible\")");
}

static void
test_query_limits (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(NimbusQuery) query = NULL;
  g_autoptr(NimbusQuery) invalid = NULL;
  g_autofree char *fts = NULL;

  /* 10 KB of words: at most NIMBUS_QUERY_MAX_TERMS terms, each at most 64 bytes. */
  while (long_text->len < 10240)
    g_string_append (long_text, "supercalifragilisticexpialidocious-and-then-some-more-letters"
                                "-to-make-one-very-long-token ");
  g_string_append (long_text,
                   "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  query = nimbus_query_parse (long_text->str);
  g_assert_cmpuint (query->terms->len, ==, NIMBUS_QUERY_MAX_TERMS);
  for (guint i = 0; i < query->terms->len; i++)
    {
      NimbusQueryTerm *term = g_ptr_array_index (query->terms, i);

      g_assert_cmpuint (strlen (term->tokens[0]), <=, NIMBUS_QUERY_MAX_TOKEN_BYTES);
    }
  fts = nimbus_query_to_fts (query, NIMBUS_QUERY_ANY_TERM);
  g_assert_nonnull (fts);

  /* Invalid UTF-8 is repaired, never passed on. */
  invalid = nimbus_query_parse ("caf\xc3 \xff\xfe sqs");
  g_assert_cmpuint (invalid->terms->len, ==, 2);
  g_assert_true (g_utf8_validate (((NimbusQueryTerm *) g_ptr_array_index (invalid->terms,
                                                                          0))->tokens[0], -1,
                                                                          NULL));
}

static void
test_query_stop_words (void)
{
  g_assert_true (nimbus_query_is_stop_word ("the"));
  g_assert_true (nimbus_query_is_stop_word ("which"));
  g_assert_false (nimbus_query_is_stop_word ("queue"));
  g_assert_false (nimbus_query_is_stop_word (""));
}

/* in:ID takes a search to one service; anything else that looks like it is text. */
static void
test_query_scope (void)
{
  static const char * const scope_cases[][3] = {
    { "in:sqs fifo", "sqs", " fifo" },
    { "fifo in:SQS", "sqs", "fifo " },
    { "IN:step-functions wait", "step-functions", " wait" },
    { "in:sqs in:sns fifo", "sqs", "  fifo" },
    { "join in:", NULL, "join in:" },
    { "login:sqs", NULL, "login:sqs" },
    { "in:sqs/fifo", NULL, "in:sqs/fifo" },
    { "in:\"sqs\"", NULL, "in:\"sqs\"" },
    { "", NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scope_cases); i++)
    {
      g_autofree char *scope = NULL;
      g_autofree char *rest = nimbus_query_split_scope (scope_cases[i][0], &scope);

      g_assert_cmpstr (scope, ==, scope_cases[i][1]);
      g_assert_cmpstr (rest, ==, scope_cases[i][2]);
    }
}

/* Ranking adds each pair of adjacent words as a phrase, the word being typed as a prefix,
 * without changing what matches. */
static void
test_query_ranked_phrases (void)
{
  static const char * const phrase_cases[][3] = {
    { "visibility timeout ",
     "\"visibility\" AND \"timeout\" AND (\"visibility\" + \"timeout\" OR \"visibility\")",
      "\"visibility\" OR \"timeout\" OR (\"visibility\" + \"timeout\")" },
    { "the visibility of timeout ", "\"visibility\" AND \"timeout\"",
     "\"visibility\" OR \"timeout\"" },
    { "public ipv4 address ",
      "\"public\" AND \"ipv4\" AND \"address\" AND (\"public\" + \"ipv4\" OR \"public\") AND "
      "(\"ipv4\" + \"address\" OR \"ipv4\")",
      "\"public\" OR \"ipv4\" OR \"address\" OR (\"public\" + \"ipv4\") OR (\"ipv4\" + "
      "\"address\")" },
    { "visibility tim",
     "\"visibility\" AND (\"tim\") AND (\"visibility\" + \"tim\" * OR \"visibility\")",
      "\"visibility\" OR (\"tim\") OR (\"visibility\" + \"tim\" *)" },
    { "sqs ", "\"sqs\"", "\"sqs\"" },
    { "the ", "\"the\"", "\"the\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (phrase_cases); i++)
    {
      g_autoptr(NimbusQuery) query = nimbus_query_parse (phrase_cases[i][0]);
      g_autofree char *all = nimbus_query_to_ranked_fts (query, NIMBUS_QUERY_ALL_RANKED);
      g_autofree char *any = nimbus_query_to_ranked_fts (query, NIMBUS_QUERY_ANY_TERM);

      g_test_message ("%s", phrase_cases[i][0]);
      g_assert_cmpstr (all, ==, phrase_cases[i][1]);
      g_assert_cmpstr (any, ==, phrase_cases[i][2]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/query/cases", test_query_cases);
  g_test_add_func ("/nimbus/query/ranking", test_query_ranking);
  g_test_add_func ("/nimbus/query/prefix-expansions", test_query_prefix_expansions);
  g_test_add_func ("/nimbus/query/limits", test_query_limits);
  g_test_add_func ("/nimbus/query/stop-words", test_query_stop_words);

  g_test_add_func ("/nimbus/query/scope", test_query_scope);
  g_test_add_func ("/nimbus/query/ranked-phrases", test_query_ranked_phrases);

  return g_test_run ();
}
