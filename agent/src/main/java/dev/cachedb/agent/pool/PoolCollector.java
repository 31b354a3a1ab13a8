package dev.cachedb.agent.pool;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Reads every known pool's own counters at scrape time, so the gauges are true even for connections
 * borrowed before the agent attached, and cost nothing between scrapes. Pools the garbage collector
 * took are forgotten first, with their series; then the borrow and return metrics of {@link
 * PoolMetrics} are collected, so a collected pool is gone from that scrape.
 *
 * <pre>
 * db_connection_pool_size{pool="orders"} 5.0
 * db_connection_pool_available{pool="orders"} 2.0
 * db_connection_pool_active{pool="orders"} 3.0
 * db_connection_pool_max{pool="orders"} 10.0
 * db_connection_pool_pending{pool="orders"} 0.0
 * cachedb_agent_pools_tracked 1.0
 * </pre>
 */
final class PoolCollector implements MultiCollector {
  private static final String[][] GAUGES = {
    {"db_connection_pool_size", "Connections the pool holds open now, idle and in use"},
    {"db_connection_pool_available", "Idle connections ready to be borrowed"},
    {"db_connection_pool_active", "Connections borrowed now"},
    {"db_connection_pool_pending", "Threads waiting for a connection, where the pool can tell"},
    {"db_connection_pool_max", "The pool's configured maximum size"},
  };

  /** Column of each gauge in {@link PoolReader#read}'s output, in {@link #GAUGES} order. */
  private static final int[] COLUMNS = {
    PoolReader.TOTAL, PoolReader.IDLE, PoolReader.ACTIVE, PoolReader.PENDING, PoolReader.MAX
  };

  private final PoolRegistry registry;
  private final PoolMetrics metrics;

  PoolCollector(PoolRegistry registry, PoolMetrics metrics) {
    this.registry = registry;
    this.metrics = metrics;
  }

  @Override
  public MetricSnapshots collect() {
    for (PoolState gone : registry.purgeCollected()) {
      metrics.forget(gone);
    }
    forgetClosed();
    GaugeSnapshot.Builder[] builders = new GaugeSnapshot.Builder[GAUGES.length];
    for (int i = 0; i < GAUGES.length; i++) {
      builders[i] = GaugeSnapshot.builder().name(GAUGES[i][0]).help(GAUGES[i][1]);
    }
    PoolState[] states = registry.snapshot();
    int[] values = new int[PoolReader.VALUES];
    for (PoolState s : states) {
      Object pool = s.pool.get();
      if (pool == null || !read(s, pool, values)) {
        continue;
      }
      Labels labels = Labels.of("pool", s.name);
      for (int i = 0; i < GAUGES.length; i++) {
        int v = values[COLUMNS[i]];
        if (v >= 0) {
          builders[i].dataPoint(GaugeDataPointSnapshot.builder().value(v).labels(labels).build());
        }
      }
    }
    MetricSnapshots.Builder out = MetricSnapshots.builder();
    for (GaugeSnapshot.Builder b : builders) {
      out.metricSnapshot(b.build());
    }
    out.metricSnapshot(
        GaugeSnapshot.builder()
            .name("cachedb_agent_pools_tracked")
            .help("Connection pools the agent watches now")
            .dataPoint(GaugeDataPointSnapshot.builder().value(states.length).build())
            .build());
    out.metricSnapshot(metrics.acquire.collect());
    out.metricSnapshot(metrics.usage.collect());
    out.metricSnapshot(metrics.acquireErrors.collect());
    return out.build();
  }

  /** Pools whose close no advice sees (their reader tells) go with their series, as on close. */
  private void forgetClosed() {
    for (PoolState s : registry.snapshot()) {
      Object pool = s.pool.get();
      if (pool != null && isClosed(s, pool) && registry.unregister(pool) != null) {
        metrics.forget(s);
      }
    }
  }

  private static boolean isClosed(PoolState s, Object pool) {
    try {
      return s.reader.closed(pool);
    } catch (Exception | LinkageError e) {
      return false;
    }
  }

  private static boolean read(PoolState s, Object pool, int[] values) {
    try {
      s.reader.read(pool, values);
      return true;
    } catch (Exception | LinkageError e) {
      // A pool closing under our feet, or a version whose getters differ: skip it this scrape.
      return false;
    }
  }
}
