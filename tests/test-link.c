/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "nimbus-link.h"

/* nimbus: links, as copied from a heading and as any program or person may hand them over. */

typedef struct
{
  const char *uri;
  const char *id;   /* NULL: not a link to a page */
} LinkCase;

static const LinkCase cases[] = {
  { "nimbus:sqs", "sqs" },
  { "nimbus:sqs/visibility-timeout", "sqs/visibility-timeout" },
  { "nimbus:sqs/visibility-timeout#default", "sqs/visibility-timeout#default" },
  { "NIMBUS:sqs/visibility-timeout", "sqs/visibility-timeout" },
  { "nimbus:sqs%2Fvisibility-timeout", "sqs/visibility-timeout" },
  { "nimbus:", NULL },
  { "nimbus", NULL },
  { "", NULL },
  { "https://docs.aws.amazon.com/", NULL },
  { "file:///etc/passwd", NULL },
  { "nimbus:../../etc", NULL },
  { "nimbus:sqs/../../etc/passwd", NULL },
  { "nimbus:%2e%2e/%2e%2e/etc", NULL },
  { "nimbus://sqs", NULL },
  { "nimbus:/sqs", NULL },
  { "nimbus:sqs/", NULL },
  { "nimbus:SQS", NULL },
  { "nimbus:sqs visibility", NULL },
  { "nimbus:<b>sqs</b>", NULL },
  { "nimbus:sqs&amp;<i>", NULL },
  { "nimbus:sqs%00", NULL },
  { "nimbus:sqs%zz", NULL },
  { "nimbus:sqs%ff", NULL },
  { "nimbus:sqs/a#b#c", NULL },
  { "nimbus:\xff\xfe", NULL },
  { "nimbus:sqs/\xc3", NULL },
  { "nimbus:dynamodb/scan-vs-query\n", NULL },
};

static void
test_link_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = nimbus_link_dup_id (cases[i].uri, &error);
      g_autofree char *shown = g_strescape (cases[i].uri, NULL);

      g_test_message ("%s", shown);
      g_assert_cmpstr (id, ==, cases[i].id);
      if (cases[i].id != NULL)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      /* The message is text a window can show, and names the link. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (g_utf8_validate (cases[i].uri, -1, NULL) && strlen (cases[i].uri) < 40)
        g_assert_nonnull (strstr (error->message, cases[i].uri));
    }
}

/* What a heading copies opens that heading again. */
static void
test_link_round_trip (void)
{
  const char *ids[] = { "sqs", "dynamodb/scan-vs-query", "sqs/visibility-timeout#default" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *uri = nimbus_link_dup_uri (ids[i]);
      g_autofree char *id = nimbus_link_dup_id (uri, NULL);

      g_assert_true (g_str_has_prefix (uri, "nimbus:"));
      g_assert_cmpstr (id, ==, ids[i]);
    }
}

/* A very long link is refused without reading it all, and named in a few words. */
static void
test_link_long (void)
{
  g_autoptr(GString) uri = g_string_new ("nimbus:");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *display = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (uri, "a-");
  g_string_append (uri, "a");
  id = nimbus_link_dup_id (uri->str, &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 100);

  display = nimbus_link_dup_display ("nimbus:\xff<b>");
  g_assert_true (g_utf8_validate (display, -1, NULL));
  g_assert_true (g_str_has_prefix (display, "nimbus:"));
  g_assert_true (g_str_has_suffix (display, "<b>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/link/cases", test_link_cases);
  g_test_add_func ("/nimbus/link/round-trip", test_link_round_trip);
  g_test_add_func ("/nimbus/link/long", test_link_long);

  return g_test_run ();
}
