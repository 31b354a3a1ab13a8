package dev.cachedb.agent.jdbc;

import dev.cachedb.agent.metrics.SecondsHistogram;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;

/**
 * The resolved data points of one (query type, table), so recording an execution costs one
 * counter increment and one histogram observation, with no label lookup.
 */
public final class QuerySeries {
  private static final double NANOS_PER_SECOND = 1e9;

  final String queryType;
  final String table;
  private final CounterDataPoint queries;
  private final SecondsHistogram.Point duration;
  private final CounterDataPoint errors;
  private final CounterDataPoint slow;

  QuerySeries(
      String queryType, String table, Counter queries, SecondsHistogram duration, Counter errors,
      Counter slow) {
    this.queryType = queryType;
    this.table = table;
    this.queries = queries.labelValues(queryType, table);
    this.duration = duration.labelValues(queryType, table);
    this.errors = errors.labelValues(queryType, table);
    this.slow = slow.labelValues(queryType, table);
  }

  void executed(long nanos, boolean failed) {
    queries.inc();
    duration.observe(nanos / NANOS_PER_SECOND);
    if (failed) {
      errors.inc();
    }
  }

  void slow() {
    slow.inc();
  }
}
