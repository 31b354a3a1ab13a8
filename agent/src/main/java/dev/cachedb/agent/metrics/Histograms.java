package dev.cachedb.agent.metrics;

/**
 * Every histogram of the agent is made here, so one switch decides their kind. Classic (fixed
 * buckets) by default: observing a {@link ClassicHistogram} data point allocates nothing, while
 * client_java's default classic-plus-native histogram allocates on every observation.
 * {@code histograms.native=true} adds native histograms for Prometheus servers that scrape them
 * (protobuf, with the native-histograms feature on); the classic buckets stay.
 */
public final class Histograms {
  /** Classic buckets only, the default. */
  public static final Histograms CLASSIC = new Histograms(false);

  private final boolean withNative;

  public Histograms(boolean withNative) {
    this.withNative = withNative;
  }

  /** A histogram in seconds with the given classic buckets and label names; not registered. */
  public SecondsHistogram seconds(
      String name, String help, double[] classicBuckets, String... labelNames) {
    return withNative
        ? new NativeHistogram(name, help, classicBuckets, labelNames)
        : new ClassicHistogram(name, help, classicBuckets, labelNames);
  }
}
