/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <json-glib/json-glib.h>

#include <glib/gstdio.h>
#include <string.h>

#include "nimbus-kb.h"
#include "nimbus-service.h"
#include "nimbus-test-utils.h"

/* Every service both exams test (DESIGN.md), by its fixed id. */
static const char * const service_ids[] = {
  "iam", "kms", "sts", "cognito", "secrets-manager", "iam-identity-center", "directory-service",
  "acm", "waf", "guardduty", "macie", "inspector", "ec2", "ec2-auto-scaling",
  "elastic-beanstalk", "lambda", "batch", "ecs", "eks", "s3", "ebs", "efs", "fsx",
  "storage-gateway", "backup", "vpc", "elb", "route53", "cloudfront", "api-gateway",
  "direct-connect", "site-to-site-vpn", "transit-gateway", "global-accelerator", "rds", "aurora",
  "dynamodb", "dax", "elasticache", "sqs", "sns", "step-functions", "eventbridge", "appsync",
  "amazon-mq", "ses", "kinesis", "athena", "glue", "redshift", "emr", "opensearch", "quicksight",
  "lake-formation", "msk", "codecommit", "codebuild", "codedeploy", "codepipeline", "xray",
  "sam", "cdk", "cloudwatch", "cloudtrail", "cloudformation", "systems-manager", "config",
  "organizations", "amplify", "datasync", "snow-family", "dms",
};

static const char * const category_order[] = {
  "security", "compute", "containers", "storage", "networking", "databases",
  "application-integration", "business-applications", "analytics", "developer-tools",
  "management-governance", "front-end-web-mobile", "migration-transfer",
};

static guint
category_rank (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_order); i++)
    {
      if (g_str_equal (category_order[i], id))
        return i;
    }

  g_error ("unknown category %s", id);
}

static void
test_kb_list (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint last_rank = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, G_N_ELEMENTS (service_ids));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      guint rank = category_rank (nimbus_service_get_category_id (service));

      /* Sidebar order: categories in their order, services by name inside each. */
      g_assert_cmpuint (rank, >=, last_rank);
      if (i > 0 && rank == last_rank)
        {
          g_autoptr(NimbusService) previous = g_list_model_get_item (services, i - 1);
          g_autofree char *a = g_ascii_strdown (nimbus_service_get_name (previous), -1);
          g_autofree char *b = g_ascii_strdown (nimbus_service_get_name (service), -1);

          g_assert_cmpstr (a, <=, b);
        }
      last_rank = rank;

      g_assert_true (g_strv_contains (service_ids, nimbus_service_get_id (service)));
      g_assert_false (g_hash_table_contains (seen, nimbus_service_get_id (service)));
      g_hash_table_add (seen, (gpointer) nimbus_service_get_id (service));
      g_assert_cmpstr (nimbus_service_get_summary (service), !=, "");
      g_assert_nonnull (nimbus_service_get_category_name (service));
    }
}

static NimbusService *
find_service (GListModel *services,
              const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);

      if (g_str_equal (nimbus_service_get_id (service), id))
        return g_steal_pointer (&service);
    }

  g_assert_not_reached ();
}

/* Each exam's domains are those of categories.json, numbered from 1, weighing 100 in all. */
static void
check_domains (GPtrArray *exams)
{
  g_autofree char *path = g_build_filename (g_getenv ("NIMBUS_KB_SOURCES"), "categories.json",
                                            NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *sources;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  sources = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "exams");
  g_assert_cmpuint (json_array_get_length (sources), ==, exams->len);

  for (guint i = 0; i < exams->len; i++)
    {
      const NimbusExam *exam = g_ptr_array_index (exams, i);
      JsonArray *domains = json_object_get_array_member (json_array_get_object_element (sources, i),
                                                         "domains");
      guint total = 0;

      g_assert_cmpuint (exam->domains->len, ==, json_array_get_length (domains));
      g_assert_cmpuint (exam->domains->len, >, 0);
      for (guint j = 0; j < exam->domains->len; j++)
        {
          const NimbusExamDomain *domain = g_ptr_array_index (exam->domains, j);
          JsonObject *source = json_array_get_object_element (domains, j);

          g_assert_cmpuint (domain->number, ==, j + 1);
          g_assert_true (nimbus_exam_find_domain (exam, j + 1) == domain);
          g_assert_cmpstr (domain->name, ==, json_object_get_string_member (source, "name"));
          g_assert_cmpint (domain->weight, ==, json_object_get_int_member (source, "weight"));
          total += domain->weight;
        }
      g_assert_cmpuint (total, ==, 100);
      g_assert_null (nimbus_exam_find_domain (exam, exam->domains->len + 1));
    }
}

