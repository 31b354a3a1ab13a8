package dev.cachedb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The pool benches timed by the CPU time of the borrowing thread instead of JMH's wall time: on a
 * shared machine whose load exceeds its cores, wall time counts the moments the thread waits for
 * a core, and the variants of one JMH run then spread by more than the agent costs. Each bench
 * runs 4 s to warm up, then {@code batches} batches of {@value #OPS} borrows; prints one line per
 * bench: its name, then the median, lowest and highest batch in CPU nanoseconds per borrow and
 * return. Run by {@code benchmarks/pool-cpu.sh}.
 */
public final class PoolCpuTime {
  private static final int OPS = 200_000;
  private static final long WARM_UP_NANOS = 4_000_000_000L;

  /** Keeps the borrowed connections live, as JMH's blackhole does. */
  static volatile Object sink;

  private PoolCpuTime() {}

  /** {@code batches bench...}, e.g. {@code 15 PoolBench DruidBench}. */
  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int batches = Integer.parseInt(args[0]);
    for (String name : Arrays.copyOfRange(args, 1, args.length)) {
      AbstractPoolBench bench =
          (AbstractPoolBench)
              Class.forName(PoolCpuTime.class.getPackage().getName() + "." + name)
                  .getConstructor()
                  .newInstance();
      bench.setUp();
      long end = System.nanoTime() + WARM_UP_NANOS;
      while (System.nanoTime() < end) {
        sink = bench.borrowAndReturn();
      }
      double[] perOp = new double[batches];
      for (int b = 0; b < batches; b++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < OPS; i++) {
          sink = bench.borrowAndReturn();
        }
        perOp[b] = (threads.getCurrentThreadCpuTime() - start) / (double) OPS;
      }
      bench.tearDown();
      Arrays.sort(perOp);
      System.out.printf(
          "%s %.1f %.1f %.1f%n", name, perOp[batches / 2], perOp[0], perOp[batches - 1]);
    }
  }
}
