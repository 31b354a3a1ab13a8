package dev.cachedb.bench.overhead;

import java.util.Arrays;
import java.util.List;

/**
 * Every measured request's latency, kept whole: percentiles are read from the sorted values, not
 * estimated from buckets, so a few stalled requests show in the tail as they happened.
 */
final class Latencies {
  private long[] nanos = new long[1 << 16];
  private int count;

  void add(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  static long[] sortedUnion(List<Latencies> parts) {
    long[] all = new long[parts.stream().mapToInt(p -> p.count).sum()];
    int at = 0;
    for (Latencies p : parts) {
      System.arraycopy(p.nanos, 0, all, at, p.count);
      at += p.count;
    }
    Arrays.sort(all);
    return all;
  }

  /** The nearest-rank percentile: the smallest value with at least q of the values at or below. */
  static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static double mean(long[] values) {
    return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0);
  }
}
