package dev.cachedb.agent.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * client_java's histogram with both classic buckets and a native histogram, for
 * {@code histograms.native=true}. Its observations allocate (see {@link ClassicHistogram}); users
 * who want native histograms in Prometheus trade that for them.
 */
final class NativeHistogram implements SecondsHistogram {
  private final Histogram histogram;

  NativeHistogram(String name, String help, double[] bounds, String... labelNames) {
    histogram =
        Histogram.builder()
            .name(name)
            .help(help)
            .unit(Unit.SECONDS)
            .labelNames(labelNames)
            .classicUpperBounds(bounds)
            .withoutExemplars()
            .build();
  }

  @Override
  public Point labelValues(String... values) {
    final DistributionDataPoint point = histogram.labelValues(values);
    return new Point() {
      @Override
      public void observeNanos(long nanos) {
        point.observe(nanos / 1e9);
      }

      @Override
      public long count() {
        return point.getCount();
      }
    };
  }

  @Override
  public void remove(String... values) {
    histogram.remove(values);
  }

  @Override
  public MetricSnapshot collect() {
    return histogram.collect();
  }

  @Override
  public String getPrometheusName() {
    return histogram.getPrometheusName();
  }
}
