/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-cache-sim"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nimbus-cache-sim.h"

/* Lazy loading and write-through as the ElastiCache guide describes them:
 * - lazy loading reads the cache first; on a miss it reads the database and fills the
 *   cache; writes go to the database only, so a cached value can be stale until its TTL
 *   removes it;
 * - write-through writes every change to the database and the cache; a read that misses
 *   (a new or restarted node) reads the database without filling the cache, so the data
 *   stays missing until it is written again, and values written but never read fill the
 *   cache.
 * A TTL removes an entry once it has lived that many seconds. */

static guint
index_of (char key)
{
  return (guint) (key - 'A');
}

void
nimbus_cache_sim_init (NimbusCacheSim      *sim,
                       NimbusCacheStrategy  strategy,
                       guint                ttl)
{
  g_return_if_fail (sim != NULL);

  memset (sim, 0, sizeof *sim);
  sim->strategy = strategy;
  sim->ttl = ttl;

  /* Every key starts in the database at version 1. */
  for (guint i = 0; i < NIMBUS_CACHE_N_KEYS; i++)
    sim->db[i] = 1;
}

static void
cache_put (NimbusCacheSim *sim,
           guint           i,
           int             version)
{
  sim->cache[i] = version;
  sim->expires[i] = sim->ttl > 0 ? sim->now + sim->ttl : 0;
  sim->read_since_write[i] = FALSE;
  sim->counts.cache_writes++;
  sim->counts.cache_writes_never_read++;
}

static void
cache_mark_read (NimbusCacheSim *sim,
                 guint           i)
{
  if (!sim->read_since_write[i])
    {
      sim->read_since_write[i] = TRUE;
      sim->counts.cache_writes_never_read--;
    }
}

static guint
expire (NimbusCacheSim *sim)
{
  guint n = 0;

  for (guint i = 0; i < NIMBUS_CACHE_N_KEYS; i++)
    {
      if (sim->cache[i] != 0 && sim->expires[i] != 0 && sim->now >= sim->expires[i])
        {
          sim->cache[i] = 0;
          n++;
        }
    }

  return n;
}

static void
read_key (NimbusCacheSim  *sim,
          guint            i,
          NimbusCacheStep *step)
{
  if (sim->cache[i] != 0)
    {
      sim->counts.hits++;
      cache_mark_read (sim, i);
      if (sim->cache[i] != sim->db[i])
        {
          sim->counts.stale_reads++;
          step->outcome = NIMBUS_CACHE_STALE_HIT;
        }
      else
        step->outcome = NIMBUS_CACHE_HIT;
      return;
    }

  sim->counts.misses++;
  sim->counts.db_reads++;
  if (sim->strategy == NIMBUS_CACHE_LAZY_LOADING)
    {
      cache_put (sim, i, sim->db[i]);
      /* The value filled is the one being returned: it is read. */
      cache_mark_read (sim, i);
      step->outcome = NIMBUS_CACHE_MISS_FILL;
    }
  else
    step->outcome = NIMBUS_CACHE_MISS;
}

static void
write_key (NimbusCacheSim  *sim,
           guint            i,
           NimbusCacheStep *step)
{
  sim->db[i]++;
  sim->counts.db_writes++;

  if (sim->strategy == NIMBUS_CACHE_WRITE_THROUGH)
    {
      cache_put (sim, i, sim->db[i]);
      step->outcome = NIMBUS_CACHE_WRITE_BOTH;
    }
  else
    step->outcome = NIMBUS_CACHE_WRITE_DB;
}

/* Runs one event; FALSE for an event that makes no sense (a key outside A..Z). */
gboolean
nimbus_cache_sim_step (NimbusCacheSim         *sim,
                       const NimbusCacheEvent *event,
                       NimbusCacheStep        *step)
{
  guint i = 0;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if ((event->type == NIMBUS_CACHE_READ || event->type == NIMBUS_CACHE_WRITE) &&
      (event->key < 'A' || event->key > 'Z'))
    return FALSE;

  memset (step, 0, sizeof *step);
  step->event = *event;
  i = event->key >= 'A' && event->key <= 'Z' ? index_of (event->key) : 0;

  switch (event->type)
    {
    case NIMBUS_CACHE_READ:
      step->expired = expire (sim);
      read_key (sim, i, step);
      break;
    case NIMBUS_CACHE_WRITE:
      step->expired = expire (sim);
      write_key (sim, i, step);
      break;
    case NIMBUS_CACHE_WAIT:
      sim->now += event->seconds;
      step->expired = expire (sim);
      step->outcome = NIMBUS_CACHE_TIME_PASSED;
      break;
    case NIMBUS_CACHE_RESTART:
      memset (sim->cache, 0, sizeof sim->cache);
      step->outcome = NIMBUS_CACHE_RESTARTED;
      break;
    default:
      return FALSE;
    }

  step->cache_version = sim->cache[i];
  step->db_version = sim->db[i];
  step->counts = sim->counts;

  return TRUE;
}

