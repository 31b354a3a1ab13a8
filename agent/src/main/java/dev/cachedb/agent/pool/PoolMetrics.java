package dev.cachedb.agent.pool;

import dev.cachedb.agent.metrics.Histograms;
import dev.cachedb.agent.metrics.SecondsHistogram;
import io.prometheus.metrics.core.metrics.Counter;

/**
 * The pool metrics recorded on borrow and return. The gauges are read at scrape time by {@link
 * PoolCollector}.
 *
 * <pre>
 * # TYPE db_connection_acquire_duration_seconds histogram
 * db_connection_acquire_duration_seconds_bucket{pool="orders",le="1.0E-5"} 120
 * ...
 * db_connection_acquire_duration_seconds_count{pool="orders"} 140
 * # TYPE db_connection_acquire_errors_total counter
 * db_connection_acquire_errors_total{pool="orders"} 1.0
 * # TYPE db_connection_usage_duration_seconds histogram
 * db_connection_usage_duration_seconds_count{pool="orders"} 139
 * </pre>
 */
final class PoolMetrics {
  /** A borrow from a warm pool takes well under a microsecond; a starved one waits for seconds. */
  private static final double[] ACQUIRE_BUCKETS = {
    0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30
  };
  /** Connections are held from a statement's sub-millisecond to a batch job's minutes. */
  private static final double[] USAGE_BUCKETS = {
    0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300
  };

  final SecondsHistogram acquire;
  final SecondsHistogram usage;
  final Counter acquireErrors;

  /**
   * Not registered in the registry themselves: {@link PoolCollector} collects them right after it
   * has forgotten the pools the garbage collector took, so a collected pool's series are gone from
   * the very scrape that notices (the registry collects its collectors in no set order).
   */
  PoolMetrics(Histograms histograms) {
    acquire =
        histograms.seconds(
            "db_connection_acquire_duration_seconds",
            "Time spent in a pool's getConnection, for borrows that got a connection",
            ACQUIRE_BUCKETS,
            "pool");
    usage =
        histograms.seconds(
            "db_connection_usage_duration_seconds",
            "Time from borrowing a connection to returning it to its pool",
            USAGE_BUCKETS,
            "pool");
    acquireErrors =
        Counter.builder()
            .withoutExemplars()
            .name("db_connection_acquire_errors_total")
            .help("getConnection calls that failed: pool exhausted, timeout, database down")
            .labelNames("pool")
            .withoutExemplars() // no trace context to attach; the sampler would cost the borrower
            .build();
  }

  /** Removes the series of a pool that closed or was collected. */
  void forget(PoolState s) {
    acquire.remove(s.name);
    usage.remove(s.name);
    acquireErrors.remove(s.name);
  }
}