/* The exams in the order offered, every service on one at least, and the page's names. */
static void
test_kb_exams (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = nimbus_kb_list_exams (kb, &error);
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, &error);
  g_autoptr(NimbusEntry) entry = NULL;
  g_autoptr(NimbusService) codecommit = NULL;
  g_autoptr(NimbusService) backup = NULL;
  guint on[2] = { 0, 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (exams->len, ==, 2);
  g_assert_cmpstr (((NimbusExam *) exams->pdata[0])->id, ==, "dva-c02");
  g_assert_cmpstr (((NimbusExam *) exams->pdata[0])->short_name, ==, "Developer");
  g_assert_cmpstr (((NimbusExam *) exams->pdata[1])->id, ==, "saa-c03");
  g_assert_cmpstr (((NimbusExam *) exams->pdata[1])->short_name, ==, "Solutions Architect");
  check_domains (exams);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(NimbusService) service = g_list_model_get_item (services, i);
      const char * const *ids = nimbus_service_get_exams (service);

      g_assert_nonnull (ids[0]);
      on[0] += nimbus_service_is_on_exam (service, "dva-c02");
      on[1] += nimbus_service_is_on_exam (service, "saa-c03");
      g_assert_false (nimbus_service_is_on_exam (service, "dva-c01"));
    }
  g_assert_cmpuint (on[0], >, 30);
  g_assert_cmpuint (on[1], >, 50);
  g_assert_cmpuint (on[0] + on[1], >, g_list_model_get_n_items (services));

  codecommit = find_service (services, "codecommit");
  backup = find_service (services, "backup");
  g_assert_true (nimbus_service_is_on_exam (codecommit, "dva-c02"));
  g_assert_false (nimbus_service_is_on_exam (codecommit, "saa-c03"));
  g_assert_true (nimbus_service_is_on_exam (backup, "saa-c03"));
  g_assert_false (nimbus_service_is_on_exam (backup, "dva-c02"));

  entry = nimbus_kb_load_entry (kb, "sqs", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (entry->exams), ==, 2);
  g_assert_cmpstr (entry->exam_names[0], ==, "Developer");
  g_assert_cmpstr (entry->exam_names[1], ==, "Solutions Architect");
}

/* What the sidebar's filter keeps: a start of a word of a name, or a name inside the text. */
static void
test_kb_service_named_by (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GListModel) services = nimbus_kb_list_services (kb, NULL);
  const struct { const char *id; const char *text; gboolean named; } cases[] = {
    { "lambda", "", TRUE },
    { "lambda", "  ", TRUE },
    { "lambda", "lamb", TRUE },
    { "lambda", "LAMBDA", TRUE },
    { "lambda", "AWS Lambda", TRUE },
    { "lambda", "why does my Lambda function time out?", TRUE },
    { "lambda", "ambda", FALSE },
    { "lambda", "lambdas", FALSE },
    { "sqs", "queue serv", TRUE },
    { "sqs", "Amazon SQS visibility", TRUE },
    { "sqs", "sqsvisibility", FALSE },
    { "elb", "an Application Load Balancer in front", TRUE },
    { "systems-manager", "parameter store", TRUE },
    { "s3", "store objects in s3.", TRUE },
    { "s3", "ss3", FALSE },
    { "dynamodb", "db", FALSE },
    { "cloudfront", "\xff\xfe", FALSE },
    { "cloudfront", "Cloud", TRUE },
    { "cloudfront", "cloudwatch", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NimbusService) service = find_service (services, cases[i].id);
      /* Escaped: a TAP message must be UTF-8, and one case is not. */
      g_autofree char *text = g_strescape (cases[i].text, NULL);

      g_test_message ("%s named by \"%s\"?", cases[i].id, text);
      g_assert_true (nimbus_service_is_named_by (service, cases[i].text) == cases[i].named);
    }
}

