package dev.cachedb.agent.jdbc;

import dev.cachedb.agent.metrics.SecondsHistogram;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;

/**
 * The resolved data points of one (query type, table), so recording an execution costs one
 * histogram observation, with no label lookup. The execution count is the histogram's own.
 */
public final class QuerySeries {
  final String queryType;
  final String table;
  private final SecondsHistogram.Point duration;
  private final CounterDataPoint errors;
  private final CounterDataPoint slow;

  QuerySeries(
      String queryType, String table, SecondsHistogram duration, Counter errors, Counter slow) {
    this.queryType = queryType;
    this.table = table;
    this.duration = duration.labelValues(queryType, table);
    this.errors = errors.labelValues(queryType, table);
    this.slow = slow.labelValues(queryType, table);
  }

  void executed(long nanos, boolean failed) {
    duration.observeNanos(nanos);
    if (failed) {
      errors.inc();
    }
  }

  /** Executions so far: the count of the duration histogram, which every execution goes to. */
  long queries() {
    return duration.count();
  }

  void slow() {
    slow.inc();
  }
}
