package dev.cachedb.agent.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Every histogram of the agent is built here, so one switch decides their kind. Classic (fixed
 * buckets) by default: observing a classic-only histogram on a cached data point allocates
 * nothing, while client_java's default classic-plus-native histogram allocates on every
 * observation. {@code histograms.native=true} adds native histograms for Prometheus servers that
 * scrape them (protobuf, with the native-histograms feature on); the classic buckets stay.
 */
public final class Histograms {
  private static volatile boolean withNative;

  private Histograms() {}

  /** Called once at agent start, before any metric is built. */
  public static void configure(boolean nativeHistograms) {
    withNative = nativeHistograms;
  }

  /** A histogram in seconds with the given classic buckets. */
  public static Histogram.Builder seconds(String name, String help, double... classicBuckets) {
    Histogram.Builder b =
        Histogram.builder()
            // No trace to link to, and with exemplars on client_java starts a scheduler thread
            // in the application and samples on the observing thread.
            .withoutExemplars()
            .name(name)
            .help(help)
            .unit(Unit.SECONDS)
            .classicUpperBounds(classicBuckets);
    return withNative ? b : b.classicOnly();
  }
}