static void
test_kb_load_entry (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusEntry) entry = nimbus_kb_load_entry (kb, "sqs", &error);
  const NimbusSection *section;
  gboolean has_default = FALSE;

  g_assert_no_error (error);
  g_assert_cmpstr (entry->id, ==, "sqs");
  g_assert_cmpstr (entry->category_id, ==, "application-integration");
  g_assert_cmpuint (entry->sections->len, >=, 5);
  g_assert_cmpuint (g_strv_length (entry->related), >=, 1);

  section = nimbus_entry_find_section (entry, "sqs/visibility-timeout");
  g_assert_nonnull (section);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      const NimbusBlock *block = g_ptr_array_index (section->blocks, i);

      if (block->type == NIMBUS_BLOCK_FACT && g_str_equal (block->value, "30"))
        {
          g_assert_cmpstr (block->unit, ==, "seconds");
          g_assert_true (g_str_has_prefix (block->id, "sqs/visibility-timeout#"));
          g_assert_nonnull (nimbus_section_find_item (section, block->id));
          has_default = TRUE;
        }
    }
  g_assert_true (has_default);
}

/* Every block of every entry comes back as the sources describe it. */
static void
test_kb_load_every_entry (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();

  for (guint i = 0; i < G_N_ELEMENTS (service_ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NimbusEntry) entry = nimbus_kb_load_entry (kb, service_ids[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (entry->id, ==, service_ids[i]);
      g_assert_cmpuint (entry->sections->len, >, 0);
      for (guint j = 0; j < entry->sections->len; j++)
        {
          const NimbusSection *section = g_ptr_array_index (entry->sections, j);

          g_assert_true (g_str_has_prefix (section->id, service_ids[i]));
          g_assert_cmpuint (section->blocks->len, >, 0);
          for (guint k = 0; k < section->blocks->len; k++)
            {
              const NimbusBlock *block = g_ptr_array_index (section->blocks, k);

              if (block->type == NIMBUS_BLOCK_TABLE)
                {
                  g_assert_nonnull (block->rows);
                  for (guint r = 0; r < block->rows->len; r++)
                    g_assert_cmpuint (g_strv_length (g_ptr_array_index (block->rows, r)), ==,
                                      g_strv_length (block->items));
                }
              else if (block->type == NIMBUS_BLOCK_LIST)
                g_assert_cmpuint (g_strv_length (block->items), >, 0);
              else if (block->type == NIMBUS_BLOCK_TIP || block->type == NIMBUS_BLOCK_FACT)
                g_assert_true (g_str_has_prefix (block->id, section->id));
            }
        }
    }
}

static void
test_kb_unknown_entry (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NimbusEntry) entry = nimbus_kb_load_entry (kb, "lambda'; DROP TABLE services; --",
                                                       &error);

  g_assert_null (entry);
  g_assert_error (error, NIMBUS_KB_ERROR, NIMBUS_KB_ERROR_NO_ENTRY);
}

static GPtrArray *
search (NimbusKb   *kb,
        const char *text,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = nimbus_kb_search (kb, text, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

static const char *
first_id (GPtrArray *hits)
{
  g_assert_cmpuint (hits->len, >, 0);
  return nimbus_search_hit_get_id (g_ptr_array_index (hits, 0));
}

static void
test_kb_search_visibility_timeout (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GPtrArray) hits = search (kb, "visibility timeout", 10);
  NimbusSearchHit *hit;

  g_assert_cmpstr (first_id (hits), ==, "sqs/visibility-timeout");
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpuint (nimbus_search_hit_get_rank (hit), ==, 1);
  g_assert_cmpstr (nimbus_search_hit_get_service_id (hit), ==, "sqs");
  g_assert_cmpint (nimbus_search_hit_get_kind (hit), ==, NIMBUS_HIT_KIND_SECTION);
  g_assert_nonnull (strstr (nimbus_search_hit_get_snippet (hit), NIMBUS_MATCH_START));

  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpuint (nimbus_search_hit_get_rank (g_ptr_array_index (hits, i)), ==, i + 1);
}

/* Each kind of document comes back as its own kind, whether ranked or browsed by title. */
static void
test_kb_search_kinds (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  static const struct { const char *text; const char *id; NimbusHitKind kind; } cases[] = {
    { "sqs", "sqs", NIMBUS_HIT_KIND_SERVICE },
    { "sq", "sqs", NIMBUS_HIT_KIND_SERVICE },
    { "visibility timeout", "sqs/visibility-timeout", NIMBUS_HIT_KIND_SECTION },
    { "de", "sqs/dead-letter-queues", NIMBUS_HIT_KIND_SECTION },
    { "poison message", "sqs/dead-letter-queues#poison-message", NIMBUS_HIT_KIND_TIP },
    { "default visibility timeout", "sqs/visibility-timeout#default", NIMBUS_HIT_KIND_FACT },
    { "de", "sqs/visibility-timeout#default", NIMBUS_HIT_KIND_FACT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) hits = search (kb, cases[i].text, 200);
      NimbusSearchHit *found = NULL;

      for (guint j = 0; j < hits->len && found == NULL; j++)
        {
          NimbusSearchHit *hit = g_ptr_array_index (hits, j);

          if (g_str_equal (nimbus_search_hit_get_id (hit), cases[i].id))
            found = hit;
        }

      g_test_message ("“%s” finds %s", cases[i].text, cases[i].id);
      g_assert_nonnull (found);
      g_assert_cmpint (nimbus_search_hit_get_kind (found), ==, cases[i].kind);
    }

  /* A note is a hit the window makes, never one of the knowledge base. */
  {
    g_autoptr(NimbusSearchHit) note = nimbus_search_hit_new ("sqs/batching", NIMBUS_HIT_KIND_NOTE,
                                                             "sqs", "SQS", "sqs/batching",
                                                             "Batch operations", "mine");

    g_assert_cmpint (nimbus_search_hit_get_kind (note), ==, NIMBUS_HIT_KIND_NOTE);
  }
}

/* As the word is typed, letter by letter, the section stays in the top three. */
static void
test_kb_search_as_you_type (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  const char *word = "visibility timeout";

  for (gsize len = 5; len <= strlen (word); len++)
    {
      g_autofree char *typed = g_strndup (word, len);
      g_autoptr(GPtrArray) hits = search (kb, typed, 3);
      gboolean found = FALSE;

      for (guint i = 0; i < hits->len; i++)
        found |= g_str_equal (nimbus_search_hit_get_id (g_ptr_array_index (hits, i)),
                              "sqs/visibility-timeout");
      g_test_message ("typed «%s»", typed);
      g_assert_true (found);
    }
}

/* A whole exam question finds its topic first, through the any-term fallback. */
static void
test_kb_search_exam_questions (void)
{
  static const struct {
    const char *question;
    const char *service;
  } questions[] = {
    { "A developer notices that messages are processed more than once because consumers take "
      "longer than expected. Which setting should be increased so other consumers do not "
      "receive the message while it is being processed?", "sqs" },
    { "Which DynamoDB operation reads every item in a table and should be avoided on large "
      "tables?", "dynamodb" },
    { "How can a company require that every object uploaded to a bucket is encrypted with "
      "SSE-KMS?", "s3" },
  };
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autoptr(GPtrArray) hits = search (kb, questions[i].question, 10);

      g_test_message ("question %u", i);
      g_assert_cmpuint (hits->len, >, 0);
      g_assert_cmpstr (nimbus_search_hit_get_service_id (g_ptr_array_index (hits, 0)), ==,
                       questions[i].service);
    }
}

/* Pango markup is XML: a snippet must parse as such. */
static gboolean
is_well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  return g_markup_parse_context_parse (context, document, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

static void
test_kb_search_hostile (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  g_autoptr(GString) big = g_string_new (NULL);
  const char *inputs[] = {
    "\"", "\"\"", "\"visibility", "*", "**", "visib*", "NEAR(", "NEAR(sqs, 3)", "AND", "OR",
    "NOT", "sqs AND", "AND OR NOT", "-x", "-", "+", "col:", "title:sqs", "search:x", "^",
    "^sqs", "(", ")", "((", "{title body}: sqs", "sqs' OR 1=1 --", "'; DROP TABLE docs; --",
    "\\", "%", "_", "\x01\x02\x03", "caf\xc3", "\xff\xfe\xfd", "", " ", "the", "the of and",
    "a an the is", "😀", "ＳＱＳ", "visibility\ttimeout", "\n", "NULL", "0", "-1",
    "\"visibility timeout\"", "\"unbalanced \"quotes", "x\"y\"z\"",
  };

  while (big->len < 10 * 1024)
    g_string_append (big, "visibility NEAR( \" * ^ ");

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("input %u", i);
      hits = search (kb, inputs[i], 10);
      g_assert_cmpuint (hits->len, <=, 10);
      for (guint j = 0; j < hits->len; j++)
        {
          NimbusSearchHit *hit = g_ptr_array_index (hits, j);
          g_autofree char *markup = nimbus_search_hit_dup_snippet_markup (hit);

          g_assert_true (is_well_formed (markup));
          g_assert_true (g_str_has_prefix (nimbus_search_hit_get_id (hit),
                                           nimbus_search_hit_get_service_id (hit)));
        }
    }

  {
    g_autoptr(GPtrArray) hits = search (kb, big->str, 10);
    g_assert_cmpuint (hits->len, >, 0);
  }

  /* Special characters are text: a phrase in quotes is still found. */
  {
    g_autoptr(GPtrArray) hits = search (kb, "\"visibility timeout\"", 10);
    g_assert_cmpuint (hits->len, >, 0);
  }
}

static void
test_kb_snippet_markup (void)
{
  g_autoptr(NimbusSearchHit) hit = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  hit = nimbus_search_hit_new ("sqs", NIMBUS_HIT_KIND_SERVICE, "sqs", "SQS", NULL, "SQS",
                               "<b>&amp; " NIMBUS_MATCH_START "x<y" NIMBUS_MATCH_END " "
                               NIMBUS_MATCH_START "open");
  markup = nimbus_search_hit_dup_snippet_markup (hit);
  plain = nimbus_search_hit_dup_snippet_plain (hit);
  g_assert_cmpstr (markup, ==, "&lt;b&gt;&amp;amp; <b>x&lt;y</b> <b>open</b>");
  g_assert_cmpstr (plain, ==, "<b>&amp; x<y open");
  g_assert_true (is_well_formed (markup));
}

typedef struct
{
  guint pending;
  guint finished;
  guint cancelled;
} Race;

static void
race_search_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Race *race = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = nimbus_kb_search_finish (NIMBUS_KB (source), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    race->cancelled++;
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_assert_true (g_list_model_get_item_type (hits) == NIMBUS_TYPE_SEARCH_HIT);
      for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
        {
          g_autoptr(NimbusSearchHit) hit = g_list_model_get_item (hits, i);

          g_assert_cmpuint (nimbus_search_hit_get_rank (hit), ==, i + 1);
          g_assert_nonnull (nimbus_search_hit_get_id (hit));
        }
      race->finished++;
    }
  race->pending--;
}

