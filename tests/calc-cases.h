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
    "Reads: 3 consumers x 5 MB/s = 15 MB/s, shared at 2 MB/s per shard = 8 shards (7.5 rounded "
    "up)\n"
    "Shards: the most of the three = 8" },
  { "5", "1000", "3", "yes", 5, 1, 3, 5,
    "Writes: 5 MB/s / 1 MB/s per shard = 5 shards\n"
    "Records: 1000 records/s / 1000 records/s per shard = 1 shard\n"
    "Reads: enhanced fan-out gives each of the 3 consumers its own 2 MB/s per shard: 5 MB/s / 2 "
    "MB/s = 3 shards (2.5 rounded up)\n"
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

/* Lambda: concurrency = requests per second x average seconds, rounded up; the limit is
 * the reserved concurrency, else the account's (1,000 by default), and reservations leave
 * 100 unreserved; each function adds 1,000 environments every 10 seconds, the first 1,000
 * at once. */
typedef struct
{
  const char *rate;
  const char *duration;
  const char *account_limit;
  const char *reserved;
  const char *provisioned;
  unsigned long long needed;
  unsigned long long limit;
  int throttled;
  long long headroom;
  double throttled_rate;
  unsigned long long scaling_seconds;
  const char *working;
} LambdaCase;

static const LambdaCase lambda_cases[] = {
  /* The knowledge base's example: 200 requests/s lasting 0.5 s need 100. */
  { "200", "0.5", NULL, NULL, NULL, 100, 1000, 0, 900, 0, 0,
    "Concurrency: 200 requests/s x 0.5 s = 100 concurrent executions\n"
    "Limit: the account’s 1000 concurrent executions per Region, shared by its functions without "
    "reserved concurrency\n"
    "Headroom: 1000 - 100 = 900 concurrent executions to spare: no throttling\n"
    "Scaling from zero: 1000 new environments every 10 seconds per function, the first 1000 at "
    "once: 100 on demand come at once" },
  /* Exactly at the account limit is not throttled; one more is. */
  { "1000", "1", NULL, NULL, NULL, 1000, 1000, 0, 0, 0, 0, NULL },
  { "1001", "1", NULL, NULL, NULL, 1001, 1000, 1, -1, 1, 0, NULL },
  { "2400", "0.5", NULL, NULL, NULL, 1200, 1000, 1, -200, 400, 0,
    "Concurrency: 2400 requests/s x 0.5 s = 1200 concurrent executions\n"
    "Limit: the account’s 1000 concurrent executions per Region, shared by its functions without "
    "reserved concurrency\n"
    "Throttled: 1200 needed > 1000 available, about 400 requests per second refused: synchronous "
    "callers get 429 TooManyRequestsException, asynchronous events stay in Lambda’s queue and are "
    "retried\n"
    "Scaling from zero: 1000 new environments every 10 seconds per function, the first 1000 at "
    "once: 1000 on demand come at once" },
  /* A fraction of an environment is a whole one; a product of decimals just above a whole
   * number is not (30 x 0.1 = 3.0000000000000004). */
  { "10", "0.15", NULL, NULL, NULL, 2, 1000, 0, 998, 0, 0,
    "Concurrency: 10 requests/s x 0.15 s = 1.5, rounded up to 2 concurrent executions\n"
    "Limit: the account’s 1000 concurrent executions per Region, shared by its functions without "
    "reserved concurrency\n"
    "Headroom: 1000 - 2 = 998 concurrent executions to spare: no throttling\n"
    "Scaling from zero: 1000 new environments every 10 seconds per function, the first 1000 at "
    "once: 2 on demand come at once" },
  { "30", "0.1", NULL, NULL, NULL, 3, 1000, 0, 997, 0, 0, NULL },
  { "0.001", "0.001", NULL, NULL, NULL, 1, 1000, 0, 999, 0, 0, NULL },
  /* Reserved concurrency is a cap: 120 requests/s of 0.5 s need 60, 50 reserved serve 100/s. */
  { "120", "0.5", NULL, "50", NULL, 60, 50, 1, -10, 20, 0,
    "Concurrency: 120 requests/s x 0.5 s = 60 concurrent executions\n"
    "Limit: the function’s reserved concurrency, 50 (at most 900 of the account’s 1000, which "
    "keeps 100 unreserved)\n"
    "Throttled: 60 needed > 50 available, about 20 requests per second refused: synchronous "
    "callers get 429 TooManyRequestsException, asynchronous events stay in Lambda’s queue and are "
    "retried\n"
    "Scaling from zero: 1000 new environments every 10 seconds per function, the first 1000 at "
    "once: 50 on demand come at once" },
  /* The most that can be reserved is the account limit less 100; 0 stops the function. */
  { "900", "1", NULL, "900", NULL, 900, 900, 0, 0, 0, 0, NULL },
  { "10", "1", NULL, "0", NULL, 10, 0, 1, -10, 10, 0, NULL },
  /* Scaling from zero: 2,500 take 20 s, 5,000 take 40 s, 1,001 take 10 s. */
  { "1250", "2", "3000", NULL, NULL, 2500, 3000, 0, 500, 0, 20, NULL },
  { "2500", "2", "5000", NULL, NULL, 5000, 5000, 0, 0, 0, 40, NULL },
  { "1001", "1", "2000", NULL, NULL, 1001, 2000, 0, 999, 0, 10, NULL },
  /* Provisioned environments are ready: 1,500 more on demand take 10 s. */
  { "1250", "2", "3000", NULL, "1000", 2500, 3000, 0, 500, 0, 10,
    "Concurrency: 1250 requests/s x 2 s = 2500 concurrent executions\n"
    "Limit: the account’s 3000 concurrent executions per Region, shared by its functions without "
    "reserved concurrency\n"
    "Headroom: 3000 - 2500 = 500 concurrent executions to spare: no throttling\n"
    "Provisioned: 1000 environments are initialised in advance and serve without cold starts\n"
    "Scaling from zero: 1000 new environments every 10 seconds per function, the first 1000 at "
    "once: 1500 on demand take 10 seconds" },
  { "100", "1", NULL, "200", "200", 100, 200, 0, 100, 0, 0, NULL },
  /* Throttled while scaling only up to the limit: 12,000 needed, 10,000 allowed, 90 s. */
  { "12000", "1", "10000", NULL, NULL, 12000, 10000, 1, -2000, 2000, 90, NULL },
  /* The longest duration, 900 seconds. */
  { "1", "900", NULL, NULL, NULL, 900, 1000, 0, 100, 0, 0, NULL },
};

/* Each refused with --rate 1 --duration 1 otherwise. */
static const CalcBadValue lambda_bad_values[] = {
  { "rate", "0" }, { "rate", "-5" }, { "rate", "nan" }, { "rate", "inf" }, { "rate", "0x10" },
  { "rate", " 1" }, { "rate", "" }, { "rate", "1e10" }, { "rate", "fast" },
  { "duration", "0" }, { "duration", "-0.5" }, { "duration", "901" }, { "duration", "NaN" },
  { "duration", "1s" },
  { "account-limit", "0" }, { "account-limit", "1000.5" }, { "account-limit", "-1" },
  { "account-limit", "1e8" }, { "account-limit", "inf" },
  { "reserved", "-1" }, { "reserved", "1.5" }, { "reserved", "901" }, { "reserved", "nan" },
  { "reserved", "" },
  { "provisioned", "-1" }, { "provisioned", "0.5" }, { "provisioned", "901" },
  { "provisioned", "1e999" },
};

/* Refused together: parameters that are valid alone. */
static const struct { const char *named; const char *reserved; const char *provisioned;
                      const char *account_limit; } lambda_bad_pairs[] = {
  { "--provisioned", "10", "11", NULL },
  { "--reserved", "1901", NULL, "2000" },
  { "--reserved", "0", NULL, "50" },
  { "--provisioned", NULL, "100", "100" },
};

/* EBS gp2: 3 IOPS per GiB, at least 100, at most 16,000; under 1,000 GiB a volume bursts
 * to 3,000 IOPS from 5.4 million credits, lasting credits / (burst - baseline) seconds.
 * gp3: 3,000 IOPS and 125 MiB/s included, up to 80,000 IOPS (500 per GiB) and 2,000 MiB/s
 * (0.25 MiB/s per IOPS). */
typedef struct
{
  const char *size;
  const char *iops;
  const char *throughput;
  double baseline;
  int meets;
  int bursts;
  double burst_seconds;
  double gp3_iops;
  double gp3_throughput;
  int gp3_fits;
  const char *working;
} EbsCase;

static const EbsCase ebs_cases[] = {
  /* The minimum: 33.33 GiB would give 99.99 IOPS. */
  { "33.33", "100", NULL, 100, 1, 0, 0, 3000, 125, 1,
    "gp2 baseline: 3 IOPS x 33.33 GiB = 99.99, raised to the minimum of 100 IOPS\n"
    "gp2 at 100 IOPS: the baseline covers it, no burst needed\n"
    "gp3: 3000 IOPS and 125 MiB/s included; configure 3000 IOPS and 125 MiB/s" },
  { "33.34", "100", NULL, 100.02, 1, 0, 0, 3000, 125, 1, NULL },
  /* The smallest volume bursting: 5,400,000 / 2,900 = 1,862 s, about 31 minutes. */
  { "1", "3000", NULL, 100, 0, 1, 5400000.0 / 2900, 3000, 125, 1,
    "gp2 baseline: 3 IOPS x 1 GiB = 3, raised to the minimum of 100 IOPS\n"
    "gp2 at 3000 IOPS: bursts, as volumes under 1000 GiB do; a full bucket of 5400000 I/O credits "
    "lasts 5400000 / (3000 - 100) = 1862.069 seconds (31 minutes), then 100 IOPS\n"
    "gp3: 3000 IOPS and 125 MiB/s included; configure 3000 IOPS and 125 MiB/s" },
  { "100", "3000", NULL, 300, 0, 1, 2000, 3000, 125, 1, NULL },
  { "500", "2000", NULL, 1500, 0, 1, 10800, 3000, 125, 1, NULL },
  /* Exactly the baseline needs no burst; one IOPS more drains a bucket in 5.4 million s. */
  { "100", "300", NULL, 300, 1, 0, 0, 3000, 125, 1, NULL },
  { "100", "301", NULL, 300, 0, 1, 5400000, 3000, 125, 1, NULL },
  /* The last size that bursts, 999 GiB, and 1,000 GiB, whose baseline is 3,000. */
  { "999", "3000", NULL, 2997, 0, 1, 1800000, 3000, 125, 1, NULL },
  { "1000", "3000", NULL, 3000, 1, 0, 0, 3000, 125, 1, NULL },
  { "1000", "4000", NULL, 3000, 0, 0, 0, 4000, 125, 1,
    "gp2 baseline: 3 IOPS x 1000 GiB = 3000 IOPS\n"
    "gp2 at 4000 IOPS: above the baseline, and volumes of 1000 GiB or more do not burst: gp2 falls "
    "short\n"
    "gp3: 3000 IOPS and 125 MiB/s included; configure 4000 IOPS and 125 MiB/s" },
  /* Above the burst level: gp2 bursts to 3,000 only. */
  { "100", "5000", NULL, 300, 0, 1, 2000, 5000, 125, 1,
    "gp2 baseline: 3 IOPS x 100 GiB = 300 IOPS\n"
    "gp2 at 5000 IOPS: above the 3000 IOPS it can burst to; bursting to 3000, a full bucket of "
    "5400000 I/O credits lasts 5400000 / (3000 - 300) = 2000 seconds (33.3 minutes), then 300 "
    "IOPS\n"
    "gp3: 3000 IOPS and 125 MiB/s included; configure 5000 IOPS and 125 MiB/s" },
  /* The maximum: reached at 5,334 GiB (16,002), not quite at 5,333 (15,999). */
  { "5334", "16000", NULL, 16000, 1, 0, 0, 16000, 125, 1,
    "gp2 baseline: 3 IOPS x 5334 GiB = 16002, capped at the maximum of 16000 IOPS\n"
    "gp2 at 16000 IOPS: the baseline covers it, no burst needed\n"
    "gp3: 3000 IOPS and 125 MiB/s included; configure 16000 IOPS and 125 MiB/s" },
  { "5333", "16000", NULL, 15999, 0, 0, 0, 16000, 125, 1, NULL },
  { "16384", "20000", NULL, 16000, 0, 0, 0, 20000, 125, 1, NULL },
  /* gp3 gives at most 500 IOPS per GiB: 4,000 at 8 GiB; 80,000 from 160 GiB. */
  { "8", "5000", NULL, 100, 0, 1, 5400000.0 / 2900, 5000, 125, 0,
    "gp2 baseline: 3 IOPS x 8 GiB = 24, raised to the minimum of 100 IOPS\n"
    "gp2 at 5000 IOPS: above the 3000 IOPS it can burst to; bursting to 3000, a full bucket of "
    "5400000 I/O credits lasts 5400000 / (3000 - 100) = 1862.069 seconds (31 minutes), then 100 "
    "IOPS\n"
    "gp3: 3000 IOPS and 125 MiB/s included; 5000 IOPS is more than the 4000 IOPS gp3 gives at 8 "
    "GiB (500 per GiB, at most 80000)" },
  { "10", "5000", NULL, 100, 0, 1, 5400000.0 / 2900, 5000, 125, 1, NULL },
  { "160", "80000", NULL, 480, 0, 1, 5400000.0 / 2520, 80000, 125, 1, NULL },
  { "1000", "80001", NULL, 3000, 0, 0, 0, 80001, 125, 0, NULL },
  /* gp3 throughput: 125 MiB/s included, 750 with the included 3,000 IOPS, 1,000 needs 4,000
   * IOPS, 2,000 is the most (and needs 8,000 IOPS, so 16 GiB). */
  { "100", "3000", "125", 300, 0, 1, 2000, 3000, 125, 1, NULL },
  { "100", "3000", "750", 300, 0, 1, 2000, 3000, 750, 1, NULL },
  { "100", "3000", "1000", 300, 0, 1, 2000, 4000, 1000, 1,
    "gp2 baseline: 3 IOPS x 100 GiB = 300 IOPS\n"
    "gp2 at 3000 IOPS: bursts, as volumes under 1000 GiB do; a full bucket of 5400000 I/O credits "
    "lasts 5400000 / (3000 - 300) = 2000 seconds (33.3 minutes), then 300 IOPS\n"
    "gp3: 3000 IOPS and 125 MiB/s included; configure 4000 IOPS and 1000 MiB/s (1000 MiB/s needs "
    "4000 IOPS, at 0.25 MiB/s per IOPS at most)" },
  { "16", "3000", "2000", 100, 0, 1, 5400000.0 / 2900, 8000, 2000, 1, NULL },
  { "15", "3000", "2000", 100, 0, 1, 5400000.0 / 2900, 8000, 2000, 0, NULL },
  { "100", "3000", "2001", 300, 0, 1, 2000, 8004, 2001, 0, NULL },
};

/* Each refused with --volume-size 100 --iops 3000 otherwise. */
static const CalcBadValue ebs_bad_values[] = {
  { "volume-size", "0" }, { "volume-size", "-100" }, { "volume-size", "16385" },
  { "volume-size", "nan" }, { "volume-size", "inf" }, { "volume-size", "0x64" },
  { "volume-size", "100 " }, { "volume-size", "" }, { "volume-size", "100GiB" },
  { "iops", "0" }, { "iops", "-3000" }, { "iops", "256001" }, { "iops", "NaN" },
  { "iops", "3,000" }, { "iops", "1e999" },
  { "throughput", "0" }, { "throughput", "-125" }, { "throughput", "4001" },
  { "throughput", "inf" }, { "throughput", "" },
};

/* API Gateway: a token bucket of the burst limit (5,000) refilled at the rate limit
 * (10,000 per second); a steady rate within the limit leaves it full for a burst, which
 * gets as many requests through as there are tokens; the rest get 429. Refilling takes
 * what the burst took / (rate limit - steady rate); refill_seconds < 0 means never. */
typedef struct
{
  const char *rate;
  const char *burst;
  const char *rate_limit;
  const char *burst_limit;
  double accepted;
  double throttled;
  double throttled_rate;
  double refill_seconds;
  const char *working;
} ApiCase;

static const ApiCase api_cases[] = {
  /* A burst exactly the bucket's size all gets through; one request more does not. */
  { "1000", "5000", NULL, NULL, 5000, 0, 0, 5000.0 / 9000,
    "Bucket: 5000 tokens (the burst limit), 10000 added per second (the rate limit)\n"
    "Steady rate: 1000 requests/s is within the rate limit, so the bucket is full when the burst "
    "comes\n"
    "Burst: 5000 requests at once, 5000 tokens: 5000 accepted, 0 get 429 Too Many Requests\n"
    "Refill: 5000 tokens / 9000 per second spare = 0.556 seconds" },
  { "1000", "5001", NULL, NULL, 5000, 1, 0, 5000.0 / 9000, NULL },
  { "8000", "6000", NULL, NULL, 5000, 1000, 0, 2.5,
    "Bucket: 5000 tokens (the burst limit), 10000 added per second (the rate limit)\n"
    "Steady rate: 8000 requests/s is within the rate limit, so the bucket is full when the burst "
    "comes\n"
    "Burst: 6000 requests at once, 5000 tokens: 5000 accepted, 1000 get 429 Too Many Requests\n"
    "Refill: 5000 tokens / 2000 per second spare = 2.5 seconds" },
  { "1", "1", NULL, NULL, 1, 0, 0, 1.0 / 9999, NULL },
  /* Exactly at the rate limit the bucket stays full but never refills what a burst takes. */
  { "10000", "100", NULL, NULL, 100, 0, 0, -1,
    "Bucket: 5000 tokens (the burst limit), 10000 added per second (the rate limit)\n"
    "Steady rate: 10000 requests/s is the rate limit: it uses every token added, and the bucket "
    "stays full\n"
    "Burst: 100 requests at once, 5000 tokens: 100 accepted, 0 get 429 Too Many Requests\n"
    "Refill: never, while the steady rate uses every token added" },
  /* Above it the bucket is empty: the steady excess and the whole burst get 429. */
  { "12000", "100", NULL, NULL, 0, 100, 2000, -1,
    "Bucket: 5000 tokens (the burst limit), 10000 added per second (the rate limit)\n"
    "Steady rate: 12000 requests/s is above the rate limit: 2000 requests/s get 429 and the bucket "
    "stays empty\n"
    "Burst: 100 requests at once, 0 tokens: 0 accepted, 100 get 429 Too Many Requests\n"
    "Refill: never, while the steady rate uses every token added" },
  { "10000.5", "1", NULL, NULL, 0, 1, 0.5, -1, NULL },
  /* A usage plan or stage is a smaller bucket: 100 per second, 200 at once. */
  { "50", "300", "100", "200", 200, 100, 0, 4, NULL },
  { "5", "3", "10", "1", 1, 2, 0, 0.2, NULL },
  { "0.5", "1", "2.5", "1", 1, 0, 0, 0.5, NULL },
  { "150", "10", "100", "200", 0, 10, 50, -1, NULL },
};

/* Each refused with --rate 1 --burst 1 otherwise. */
static const CalcBadValue api_bad_values[] = {
  { "rate", "0" }, { "rate", "-1" }, { "rate", "nan" }, { "rate", "inf" }, { "rate", "1e10" },
  { "rate", "" }, { "rate", "0x10" },
  { "burst", "0" }, { "burst", "1.5" }, { "burst", "-1" }, { "burst", "1e10" },
  { "burst", " 5" }, { "burst", "many" },
  { "rate-limit", "0" }, { "rate-limit", "-10000" }, { "rate-limit", "NaN" },
  { "rate-limit", "1e10" }, { "rate-limit", "10k" },
  { "burst-limit", "0" }, { "burst-limit", "2.5" }, { "burst-limit", "-5000" },
  { "burst-limit", "1e10" }, { "burst-limit", "infinity" },
};

/* SQS: a receive hides the message for the visibility timeout (30 s by default, 0 to 12
 * hours); a consumer finishing within it deletes it, just in time when processing equals
 * it. Otherwise it is visible again and received at once by another consumer, a duplicate,
 * until the first consumer's delete. The first `failures` receives end without a delete;
 * with a maxReceiveCount the message goes to the dead-letter queue the next time it would
 * be visible after that many receives. A timeout of 0 without a DLQ never ends (receives
 * 0). The events are each receive, timeout, delete, failure and late finish. */
typedef struct
{
  const char *timeout;
  const char *processing;
  const char *max_receive_count;
  const char *failures;
  unsigned receives;
  unsigned duplicates;
  const char *outcome;
  double outcome_seconds;
  unsigned n_events;
  const char *working;
} SqsCase;

static const SqsCase sqs_cases[] = {
  /* Within the default 30 s: one receive, one delete. */
  { NULL, "20", NULL, NULL, 1, 0, "deleted", 20, 2,
    "Timeout: 30 s against 20 s of processing: 10 s to spare, a consumer deletes the message in "
    "time\n"
    "Receives: 1, no duplicates\n"
    "Outcome: consumer 1 deletes the message at 20 s" },
  /* Processing equal to the timeout: the delete comes first, with no margin. */
  { "30", "30", NULL, NULL, 1, 0, "deleted", 30, 2,
    "Timeout: 30 s against 30 s of processing: no margin, the delete comes just as the timeout "
    "runs out, and a slower run is received again\n"
    "Receives: 1, no duplicates\n"
    "Outcome: consumer 1 deletes the message at 30 s\n"
    "Fix: a visibility timeout above 30 s, or ChangeMessageVisibility to extend it while "
    "processing" },
  { "30", "30.001", NULL, NULL, 2, 1, "deleted", 30.001, 5, NULL },
  /* 70 s of work under a 30 s timeout: received at 0, 30 and 60 s, deleted at 70 s. */
  { NULL, "70", NULL, NULL, 3, 2, "deleted", 70, 8,
    "Timeout: 30 s against 70 s of processing: the message is visible again 40 s before its "
    "consumer finishes, and another consumer receives it\n"
    "Receives: 3, 2 of them duplicates while another consumer was still processing\n"
    "Outcome: consumer 1 deletes the message at 70 s\n"
    "Fix: a visibility timeout above 70 s, or ChangeMessageVisibility to extend it while "
    "processing" },
  /* A multiple of the timeout: the delete at 60 s beats the second timeout. */
  { "30", "60", NULL, NULL, 2, 1, "deleted", 60, 5, NULL },
  /* The same with a DLQ after 2 receives: in the DLQ at 60 s though it was processed. */
  { NULL, "70", "2", NULL, 2, 1, "dead-letter", 60, 7,
    "Timeout: 30 s against 70 s of processing: the message is visible again 40 s before its "
    "consumer finishes, and another consumer receives it\n"
    "Receives: 2, 1 of them a duplicate while another consumer was still processing\n"
    "Outcome: moved to the dead-letter queue at 60 s after 2 receives (maxReceiveCount), though "
    "consumer 1 processed it: its delete came too late\n"
    "Fix: a visibility timeout above 70 s, or ChangeMessageVisibility to extend it while "
    "processing" },
  /* maxReceiveCount 1: one failure is enough for the DLQ; a success is deleted. */
  { NULL, "10", "1", "1", 1, 0, "dead-letter", 30, 4,
    "Timeout: 30 s against 10 s of processing: 20 s to spare, a consumer deletes the message in "
    "time\n"
    "Failures: the first receive ends without DeleteMessage, and the retry waits for its timeout "
    "to run out\n"
    "Receives: 1, no duplicates\n"
    "Outcome: moved to the dead-letter queue at 30 s after 1 receive (maxReceiveCount), which "
    "failed" },
  { NULL, "10", "1", "0", 1, 0, "deleted", 10, 2, NULL },
  /* Retries wait for the timeout: two failures, then consumer 3 deletes at 60 + 10 s. */
  { "30", "10", "3", "2", 3, 0, "deleted", 70, 8,
    "Timeout: 30 s against 10 s of processing: 20 s to spare, a consumer deletes the message in "
    "time\n"
    "Failures: the first 2 receives end without DeleteMessage, and each retry waits for the "
    "timeout to run out\n"
    "Receives: 3, no duplicates\n"
    "Outcome: consumer 3 deletes the message at 70 s" },
  { "30", "10", "3", "3", 3, 0, "dead-letter", 90, 10, NULL },
  { "30", "10", NULL, "1", 2, 0, "deleted", 40, 5, NULL },
  /* The 12-hour maximum covers 12 hours of work, not a second more. */
  { "43200", "43200", NULL, NULL, 1, 0, "deleted", 43200, 2, NULL },
  { "43200", "43200.5", NULL, NULL, 2, 1, "deleted", 43200.5, 5,
    "Timeout: 43200 s against 43200.5 s of processing: the message is visible again 0.5 s before "
    "its consumer finishes, and another consumer receives it\n"
    "Receives: 2, 1 of them a duplicate while another consumer was still processing\n"
    "Outcome: consumer 1 deletes the message at 43200.5 s\n"
    "Fix: no timeout covers it, the most being 12 hours (43200 s): split the work into smaller "
    "messages" },
  /* A timeout of 0: visible again at once; without a DLQ every poll gets it. */
  { "0", "5", NULL, NULL, 0, 0, "endless", 5, 7,
    "Timeout: 0 s, so a received message is visible again at once, while its consumer takes 5 s\n"
    "Receives: without end, each poll gets another copy while the consumers work\n"
    "Outcome: consumer 1 deletes the message at 5 s\n"
    "Fix: a visibility timeout above 5 s, or ChangeMessageVisibility to extend it while "
    "processing" },
  { "0", "5", "1", NULL, 1, 0, "dead-letter", 0, 4, NULL },
  { "0", "5", "3", NULL, 3, 2, "dead-letter", 0, 10, NULL },
  /* The most of everything: 1,000 receives 1 s apart, each failing. */
  { "1", "10", "1000", "1000", 1000, 999, "dead-letter", 1000, 3001, NULL },
};

/* Each refused with --processing 10 otherwise. */
static const CalcBadValue sqs_bad_values[] = {
  { "visibility-timeout", "-1" }, { "visibility-timeout", "1.5" },
  { "visibility-timeout", "43201" }, { "visibility-timeout", "nan" },
  { "visibility-timeout", "inf" }, { "visibility-timeout", "" },
  { "visibility-timeout", "30s" }, { "visibility-timeout", "0x1e" },
  { "processing", "0" }, { "processing", "-1" }, { "processing", "86401" },
  { "processing", "NaN" }, { "processing", " 5" }, { "processing", "" },
  { "max-receive-count", "0" }, { "max-receive-count", "1001" },
  { "max-receive-count", "1.5" }, { "max-receive-count", "-1" },
  { "max-receive-count", "none" },
  { "failures", "-1" }, { "failures", "0.5" }, { "failures", "1001" }, { "failures", "many" },
};
