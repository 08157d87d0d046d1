/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NIMBUS_CACHE_LAZY_LOADING,
  NIMBUS_CACHE_WRITE_THROUGH,
} NimbusCacheStrategy;

typedef enum
{
  NIMBUS_CACHE_READ,
  NIMBUS_CACHE_WRITE,
  NIMBUS_CACHE_WAIT,       /* time passes */
  NIMBUS_CACHE_RESTART,    /* the cache node restarts, empty */
} NimbusCacheEventType;

typedef struct
{
  NimbusCacheEventType type;
  char key;                /* 'A'..'Z' for reads and writes */
  guint seconds;           /* for waits */
} NimbusCacheEvent;

/* What one event did. */
typedef enum
{
  NIMBUS_CACHE_HIT,              /* served from the cache, current */
  NIMBUS_CACHE_STALE_HIT,        /* served from the cache, older than the database */
  NIMBUS_CACHE_MISS_FILL,        /* not cached: read from the database, then cached */
  NIMBUS_CACHE_MISS,             /* not cached: read from the database, not cached */
  NIMBUS_CACHE_WRITE_DB,         /* written to the database only */
  NIMBUS_CACHE_WRITE_BOTH,       /* written to the database and the cache */
  NIMBUS_CACHE_TIME_PASSED,      /* time passed, entries may have expired */
  NIMBUS_CACHE_RESTARTED,        /* the cache lost every entry */
} NimbusCacheOutcome;

#define NIMBUS_CACHE_N_KEYS 26

typedef struct
{
  guint hits;
  guint misses;
  guint stale_reads;
  guint db_reads;
  guint db_writes;
  guint cache_writes;
  guint cache_writes_never_read;   /* written to the cache and not read since */
} NimbusCacheCounts;

typedef struct
{
  NimbusCacheEvent event;
  NimbusCacheOutcome outcome;
  guint expired;                   /* entries the TTL removed during this step */
  int cache_version;               /* of the key after the step; 0: not cached */
  int db_version;                  /* of the key after the step; 0: never written */
  NimbusCacheCounts counts;        /* running totals after the step */
} NimbusCacheStep;

/* A cache in front of a database, driven one event at a time. Values are versions: a
 * key's first value is version 1, each write makes the next. */
typedef struct
{
  NimbusCacheStrategy strategy;
  guint ttl;                       /* seconds; 0: entries never expire */
  guint now;                       /* seconds since the start */
  int db[NIMBUS_CACHE_N_KEYS];
  int cache[NIMBUS_CACHE_N_KEYS];  /* 0: not cached */
  guint expires[NIMBUS_CACHE_N_KEYS];
  gboolean read_since_write[NIMBUS_CACHE_N_KEYS];
  NimbusCacheCounts counts;
} NimbusCacheSim;

void        nimbus_cache_sim_init        (NimbusCacheSim         *sim,
                                          NimbusCacheStrategy     strategy,
                                          guint                   ttl);
gboolean    nimbus_cache_sim_step        (NimbusCacheSim         *sim,
                                          const NimbusCacheEvent *event,
                                          NimbusCacheStep        *step);
char       *nimbus_cache_step_describe   (const NimbusCacheStep  *step);
const char *nimbus_cache_outcome_label   (NimbusCacheOutcome      outcome);

/* Preset scenarios for the diagram. */
typedef enum
{
  NIMBUS_CACHE_SCENARIO_READ_HEAVY,
  NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ,
  NIMBUS_CACHE_SCENARIO_NODE_FAILURE,
} NimbusCacheScenario;

#define NIMBUS_CACHE_N_SCENARIOS 3

const NimbusCacheEvent *nimbus_cache_scenario_events (NimbusCacheScenario scenario,
                                                      guint              *n_events);
const char             *nimbus_cache_scenario_name   (NimbusCacheScenario scenario);

G_END_DECLS
