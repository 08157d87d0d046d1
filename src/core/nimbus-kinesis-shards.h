/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

#include "nimbus-calc.h"

G_BEGIN_DECLS

/* Kinesis Data Streams shard quotas (data/kb/kinesis.json, "shards" and "consumers-and-kcl"). */
#define NIMBUS_KINESIS_SHARD_WRITE_MB 1.0
#define NIMBUS_KINESIS_SHARD_WRITE_RECORDS 1000.0
#define NIMBUS_KINESIS_SHARD_READ_MB 2.0
#define NIMBUS_KINESIS_MAX_FAN_OUT_CONSUMERS 20
#define NIMBUS_KINESIS_MAX_CONSUMERS 1000
#define NIMBUS_KINESIS_MAX_RATE 1e9

typedef struct
{
  double write_mb;           /* MB written per second; NAN until given */
  double records;            /* records written per second; NAN until given */
  double consumers;          /* consumer applications, each reading everything written */
  gboolean fan_out;          /* enhanced fan-out: 2 MB/s per shard for each consumer */
} NimbusKinesisShardsInput;

typedef struct
{
  NimbusKinesisShardsInput input;
  double write_need;         /* shards for the MB written, not rounded */
  double records_need;       /* shards for the records written, not rounded */
  double read_need;          /* shards for the reads, not rounded */
  guint64 write_shards;
  guint64 records_shards;
  guint64 read_shards;
  guint64 shards;            /* the result: the most of the three, at least 1 */
  const char *unit;          /* "shards" */
  char *working;
} NimbusKinesisShards;

const NimbusCalcParam *nimbus_kinesis_shards_params      (guint                          *n_params);
void                   nimbus_kinesis_shards_input_init  (NimbusKinesisShardsInput       *input);
gboolean               nimbus_kinesis_shards_parse       (NimbusKinesisShardsInput       *input,
                                                          const char                     *name,
                                                          const char                     *text,
                                                          GError                        **error);
NimbusKinesisShards   *nimbus_kinesis_shards_compute     (const NimbusKinesisShardsInput *input,
                                                          GError                        **error);
void                   nimbus_kinesis_shards_free        (NimbusKinesisShards            *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NimbusKinesisShards, nimbus_kinesis_shards_free)

G_END_DECLS
