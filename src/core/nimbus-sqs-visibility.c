/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-sqs-visibility"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nimbus-sqs-visibility.h"

/* One SQS message through the visibility timeout, the exam arithmetic. A receive hides the
 * message for the timeout; a consumer that finishes within it deletes it (finishing just as
 * it ends still counts, the delete coming first). Otherwise the message is visible again
 * and, consumers polling all the time, received at once by another consumer: a duplicate
 * while the first is still working. The first `failures` receives end without a delete.
 * With a redrive policy, a message received maxReceiveCount times is moved to the
 * dead-letter queue the next time it would be visible. A timeout of 0 makes it visible
 * again at once: without a DLQ every poll gets it until a consumer deletes it. */

static const NimbusCalcParam params[] = {
  { "visibility-timeout", N_("visibility timeout in whole seconds, 0 to 43200 (12 hours)"), "30",
    FALSE },
  { "processing", N_("seconds a consumer takes to process the message and delete it"), NULL,
    TRUE },
  { "max-receive-count", N_("the redrive policy’s maxReceiveCount, 1 to 1000 (none: no DLQ)"),
    NULL, FALSE },
  { "failures", N_("receives that fail without deleting before one succeeds"), "0", FALSE },
};

const NimbusCalcParam *
nimbus_sqs_visibility_params (guint *n_params)
{
  *n_params = G_N_ELEMENTS (params);
  return params;
}

void
nimbus_sqs_visibility_input_init (NimbusSqsVisibilityInput *input)
{
  input->timeout = NIMBUS_SQS_DEFAULT_TIMEOUT;
  input->processing = NAN;
  input->max_receive_count = NAN;
  input->failures = 0;
}

typedef struct
{
  const char *name;
  double max;
  NimbusCalcNumberFlags flags;
  const char *what;
} Range;

static const Range ranges[] = {
  { "visibility-timeout", NIMBUS_SQS_MAX_TIMEOUT,
    NIMBUS_CALC_NUMBER_WHOLE | NIMBUS_CALC_NUMBER_ZERO_OK, N_("seconds") },
  { "processing", NIMBUS_SQS_MAX_PROCESSING, 0, N_("seconds") },
  { "max-receive-count", NIMBUS_SQS_MAX_RECEIVE_COUNT, NIMBUS_CALC_NUMBER_WHOLE, N_("receives") },
  { "failures", NIMBUS_SQS_MAX_RECEIVE_COUNT,
    NIMBUS_CALC_NUMBER_WHOLE | NIMBUS_CALC_NUMBER_ZERO_OK, N_("receives") },
};

static double *
find_field (NimbusSqsVisibilityInput *input,
            guint                     i)
{
  double *fields[] = { &input->timeout, &input->processing, &input->max_receive_count,
                       &input->failures };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (ranges));
  return fields[i];
}

gboolean
nimbus_sqs_visibility_parse (NimbusSqsVisibilityInput  *input,
                             const char                *name,
                             const char                *text,
                             GError                   **error)
{
  g_return_val_if_fail (input != NULL && name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      if (g_str_equal (name, ranges[i].name))
        return nimbus_calc_parse_number (name, text, ranges[i].max, ranges[i].flags,
                                         _(ranges[i].what), find_field (input, i), error);
    }

  nimbus_calc_set_unknown ("sqs-visibility", name, error);
  return FALSE;
}

static gboolean
check_input (const NimbusSqsVisibilityInput  *input,
             GError                         **error)
{
  NimbusSqsVisibilityInput copy = *input;

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      double value = *find_field (&copy, i);

      /* No maxReceiveCount is no redrive policy. */
      if (isnan (value) && g_str_equal (ranges[i].name, "max-receive-count"))
        continue;
      if (!nimbus_calc_check_number (ranges[i].name, value, ranges[i].max, ranges[i].flags,
                                     _(ranges[i].what), error))
        return FALSE;
    }

  return TRUE;
}

static void
event_free (gpointer data)
{
  NimbusSqsEvent *event = data;

  if (event == NULL)
    return;

  g_free (event->description);
  g_free (event);
}

