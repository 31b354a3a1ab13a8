package dev.cachedb.agent.metrics;

/**
 * Every histogram of the agent is made here, so one switch decides their kind. Classic (fixed
 * buckets) by default: observing a {@link ClassicHistogram} data point allocates nothing, while
 * client_java's default classic-plus-native histogram allocates on every observation.
 * {@code histograms.native=true} adds native histograms for Prometheus servers that scrape them
 * (protobuf, with the native-histograms feature on); the classic buckets stay.
 */
public final class Histograms {
  private static volatile boolean withNative;

  private Histograms() {}

  /** Called once at agent start, before any metric is built. */
  public static void configure(boolean nativeHistograms) {
    withNative = nativeHistograms;
  }

  /** A histogram in seconds with the given classic buckets and label names; not registered. */
  public static SecondsHistogram seconds(
      String name, String help, double[] classicBuckets, String... labelNames) {
    return withNative
        ? new NativeHistogram(name, help, classicBuckets, labelNames)
        : new ClassicHistogram(name, help, classicBuckets, labelNames);
  }
}
