package dev.cachedb.agent.cache;

import dev.cachedb.agent.metrics.SecondsHistogram;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;

/** The resolved data points of one Redis command, so recording never looks labels up again. */
public final class CacheOperation {

  private final CacheMetrics metrics;
  private final CounterDataPoint hit;
  private final CounterDataPoint miss;
  private final CounterDataPoint success;
  private final CounterDataPoint error;
  private final SecondsHistogram.Point duration;

  CacheOperation(CacheMetrics metrics, String label, Counter operations, SecondsHistogram histogram) {
    this.metrics = metrics;
    this.hit = operations.labelValues(label, "hit");
    this.miss = operations.labelValues(label, "miss");
    this.success = operations.labelValues(label, "success");
    this.error = operations.labelValues(label, "error");
    this.duration = histogram.labelValues(label);
  }

  public void read(int hits, int misses, long nanos) {
    if (hits > 0) {
      hit.inc(hits);
      metrics.hits.add(hits);
    }
    if (misses > 0) {
      miss.inc(misses);
      metrics.misses.add(misses);
    }
    duration.observeNanos(nanos);
  }

  public void success(long nanos) {
    success.inc();
    duration.observeNanos(nanos);
  }

  public void error(long nanos) {
    error.inc();
    duration.observeNanos(nanos);
  }
}
