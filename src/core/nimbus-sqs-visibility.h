/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-calc.h"

G_BEGIN_DECLS

/* SQS visibility timeout and redrive (data/kb/sqs.json, "visibility-timeout" and
 * "dead-letter-queues"). */
#define NIMBUS_SQS_DEFAULT_TIMEOUT 30.0        /* seconds */
#define NIMBUS_SQS_MAX_TIMEOUT 43200.0         /* 12 hours */
#define NIMBUS_SQS_MAX_RECEIVE_COUNT 1000.0    /* the top of maxReceiveCount's range */
#define NIMBUS_SQS_MAX_PROCESSING 86400.0      /* a day: longer than any timeout covers */

typedef enum
{
  NIMBUS_SQS_OUTCOME_DELETED,        /* a consumer deleted the message */
  NIMBUS_SQS_OUTCOME_DEAD_LETTER,    /* moved to the dead-letter queue */
  NIMBUS_SQS_OUTCOME_ENDLESS,        /* a timeout of 0 without a DLQ: every poll gets it */
} NimbusSqsOutcome;

typedef enum
{
  NIMBUS_SQS_EVENT_RECEIVE,          /* a consumer receives the message */
  NIMBUS_SQS_EVENT_FAIL,             /* an attempt ends without DeleteMessage */
  NIMBUS_SQS_EVENT_DELETE,           /* an attempt deletes the message */
  NIMBUS_SQS_EVENT_LATE,             /* an attempt finishes after the message left */
  NIMBUS_SQS_EVENT_VISIBLE,          /* the timeout ran out: visible again */
  NIMBUS_SQS_EVENT_DEAD_LETTER,      /* moved to the dead-letter queue */
  NIMBUS_SQS_EVENT_ENDLESS,          /* received again by every poll */
} NimbusSqsEventKind;

/* One step of the timeline, in time order; description is translated. */
typedef struct
{
  double time;               /* seconds after the first receive */
  NimbusSqsEventKind kind;
  guint receive;             /* which receive (consumer) it concerns, from 1 */
  char *description;
} NimbusSqsEvent;

typedef struct
{
  double timeout;            /* visibility timeout, whole seconds */
  double processing;         /* seconds a consumer works on the message; NAN until given */
  double max_receive_count;  /* the redrive policy's maxReceiveCount; NAN for no DLQ */
  double failures;           /* receives that end without DeleteMessage before one succeeds */
} NimbusSqsVisibilityInput;

typedef struct
{
  NimbusSqsVisibilityInput input;
  guint receives;            /* the result: times the message is received; 0 when endless */
  guint duplicates;          /* receives while another consumer was still processing it */
  NimbusSqsOutcome outcome;
  double outcome_seconds;    /* when it was deleted or moved to the DLQ */
  double margin;             /* timeout - processing: below 0 means duplicates */
  GPtrArray *events;         /* NimbusSqsEvent, in time order */
  const char *unit;          /* "receives" */
  char *working;
} NimbusSqsVisibility;

/* Declared one by one: the type names are too long for aligned columns. */
const NimbusCalcParam *nimbus_sqs_visibility_params (guint *n_params);
void nimbus_sqs_visibility_input_init (NimbusSqsVisibilityInput *input);
gboolean nimbus_sqs_visibility_parse (NimbusSqsVisibilityInput  *input,
                                      const char                *name,
                                      const char                *text,
                                      GError                   **error);
NimbusSqsVisibility *nimbus_sqs_visibility_compute (const NimbusSqsVisibilityInput  *input,
                                                    GError                         **error);
void nimbus_sqs_visibility_free (NimbusSqsVisibility *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusSqsVisibility, nimbus_sqs_visibility_free)

G_END_DECLS
