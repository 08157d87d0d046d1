/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

/* Exam-maths cases worked out by hand from the rules in the AWS documentation, each with
 * its boundaries and roundings. Shared by the core and CLI tests, which must agree. Inputs
 * are text, as a student types them; NULL leaves a parameter at its default. */

typedef struct
{
  const char *name;     /* the parameter, as its option is spelt */
  const char *text;
} CalcBadValue;

/* Kinesis Data Streams: a shard takes 1 MB/s or 1,000 records/s of writes and gives
 * 2 MB/s of reads, shared by standard consumers or to each enhanced fan-out consumer. */
typedef struct
{
  const char *write_mb;
  const char *records;
  const char *consumers;
  const char *fan_out;
  unsigned long long write_shards;
  unsigned long long records_shards;
  unsigned long long read_shards;
  unsigned long long shards;
  const char *working;
} KinesisCase;

static const KinesisCase kinesis_cases[] = {
  /* The knowledge base's sizing example: 5 MB/s in, three applications reading everything. */
  { "5", "1000", "3", NULL, 5, 1, 8, 8,
    "Writes: 5 MB/s / 1 MB/s per shard = 5 shards\n"
    "Records: 1000 records/s / 1000 records/s per shard = 1 shard\n"
    "Reads: 3 consumers x 5 MB/s = 15 MB/s, shared at 2 MB/s per shard = 8 shards (7.5 rounded up)\n"
    "Shards: the most of the three = 8" },
  { "5", "1000", "3", "yes", 5, 1, 3, 5,
    "Writes: 5 MB/s / 1 MB/s per shard = 5 shards\n"
    "Records: 1000 records/s / 1000 records/s per shard = 1 shard\n"
    "Reads: enhanced fan-out gives each of the 3 consumers its own 2 MB/s per shard: 5 MB/s / 2 MB/s = 3 shards (2.5 rounded up)\n"
    "Shards: the most of the three = 5" },
  { "5", "1000", "3", "no", 5, 1, 8, 8, NULL },
  /* Exactly 1 MB/s and 1,000 records/s fit one shard; a little more needs two. */
  { "1", "1000", NULL, NULL, 1, 1, 1, 1,
    "Writes: 1 MB/s / 1 MB/s per shard = 1 shard\n"
    "Records: 1000 records/s / 1000 records/s per shard = 1 shard\n"
    "Reads: 1 consumer x 1 MB/s = 1 MB/s, shared at 2 MB/s per shard = 1 shard (0.5 rounded up)\n"
    "Shards: the most of the three = 1" },
  { "1.001", "1000", NULL, NULL, 2, 1, 1, 2, NULL },
  { "1", "1001", NULL, NULL, 1, 2, 1, 2, NULL },
  { "2", "2000", "1", NULL, 2, 2, 1, 2, NULL },
  /* Many small records: the record count decides (0.5 MB/s, 4,500 records/s). */
  { "0.5", "4500", NULL, NULL, 1, 5, 1, 5, NULL },
  /* Shared reads decide: 1 MB/s read by 5 applications is 5 MB/s out, 2.5 shards. */
  { "1", "10", "5", NULL, 1, 1, 3, 3, NULL },
  { "1", "10", "5", "yes", 1, 1, 1, 1, NULL },
  /* Exactly 2 MB/s of reads per shard: 2 consumers of 1 MB/s, 4 of 2 MB/s. */
  { "1", "1", "2", NULL, 1, 1, 1, 1, NULL },
  { "2", "1", "4", NULL, 2, 1, 4, 4, NULL },
  /* Decimals that land just above a whole number: 0.1 x 20 = 2.0000000000000004 MB/s. */
  { "0.1", "1", "20", NULL, 1, 1, 1, 1, NULL },
  { "0.7", "1", "10", NULL, 1, 1, 4, 4, NULL },
  /* The most enhanced fan-out consumers a stream registers. */
  { "10", "1", "20", "yes", 10, 1, 5, 10, NULL },
  /* Any positive load needs a shard. */
  { "0.000001", "0.001", NULL, NULL, 1, 1, 1, 1, NULL },
  /* A big stream. */
  { "200", "150000", "2", NULL, 200, 150, 200, 200, NULL },
};

/* Each refused with every other parameter valid (--write-mb 1 --records 1). */
static const CalcBadValue kinesis_bad_values[] = {
  { "write-mb", "0" }, { "write-mb", "-1" }, { "write-mb", "nan" }, { "write-mb", "inf" },
  { "write-mb", "0x10" }, { "write-mb", " 1" }, { "write-mb", "1 " }, { "write-mb", "" },
  { "write-mb", "1e10" }, { "write-mb", "1e999" }, { "write-mb", "one" }, { "write-mb", "1,5" },
  { "records", "0" }, { "records", "-1000" }, { "records", "NaN" }, { "records", "infinity" },
  { "records", "1e10" }, { "records", "" },
  { "consumers", "0" }, { "consumers", "1.5" }, { "consumers", "-2" }, { "consumers", "1001" },
  { "consumers", "two" },
  { "fan-out", "maybe" }, { "fan-out", "YES" }, { "fan-out", "" }, { "fan-out", "1" },
};
