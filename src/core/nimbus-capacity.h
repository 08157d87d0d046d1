/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NIMBUS_CAPACITY_ERROR (nimbus_capacity_error_quark ())

typedef enum
{
  NIMBUS_CAPACITY_ERROR_INVALID,
} NimbusCapacityError;

typedef enum
{
  NIMBUS_CAPACITY_READ,
  NIMBUS_CAPACITY_WRITE,
} NimbusCapacityOp;

typedef enum
{
  NIMBUS_CONSISTENCY_STRONG,          /* reads */
  NIMBUS_CONSISTENCY_EVENTUAL,        /* reads */
  NIMBUS_CONSISTENCY_TRANSACTIONAL,   /* reads and writes */
  NIMBUS_CONSISTENCY_STANDARD,        /* writes */
} NimbusConsistency;

/* Item sizes are in KB of 1024 bytes; DynamoDB items are at most 400 KB. */
#define NIMBUS_CAPACITY_MAX_ITEM_KB 400.0
#define NIMBUS_CAPACITY_MAX_RATE 1e12

/* The DynamoDB capacity one access pattern needs, with the steps that give it. */
typedef struct
{
  NimbusCapacityOp op;
  NimbusConsistency consistency;
  double item_size_kb;
  double rate;               /* items per second */
  guint block_kb;            /* 4 for reads, 1 for writes */
  guint blocks;              /* blocks per item, rounded up */
  double units_per_item;     /* capacity units one operation costs (0.5 steps for reads) */
  guint64 units;             /* provisioned units per second, rounded up */
  double request_units;      /* on-demand request units per second, not rounded */
} NimbusCapacity;

GQuark       nimbus_capacity_error_quark        (void);
gboolean     nimbus_capacity_compute            (NimbusCapacityOp    op,
                                                 NimbusConsistency   consistency,
                                                 double              item_size_kb,
                                                 double              rate,
                                                 NimbusCapacity     *result,
                                                 GError            **error);
gboolean     nimbus_capacity_parse_number       (const char         *text,
                                                 double             *value);
gboolean     nimbus_capacity_op_from_string     (const char         *str,
                                                 NimbusCapacityOp   *op);
gboolean     nimbus_consistency_from_string     (const char         *str,
                                                 NimbusConsistency  *consistency);
gboolean     nimbus_capacity_pairing_is_valid   (NimbusCapacityOp    op,
                                                 NimbusConsistency   consistency);
const char  *nimbus_capacity_unit               (const NimbusCapacity *result);
const char  *nimbus_capacity_request_unit       (const NimbusCapacity *result);
char        *nimbus_capacity_format_number      (double              value);
char        *nimbus_capacity_dup_working        (const NimbusCapacity *result);

G_END_DECLS
