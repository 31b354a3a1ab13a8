package dev.cachedb.bench.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Spins until the calling thread has used {@link #burnNanos} more CPU time. Spinning on the
 * thread's own CPU clock, not on wall time, so a thread descheduled mid-spin still burns exactly
 * the configured CPU, which is what the benchmark measures.
 */
public final class Burner {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final LongAdder CALLS = new LongAdder();

  static volatile long burnNanos;

  private Burner() {}

  public static void burn() {
    CALLS.increment();
    long end = THREADS.getCurrentThreadCpuTime() + burnNanos;
    while (THREADS.getCurrentThreadCpuTime() < end) {
      Thread.onSpinWait();
    }
  }

  static long calls() {
    return CALLS.sum();
  }
}
