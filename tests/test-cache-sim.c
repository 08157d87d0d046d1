/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#include "config.h"

#include <string.h>

#include "nimbus-cache-sim.h"

/* Outcomes as letters, to write expected runs compactly. */
static char
outcome_code (NimbusCacheOutcome outcome)
{
  switch (outcome)
    {
    case NIMBUS_CACHE_HIT: return 'H';
    case NIMBUS_CACHE_STALE_HIT: return 'S';
    case NIMBUS_CACHE_MISS_FILL: return 'F';
    case NIMBUS_CACHE_MISS: return 'M';
    case NIMBUS_CACHE_WRITE_DB: return 'd';
    case NIMBUS_CACHE_WRITE_BOTH: return 'b';
    case NIMBUS_CACHE_TIME_PASSED: return 't';
    case NIMBUS_CACHE_RESTARTED: return 'r';
    default: return '?';
    }
}

/* Each scenario under each strategy and TTL, with the outcome of every step and the final
 * counts (hits, misses, stale reads, database reads, cache writes never read). */
static const struct {
  NimbusCacheScenario scenario;
  NimbusCacheStrategy strategy;
  guint ttl;
  const char *outcomes;
  guint hits, misses, stale, db_reads, never_read;
} cases[] = {
  /* Lazy loading serves stale data after a write, for ever without a TTL... */
  { NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ, NIMBUS_CACHE_LAZY_LOADING, 0, "FdStStSdS", 4, 1, 4, 1,
   0 },
  /* ...and until the TTL removes the entry with one (read at 0 s, expired at 70 s). */
  { NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ, NIMBUS_CACHE_LAZY_LOADING, 60, "FdStStFdS", 3, 2, 3, 2,
   0 },
  /* Write-through is never stale: every write reaches the cache too. */
  { NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ, NIMBUS_CACHE_WRITE_THROUGH, 0, "MbHtHtHbH", 4, 1, 0, 1,
   0 },
  { NIMBUS_CACHE_SCENARIO_WRITE_THEN_READ, NIMBUS_CACHE_WRITE_THROUGH, 60, "MbHtHtMbH", 3, 2, 0, 2,
   0 },
  /* Read-heavy: lazy loading caches what is read; write-through caches C and D, never read. */
  { NIMBUS_CACHE_SCENARIO_READ_HEAVY, NIMBUS_CACHE_LAZY_LOADING, 0, "FHFHHdHHdH", 6, 2, 0, 2, 0 },
  { NIMBUS_CACHE_SCENARIO_READ_HEAVY, NIMBUS_CACHE_WRITE_THROUGH, 0, "MMMMMbMMbM", 0, 8, 0, 8, 2 },
  /* After a restart lazy loading recovers through misses; write-through stays missing. */
  { NIMBUS_CACHE_SCENARIO_NODE_FAILURE, NIMBUS_CACHE_LAZY_LOADING, 0, "FFdSrFHFH", 3, 4, 1, 4, 0 },
  { NIMBUS_CACHE_SCENARIO_NODE_FAILURE, NIMBUS_CACHE_WRITE_THROUGH, 0, "MMbHrMMMM", 1, 6, 0, 6, 0 },
};

static void
test_cache_sim_scenarios (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      NimbusCacheSim sim;
      NimbusCacheStep step = { 0 };
      const NimbusCacheEvent *events;
      guint n;
      g_autoptr(GString) outcomes = g_string_new (NULL);

      nimbus_cache_sim_init (&sim, cases[c].strategy, cases[c].ttl);
      events = nimbus_cache_scenario_events (cases[c].scenario, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = NULL;

          g_assert_true (nimbus_cache_sim_step (&sim, &events[i], &step));
          g_string_append_c (outcomes, outcome_code (step.outcome));
          text = nimbus_cache_step_describe (&step);
          g_assert_cmpstr (text, !=, "");
        }

      g_test_message ("case %u: %s", c, outcomes->str);
      g_assert_cmpstr (outcomes->str, ==, cases[c].outcomes);
      g_assert_cmpuint (step.counts.hits, ==, cases[c].hits);
      g_assert_cmpuint (step.counts.misses, ==, cases[c].misses);
      g_assert_cmpuint (step.counts.stale_reads, ==, cases[c].stale);
      g_assert_cmpuint (step.counts.db_reads, ==, cases[c].db_reads);
      g_assert_cmpuint (step.counts.cache_writes_never_read, ==, cases[c].never_read);
    }
}

/* Over many random runs: write-through is never stale; lazy loading with a TTL is never
 * staler than the TTL; every read is a hit or a miss. */
static void
test_cache_sim_properties (void)
{
  GRand *rand = g_rand_new_with_seed (20261125);

  for (guint run = 0; run < 400; run++)
    {
      NimbusCacheStrategy strategy = run % 2;
      guint ttl = g_rand_int_range (rand, 0, 4) * 20;
      NimbusCacheSim sim;
      NimbusCacheStep step = { 0 };
      guint reads = 0;
      guint last_write[NIMBUS_CACHE_N_KEYS] = { 0 };

      nimbus_cache_sim_init (&sim, strategy, ttl);
      for (guint i = 0; i < 60; i++)
        {
          NimbusCacheEvent event = { g_rand_int_range (rand, 0, 4),
                                     'A' + g_rand_int_range (rand, 0, 4),
                                     g_rand_int_range (rand, 1, 30) };

          g_assert_true (nimbus_cache_sim_step (&sim, &event, &step));
          if (event.type == NIMBUS_CACHE_READ)
            reads++;
          if (event.type == NIMBUS_CACHE_WRITE)
            last_write[event.key - 'A'] = sim.now;
          if (step.outcome == NIMBUS_CACHE_STALE_HIT && ttl > 0)
            g_assert_cmpuint (sim.now - last_write[event.key - 'A'], <, ttl);
        }

      if (strategy == NIMBUS_CACHE_WRITE_THROUGH)
        g_assert_cmpuint (step.counts.stale_reads, ==, 0);
      g_assert_cmpuint (step.counts.hits + step.counts.misses, ==, reads);
      g_assert_cmpuint (step.counts.db_reads, ==, step.counts.misses);
      g_assert_cmpuint (step.counts.cache_writes_never_read, <=, step.counts.cache_writes);
    }

  g_rand_free (rand);
}

static void
test_cache_sim_bad_events (void)
{
  NimbusCacheSim sim;
  NimbusCacheStep step;
  NimbusCacheEvent bad[] = { { NIMBUS_CACHE_READ, 'a', 0 }, { NIMBUS_CACHE_WRITE, '@', 0 },
                             { NIMBUS_CACHE_READ, 0, 0 }, { 99, 'A', 0 } };

  nimbus_cache_sim_init (&sim, NIMBUS_CACHE_LAZY_LOADING, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (nimbus_cache_sim_step (&sim, &bad[i], &step));
  g_assert_cmpuint (sim.counts.hits + sim.counts.misses, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nimbus/cache-sim/scenarios", test_cache_sim_scenarios);
  g_test_add_func ("/nimbus/cache-sim/properties", test_cache_sim_properties);
  g_test_add_func ("/nimbus/cache-sim/bad-events", test_cache_sim_bad_events);

  return g_test_run ();
}