const char *
nimbus_cache_outcome_label (NimbusCacheOutcome outcome)
{
  switch (outcome)
    {
    case NIMBUS_CACHE_HIT: return _("Hit");
    case NIMBUS_CACHE_STALE_HIT: return _("Stale hit");
    case NIMBUS_CACHE_MISS_FILL: return _("Miss, cache filled");
    case NIMBUS_CACHE_MISS: return _("Miss, not cached");
    case NIMBUS_CACHE_WRITE_DB: return _("Database written");
    case NIMBUS_CACHE_WRITE_BOTH: return _("Database and cache written");
    case NIMBUS_CACHE_TIME_PASSED: return _("Time passes");
    case NIMBUS_CACHE_RESTARTED: return _("Cache node restarted");
    default: return "";
    }
}

/* One sentence a student reads beside the diagram. */
char *
nimbus_cache_step_describe (const NimbusCacheStep *step)
{
  char key = step->event.key;

  switch (step->outcome)
    {
    case NIMBUS_CACHE_HIT:
      return g_strdup_printf (_("Read %c: hit. The cache returns v%d, the same as the database."),
                              key, step->cache_version);
    case NIMBUS_CACHE_STALE_HIT:
      return g_strdup_printf (_("Read %c: stale hit. The cache returns v%d, but the database holds "
                                "v%d."),
                              key, step->cache_version, step->db_version);
    case NIMBUS_CACHE_MISS_FILL:
      return g_strdup_printf (_("Read %c: miss. The database returns v%d, and the cache keeps a "
                                "copy."),
                              key, step->db_version);
    case NIMBUS_CACHE_MISS:
      return g_strdup_printf (_("Read %c: miss. The database returns v%d; write-through caches "
                                "only writes, so %c stays missing."),
                              key, step->db_version, key);
    case NIMBUS_CACHE_WRITE_DB:
      if (step->cache_version != 0)
        return g_strdup_printf (_("Write %c: the database now holds v%d; the cache still has v%d, "
                                  "which is now stale."),
                                key, step->db_version, step->cache_version);
      return g_strdup_printf (_("Write %c: the database now holds v%d; the cache is not touched."),
                              key, step->db_version);
    case NIMBUS_CACHE_WRITE_BOTH:
      return g_strdup_printf (_("Write %c: v%d goes to the database and to the cache, which stays "
                                "current."),
                              key, step->db_version);
    case NIMBUS_CACHE_TIME_PASSED:
      return g_strdup_printf (ngettext ("%u seconds pass: %u entry expired.",
                                        "%u seconds pass: %u entries expired.", step->expired),
                              step->event.seconds, step->expired);
    case NIMBUS_CACHE_RESTARTED:
      return g_strdup (_("The cache node restarts: every entry is gone."));
    default:
      return g_strdup ("");
    }
}

/* Scenarios */

#define R(k) { NIMBUS_CACHE_READ, k, 0 }
#define W(k) { NIMBUS_CACHE_WRITE, k, 0 }
#define WAIT(s) { NIMBUS_CACHE_WAIT, 0, s }
#define RESTART { NIMBUS_CACHE_RESTART, 0, 0 }

static const NimbusCacheEvent read_heavy[] = {
  R ('A'), R ('A'), R ('B'), R ('A'), R ('B'), W ('C'), R ('A'), R ('B'), W ('D'), R ('A'),
};

static const NimbusCacheEvent write_then_read[] = {
  R ('A'), W ('A'), R ('A'), WAIT (30), R ('A'), WAIT (40), R ('A'), W ('A'), R ('A'),
};

static const NimbusCacheEvent node_failure[] = {
  R ('A'), R ('B'), W ('A'), R ('A'), RESTART, R ('A'), R ('A'), R ('B'), R ('B'),
};

const NimbusCacheEvent *
nimbus_cache_scenario_events (NimbusCacheScenario  scenario,
                              guint               *n_events)
{
  switch (scenario)
    {
    case NIMBUS_CACHE_SCENARIO_READ_HEAVY:
      *n_events = G_N_ELEMENTS (read_heavy);
      return read_heavy;
    case NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ:
      *n_events = G_N_ELEMENTS (write_then_read);
      return write_then_read;
    case NIMBUS_CACHE_SCENARIO_NODE_FAILURE:
      *n_events = G_N_ELEMENTS (node_failure);
      return node_failure;
    default:
      *n_events = 0;
      return NULL;
    }
}

const char *
nimbus_cache_scenario_name (NimbusCacheScenario scenario)
{
  switch (scenario)
    {
    case NIMBUS_CACHE_SCENARIO_READ_HEAVY: return _("Read-heavy");
    case NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ: return _("Write, then read");
    case NIMBUS_CACHE_SCENARIO_NODE_FAILURE: return _("Node failure");
    default: return "";
    }
}
