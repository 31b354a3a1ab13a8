package dev.cachedb.agent.cache.names;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;

/** The resolved data points of one cache name and provider. */
final class CacheSeries {
  final CounterDataPoint hits;
  final CounterDataPoint misses;
  final CounterDataPoint puts;
  final CounterDataPoint removals;

  CacheSeries(CounterDataPoint hits, CounterDataPoint misses, CounterDataPoint puts,
      CounterDataPoint removals) {
    this.hits = hits;
    this.misses = misses;
    this.puts = puts;
    this.removals = removals;
  }
}
