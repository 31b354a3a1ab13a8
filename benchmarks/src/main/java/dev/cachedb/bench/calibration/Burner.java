package dev.cachedb.bench.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Spins until the calling thread has used {@link #burnNanos} more CPU time. Spinning on the
 * thread's own CPU clock, not on wall time, so a thread descheduled mid-spin still burns exactly
 * the configured CPU, which is what the benchmark measures. The spin ends past the target by up
 * to one clock read, so it also sums what it really burned: the report's expected value.
 */
public final class Burner {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final LongAdder CALLS = new LongAdder();
  private static final LongAdder BURNED = new LongAdder();

  static volatile long burnNanos;

  private Burner() {}

  public static void burn() {
    CALLS.increment();
    long start = THREADS.getCurrentThreadCpuTime();
    long now = start;
    while (now - start < burnNanos) {
      Thread.onSpinWait();
      now = THREADS.getCurrentThreadCpuTime();
    }
    BURNED.add(now - start);
  }

  static long calls() {
    return CALLS.sum();
  }

  static long burned() {
    return BURNED.sum();
  }
}