/* Pages and lists load on the main thread while searches run in workers and half of them
 * are cancelled: every answer is whole (ASan and memcheck watch the memory), cancelled
 * searches say so. */
static void
test_kb_threads (void)
{
  g_autoptr(NimbusKb) kb = nimbus_test_open_kb ();
  static const char * const queries[] = {
    "visibility timeout", "a company needs to decouple its application tiers with a queue",
    "dynamodb capacity", "lambda concurrency", "s3 lifecycle glacier", "vpc endpoint",
  };
  Race race = { 0 };

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      race.pending++;
      nimbus_kb_search_async (kb, queries[round % G_N_ELEMENTS (queries)], 20, cancellable,
                              race_search_cb, &race);
      if (round % 2 == 1)
        g_cancellable_cancel (cancellable);

      for (guint i = 0; i < G_N_ELEMENTS (service_ids); i += 7)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(NimbusEntry) entry = nimbus_kb_load_entry (kb, service_ids[i], &error);
          g_autoptr(GListModel) services = nimbus_kb_list_services (kb, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (services), ==, G_N_ELEMENTS (service_ids));
          g_assert_cmpstr (entry->id, ==, service_ids[i]);
        }
      g_main_context_iteration (NULL, FALSE);
    }

  while (race.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("%u searches finished, %u cancelled", race.finished, race.cancelled);
  g_assert_cmpuint (race.finished, >=, 20);
  g_assert_cmpuint (race.cancelled, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/kb/list", test_kb_list);
  g_test_add_func ("/nimbus/kb/exams", test_kb_exams);
  g_test_add_func ("/nimbus/kb/service-named-by", test_kb_service_named_by);
  g_test_add_func ("/nimbus/kb/load-entry", test_kb_load_entry);
  g_test_add_func ("/nimbus/kb/load-every-entry", test_kb_load_every_entry);
  g_test_add_func ("/nimbus/kb/unknown-entry", test_kb_unknown_entry);
  g_test_add_func ("/nimbus/search/visibility-timeout", test_kb_search_visibility_timeout);
  g_test_add_func ("/nimbus/search/kinds", test_kb_search_kinds);
  g_test_add_func ("/nimbus/search/as-you-type", test_kb_search_as_you_type);
  g_test_add_func ("/nimbus/search/exam-questions", test_kb_search_exam_questions);
  g_test_add_func ("/nimbus/search/hostile-input", test_kb_search_hostile);
  g_test_add_func ("/nimbus/search/snippet-markup", test_kb_snippet_markup);

  g_test_add_func ("/nimbus/kb/threads", test_kb_threads);

  return g_test_run ();
}