static NimbusSqsEvent *
event_new (double              time,
           NimbusSqsEventKind  kind,
           guint               receive,
           char               *description)
{
  NimbusSqsEvent *event = g_new0 (NimbusSqsEvent, 1);

  event->time = time;
  event->kind = kind;
  event->receive = receive;
  event->description = description;

  return event;
}

static char *
dup_receive_text (const NimbusSqsVisibilityInput *in,
                  double                          time,
                  guint                           receive)
{
  g_autofree char *at = nimbus_calc_format (time);
  g_autofree char *timeout = nimbus_calc_format (in->timeout);

  if (receive > 1 && in->processing > in->timeout)
    return g_strdup_printf (_("%s s: consumer %u receives the message while consumer %u is still "
                              "processing it: a duplicate, hidden for %s s"),
                            at, receive, receive - 1, timeout);

  return g_strdup_printf (_("%s s: consumer %u receives the message, hidden for %s s"),
                          at, receive, timeout);
}

static char *
dup_end_text (NimbusSqsEventKind kind,
              double             time,
              guint              receive,
              NimbusSqsOutcome   outcome)
{
  g_autofree char *at = nimbus_calc_format (time);

  switch (kind)
    {
    case NIMBUS_SQS_EVENT_FAIL:
      return g_strdup_printf (_("%s s: consumer %u fails and does not delete the message"),
                              at, receive);
    case NIMBUS_SQS_EVENT_DELETE:
      return g_strdup_printf (_("%s s: consumer %u finishes and deletes the message"),
                              at, receive);
    case NIMBUS_SQS_EVENT_LATE:
      if (outcome == NIMBUS_SQS_OUTCOME_DEAD_LETTER)
        return g_strdup_printf (_("%s s: consumer %u finishes, but the message is in the "
                                  "dead-letter queue: its delete is too late"),
                                at, receive);
      return g_strdup_printf (_("%s s: consumer %u finishes as well: the message was processed "
                                "again"),
                              at, receive);
    case NIMBUS_SQS_EVENT_RECEIVE:
    case NIMBUS_SQS_EVENT_VISIBLE:
    case NIMBUS_SQS_EVENT_DEAD_LETTER:
    case NIMBUS_SQS_EVENT_ENDLESS:
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_visible_text (double time,
                  guint  receive)
{
  g_autofree char *at = nimbus_calc_format (time);

  return g_strdup_printf (_("%s s: the timeout of receive %u runs out: the message is visible "
                            "again"),
                          at, receive);
}

static char *
dup_dead_letter_text (double time,
                      guint  receives)
{
  g_autofree char *at = nimbus_calc_format (time);

  return g_strdup_printf (ngettext ("%s s: received %u time, the maxReceiveCount: SQS moves the "
                                    "message to the dead-letter queue",
                                    "%s s: received %u times, the maxReceiveCount: SQS moves the "
                                    "message to the dead-letter queue",
                                    receives),
                          at, receives);
}

/* The receives and timeouts, in order; returns the start time of each receive. */
static GArray *
run_receives (NimbusSqsVisibility *r,
              GPtrArray           *queue_events)
{
  const NimbusSqsVisibilityInput *in = &r->input;
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (double));
  guint first_success = (guint) in->failures + 1;
  double delete_time = INFINITY;
  double t = 0;

  for (guint n = 1;; n++)
    {
      double visible = t + in->timeout;

      g_array_append_val (starts, t);
      g_ptr_array_add (queue_events, event_new (t, NIMBUS_SQS_EVENT_RECEIVE, n,
                                                dup_receive_text (in, t, n)));
      if (n == first_success)
        delete_time = t + in->processing;

      if (delete_time <= visible)
        {
          r->outcome = NIMBUS_SQS_OUTCOME_DELETED;
          r->outcome_seconds = delete_time;
          return starts;
        }

      g_ptr_array_add (queue_events, event_new (visible, NIMBUS_SQS_EVENT_VISIBLE, n,
                                                dup_visible_text (visible, n)));

      if (!isnan (in->max_receive_count) && n == (guint) in->max_receive_count)
        {
          r->outcome = NIMBUS_SQS_OUTCOME_DEAD_LETTER;
          r->outcome_seconds = visible;
          g_ptr_array_add (queue_events, event_new (visible, NIMBUS_SQS_EVENT_DEAD_LETTER, n,
                                                    dup_dead_letter_text (visible, n)));
          return starts;
        }

      if (in->timeout == 0 && isnan (in->max_receive_count) && n >= MAX (2, first_success))
        {
          r->outcome = NIMBUS_SQS_OUTCOME_ENDLESS;
          r->outcome_seconds = delete_time;
          g_ptr_array_add (queue_events,
                           event_new (visible, NIMBUS_SQS_EVENT_ENDLESS, n,
                                      g_strdup (_("0 s: with a timeout of 0, every poll receives "
                                                  "the message again until a consumer deletes "
                                                  "it"))));
          return starts;
        }

      t = visible;
    }
}

/* How each receive's processing ends, in time order like the receives. */
static GPtrArray *
dup_attempt_ends (const NimbusSqsVisibility *r,
                  GArray                    *starts)
{
  const NimbusSqsVisibilityInput *in = &r->input;
  GPtrArray *ends = g_ptr_array_new_with_free_func (event_free);
  guint first_success = (guint) in->failures + 1;

  for (guint i = 1; i <= starts->len; i++)
    {
      double end = g_array_index (starts, double, i - 1) + in->processing;
      NimbusSqsEventKind kind;

      if (i < first_success)
        kind = NIMBUS_SQS_EVENT_FAIL;
      else if (i == first_success && r->outcome != NIMBUS_SQS_OUTCOME_DEAD_LETTER)
        kind = NIMBUS_SQS_EVENT_DELETE;
      else
        kind = NIMBUS_SQS_EVENT_LATE;

      g_ptr_array_add (ends, event_new (end, kind, i, dup_end_text (kind, end, i, r->outcome)));
    }

  return ends;
}

/* Both lists into r->events by time; at the same time a consumer's delete or failure
 * comes before the timeout running out. */
static void
merge_events (NimbusSqsVisibility *r,
              GPtrArray           *queue_events,
              GPtrArray           *ends)
{
  guint q = 0, e = 0;

  while (q < queue_events->len || e < ends->len)
    {
      NimbusSqsEvent *next_q = q < queue_events->len ? queue_events->pdata[q] : NULL;
      NimbusSqsEvent *next_e = e < ends->len ? ends->pdata[e] : NULL;

      if (next_e == NULL || (next_q != NULL && next_q->time < next_e->time))
        {
          g_ptr_array_add (r->events, next_q);
          queue_events->pdata[q++] = NULL;
        }
      else
        {
          g_ptr_array_add (r->events, next_e);
          ends->pdata[e++] = NULL;
        }
    }
}

static char *
dup_timeout_line (const NimbusSqsVisibility *r)
{
  const NimbusSqsVisibilityInput *in = &r->input;
  g_autofree char *timeout = nimbus_calc_format (in->timeout);
  g_autofree char *processing = nimbus_calc_format (in->processing);
  g_autofree char *margin = nimbus_calc_format (fabs (r->margin));

  if (in->timeout == 0)
    return g_strdup_printf (_("Timeout: 0 s, so a received message is visible again at once, while "
                              "its consumer takes %s s"),
                            processing);
  if (r->margin > 0)
    return g_strdup_printf (_("Timeout: %s s against %s s of processing: %s s to spare, a consumer "
                              "deletes the message in time"),
                            timeout, processing, margin);
  if (r->margin == 0)
    return g_strdup_printf (_("Timeout: %s s against %s s of processing: no margin, the delete "
                              "comes just as the timeout runs out, and a slower run is received "
                              "again"),
                            timeout, processing);

  return g_strdup_printf (_("Timeout: %s s against %s s of processing: the message is visible "
                            "again %s s before its consumer finishes, and another consumer "
                            "receives it"),
                          timeout, processing, margin);
}

static char *
dup_receives_line (const NimbusSqsVisibility *r)
{
  if (r->outcome == NIMBUS_SQS_OUTCOME_ENDLESS)
    return g_strdup (_("Receives: without end, each poll gets another copy while the consumers "
                       "work"));
  if (r->duplicates == 0)
    return g_strdup_printf (ngettext ("Receives: %u, no duplicates", "Receives: %u, no duplicates",
                                      r->receives),
                            r->receives);

  return g_strdup_printf (ngettext ("Receives: %u, %u of them a duplicate while another consumer "
                                    "was still processing",
                                    "Receives: %u, %u of them duplicates while another consumer "
                                    "was still processing",
                                    r->duplicates),
                          r->receives, r->duplicates);
}

static char *
dup_outcome_line (const NimbusSqsVisibility *r)
{
  const NimbusSqsVisibilityInput *in = &r->input;
  g_autofree char *at = nimbus_calc_format (r->outcome_seconds);
  guint first_success = (guint) in->failures + 1;

  if (r->outcome == NIMBUS_SQS_OUTCOME_DELETED || r->outcome == NIMBUS_SQS_OUTCOME_ENDLESS)
    return g_strdup_printf (_("Outcome: consumer %u deletes the message at %s s"),
                            first_success, at);
  if (first_success <= r->receives)
    return g_strdup_printf (ngettext ("Outcome: moved to the dead-letter queue at %s s after %u "
                                      "receive (maxReceiveCount), though consumer %u processed it: "
                                      "its delete came too late",
                                      "Outcome: moved to the dead-letter queue at %s s after %u "
                                      "receives (maxReceiveCount), though consumer %u processed "
                                      "it: its delete came too late",
                                      r->receives),
                            at, r->receives, first_success);

  return g_strdup_printf (ngettext ("Outcome: moved to the dead-letter queue at %s s after %u "
                                    "receive (maxReceiveCount), which failed",
                                    "Outcome: moved to the dead-letter queue at %s s after %u "
                                    "receives (maxReceiveCount), every one of them failed",
                                    r->receives),
                          at, r->receives);
}

static char *
dup_working (const NimbusSqsVisibility *r)
{
  const NimbusSqsVisibilityInput *in = &r->input;
  GString *text = g_string_new (NULL);
  g_autofree char *timeout_line = dup_timeout_line (r);
  g_autofree char *receives_line = dup_receives_line (r);
  g_autofree char *outcome_line = dup_outcome_line (r);

  g_string_append (text, timeout_line);
  if (in->failures > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              ngettext ("Failures: the first receive ends without DeleteMessage, "
                                        "and the retry waits for its timeout to run out",
                                              "Failures: the first %u receives end without "
                                              "DeleteMessage, and each retry waits for the timeout "
                                              "to run out",
                                              (guint) in->failures),
                              (guint) in->failures);
    }
  g_string_append_printf (text, "\n%s\n%s", receives_line, outcome_line);

  if (in->processing > NIMBUS_SQS_MAX_TIMEOUT)
    g_string_append (text,
                     _("\nFix: no timeout covers it, the most being 12 hours (43200 s): split the "
                       "work into smaller messages"));
  else if (r->margin <= 0)
    {
      g_autofree char *processing = nimbus_calc_format (in->processing);

      g_string_append_printf (text,
                              _("\nFix: a visibility timeout above %s s, or "
                                "ChangeMessageVisibility to extend it while processing"),
                              processing);
    }

  return g_string_free (text, FALSE);
}

