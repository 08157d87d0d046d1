/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

/* DynamoDB capacity cases, worked out by hand from the rules in the AWS documentation
 * ("Read/write capacity mode", "Read consumption"): a read unit is one strongly consistent
 * read per second of up to 4 KB, eventual half, transactional double; a write unit is one
 * write per second of up to 1 KB, transactional double; sizes round up to 4 KB / 1 KB,
 * totals up to a whole unit. Shared by the core, CLI and widget tests, which must agree. */

typedef struct
{
  const char *op;
  const char *consistency;
  const char *item_size_kb;
  const char *rate;
  const char *units_per_item;
  unsigned long long units;
  const char *working;
} CapacityCase;

static const CapacityCase capacity_cases[] = {
  /* The contract's example and its siblings: 10 KB is 3 blocks of 4 KB, or 10 of 1 KB. */
  { "read", "strong", "10", "10", "3", 30,
    "10 KB -> 3 blocks of 4 KB -> 3 RCU per read x 10 per second = 30 RCU" },
  { "read", "eventual", "10", "10", "1.5", 15,
    "10 KB -> 3 blocks of 4 KB -> half for eventual consistency -> 1.5 RCU per read x 10 per "
    "second = 15 RCU" },
  { "read", "transactional", "10", "10", "6", 60,
    "10 KB -> 3 blocks of 4 KB -> twice for a transaction -> 6 RCU per read x 10 per second = 60 "
    "RCU" },
  { "write", "standard", "10", "10", "10", 100,
    "10 KB -> 10 blocks of 1 KB -> 10 WCU per write x 10 per second = 100 WCU" },
  { "write", "transactional", "10", "10", "20", 200,
    "10 KB -> 10 blocks of 1 KB -> twice for a transaction -> 20 WCU per write x 10 per second = "
    "200 WCU" },
  /* The documentation's 8 KB item: 2 units strong, 1 eventual, 4 transactional. */
  { "read", "strong", "8", "1", "2", 2, NULL },
  { "read", "eventual", "8", "1", "1", 1, NULL },
  { "read", "transactional", "8", "1", "4", 4, NULL },
  /* Exactly 4 KB is one block; one byte more (4 + 1/1024 KB) is two. */
  { "read", "strong", "4", "1", "1", 1,
    "4 KB -> 1 block of 4 KB -> 1 RCU per read x 1 per second = 1 RCU" },
  { "read", "strong", "4.0009765625", "1", "2", 2, NULL },
  { "write", "standard", "1", "1", "1", 1, NULL },
  { "write", "standard", "1.0009765625", "1", "2", 2, NULL },
  /* Half a KB still costs a whole block. */
  { "read", "strong", "0.5", "1", "1", 1, NULL },
  { "write", "standard", "0.5", "1", "1", 1, NULL },
  { "write", "transactional", "1.5", "1", "4", 4, NULL },
  /* The total rounds up to a whole unit: 0.5 RCU x 1 = 1, 0.5 x 3 = 2, 1 WCU x 0.4 = 1. */
  { "read", "eventual", "4", "1", "0.5", 1, NULL },
  { "read", "eventual", "4", "3", "0.5", 2, NULL },
  { "write", "standard", "1", "0.4", "1", 1, NULL },
  { "read", "strong", "4.5", "0.4", "2", 1, NULL },
  /* The 400 KB item limit. */
  { "read", "strong", "400", "1", "100", 100, NULL },
  { "read", "eventual", "400", "1", "50", 50, NULL },
  { "write", "standard", "400", "1", "400", 400, NULL },
  { "write", "transactional", "400", "2.5", "800", 2000, NULL },
  /* Any positive demand costs at least a whole unit, however small; demand above a whole
   * number is never rounded away; a product that is a whole number in decimals stays it. */
  { "read", "strong", "0.000001", "1", "1", 1, NULL },
  { "write", "standard", "1", "0.000000001", "1", 1, NULL },
  { "read", "eventual", "0.000001", "0.000001", "0.5", 1, NULL },
  { "read", "strong", "10", "10.0000000001", "3", 31, NULL },
  { "write", "standard", "1", "1000000.000001", "1", 1000001, NULL },
  { "write", "standard", "70", "0.1", "70", 7, NULL },
  { "read", "strong", "12", "0.7", "3", 3, NULL },
  /* Many small reads. */
  { "read", "eventual", "1", "1000", "0.5", 500, NULL },
  { "read", "strong", "3.5", "150", "1", 150, NULL },
};

/* Inputs that must be refused, each with the pairing and values around it valid. */
static const char * const capacity_bad_sizes[] = {
  "0", "-1", "-0.5", "400.0009765625", "401", "nan", "NaN", "inf", "-inf", "infinity", "abc",
  "", " 4", "4 ", "4KB", "1e999", "0x10", "4,5",
};

static const char * const capacity_bad_rates[] = {
  "0", "-10", "nan", "inf", "ten", "", "1e13",
};

static const char * const capacity_bad_pairings[][2] = {
  { "read", "standard" },
  { "write", "strong" },
  { "write", "eventual" },
  { "delete", "strong" },
  { "read", "strongly" },
};
