package dev.cachedb.agent.pool;

import dev.cachedb.agent.metrics.SecondsHistogram;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.lang.ref.WeakReference;

/**
 * One known pool: a weak reference to it, so an application that drops a pool lets it be collected,
 * its name, and its data points, resolved once so borrows never look labels up.
 */
final class PoolState {
  final WeakReference<Object> pool;
  final PoolReader reader;
  final String name;
  final SecondsHistogram.Point acquire;
  final SecondsHistogram.Point usage;
  final CounterDataPoint acquireErrors;

  PoolState(Object pool, PoolReader reader, String name, PoolMetrics metrics) {
    this.pool = new WeakReference<>(pool);
    this.reader = reader;
    this.name = name;
    this.acquire = metrics.acquire.labelValues(name);
    this.usage = metrics.usage.labelValues(name);
    this.acquireErrors = metrics.acquireErrors.labelValues(name);
  }
}