NimbusSqsVisibility *
nimbus_sqs_visibility_compute (const NimbusSqsVisibilityInput  *input,
                               GError                         **error)
{
  g_autoptr(NimbusSqsVisibility) r = NULL;
  g_autoptr(GPtrArray) queue_events = NULL;
  g_autoptr(GPtrArray) ends = NULL;
  g_autoptr(GArray) starts = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_input (input, error))
    return NULL;

  r = g_new0 (NimbusSqsVisibility, 1);
  r->input = *input;
  r->unit = "receives";
  r->margin = input->timeout - input->processing;
  r->events = g_ptr_array_new_with_free_func (event_free);

  queue_events = g_ptr_array_new_with_free_func (event_free);
  starts = run_receives (r, queue_events);
  if (r->outcome != NIMBUS_SQS_OUTCOME_ENDLESS)
    {
      r->receives = starts->len;
      r->duplicates = r->margin < 0 ? r->receives - 1 : 0;
    }
  ends = dup_attempt_ends (r, starts);
  merge_events (r, queue_events, ends);
  r->working = dup_working (r);

  return g_steal_pointer (&r);
}

void
nimbus_sqs_visibility_free (NimbusSqsVisibility *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->events, g_ptr_array_unref);
  g_free (result->working);
  g_free (result);
}
