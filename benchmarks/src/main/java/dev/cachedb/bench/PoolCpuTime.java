package dev.cachedb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The pool benches, and the pipelined Jedis command, timed by the CPU time of the calling thread
 * instead of JMH's wall time: on a shared machine whose load exceeds its cores, wall time counts
 * the moments the thread waits for a core, and the variants of one JMH run then spread by more
 * than the agent costs. Each bench runs 4 s to warm up, then {@code batches} batches of about
 * {@value #CALLS} calls; prints one line per bench: its JMH name, then the median, lowest and
 * highest batch in CPU nanoseconds per call (a borrow and return, or one pipelined command). Run
 * by {@code benchmarks/pool-cpu.sh}.
 *
 * <p>{@code Floor.clockReading} and {@code Floor.timedBorrow} time no library: one {@code
 * System.nanoTime()}, and what any agent that times a borrow's acquire and usage cannot do
 * without (three clock readings and two histogram updates of the agent's kind), so each table
 * carries the machine's floor beside the pools' figures; the clock's cost differs from machine
 * to machine (its clock source) more than the agent's own code does.
 */
public final class PoolCpuTime {
  private static final int CALLS = 200_000;
  private static final long WARM_UP_NANOS = 4_000_000_000L;

  /** Keeps the results live, as JMH's blackhole does. */
  static volatile Object sink;

  private PoolCpuTime() {}

  /**
   * {@code batches bench...}, e.g. {@code 15 PoolBench DruidBench RedisPoolBench.jedisBorrowAndReturn
   * JedisBench.pipelined64}.
   */
  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int batches = Integer.parseInt(args[0]);
    for (String name : Arrays.copyOfRange(args, 1, args.length)) {
      Bench bench = bench(name);
      long end = System.nanoTime() + WARM_UP_NANOS;
      while (System.nanoTime() < end) {
        sink = bench.run();
      }
      int runs = CALLS / bench.callsPerRun();
      double[] perCall = new double[batches];
      for (int b = 0; b < batches; b++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
          sink = bench.run();
        }
        perCall[b] =
            (threads.getCurrentThreadCpuTime() - start) / (double) (runs * bench.callsPerRun());
      }
      bench.close();
      Arrays.sort(perCall);
      System.out.printf(
          "%s %.1f %.1f %.1f%n",
          bench.name(), perCall[batches / 2], perCall[0], perCall[batches - 1]);
    }
  }

  /** One run of a bench's calls, and how to end the bench. */
  abstract static class Bench {
    abstract Object run() throws Exception;

    abstract void close() throws Exception;

    abstract String name();

    int callsPerRun() {
      return 1;
    }
  }

  /**
   * An {@link AbstractPoolBench} subclass by its class name; {@code RedisPoolBench.jedis...} or
   * {@code RedisPoolBench.lettuce...}, the Redis clients' pools; {@code JedisBench.pipelined64}, 64
   * GETs in one pipeline. The Redis ones against a redis-server started here.
   */
  private static Bench bench(String name) throws Exception {
    if (name.startsWith("Floor.")) {
      return floor(name);
    }
    if (name.startsWith("RedisPoolBench.")) {
      return redisPool(name.startsWith("RedisPoolBench.jedis"));
    }
    if (name.equals("JedisBench.pipelined64")) {
      return pipelined();
    }
    final AbstractPoolBench b =
        (AbstractPoolBench)
            Class.forName(PoolCpuTime.class.getPackage().getName() + "." + name)
                .getConstructor()
                .newInstance();
    b.setUp();
    final String jmhName = name + ".borrowAndReturn";
    return new Bench() {
      @Override
      Object run() throws Exception {
        return b.borrowAndReturn();
      }

      @Override
      void close() throws Exception {
        b.tearDown();
      }

      @Override
      String name() {
        return jmhName;
      }
    };
  }

  private static Bench redisPool(final boolean jedis) throws Exception {
    final RedisServerState redis = new RedisServerState();
    redis.start();
    final RedisPoolBench b = new RedisPoolBench();
    b.setUp(redis);
    return new Bench() {
      @Override
      Object run() throws Exception {
        return jedis ? b.jedisBorrowAndReturn() : b.lettuceBorrowAndReturn();
      }

      @Override
      void close() throws Exception {
        b.tearDown();
        redis.stop();
      }

      @Override
      String name() {
        return jedis
            ? "RedisPoolBench.jedisBorrowAndReturn"
            : "RedisPoolBench.lettuceBorrowAndReturn";
      }
    };
  }

  /** {@link JedisBench#pipelined64}'s calls, without JMH's blackhole. */
  private static Bench pipelined() throws Exception {
    final RedisServerState redis = new RedisServerState();
    redis.start();
    final Jedis jedis = new Jedis("127.0.0.1", redis.port);
    return new Bench() {
      @Override
      Object run() {
        Pipeline p = jedis.pipelined();
        for (int i = 0; i < 64; i++) {
          p.get(RedisServerState.KEY);
        }
        return p.syncAndReturnAll();
      }

      @Override
      int callsPerRun() {
        return 64;
      }

      @Override
      void close() throws Exception {
        jedis.close();
        redis.stop();
      }

      @Override
      String name() {
        return "JedisBench.pipelined64";
      }
    };
  }

  private static Bench floor(final String name) {
    final boolean borrow = name.equals("Floor.timedBorrow");
    final Histogram acquire = new Histogram();
    final Histogram usage = new Histogram();
    return new Bench() {
      @Override
      Object run() {
        if (!borrow) {
          return System.nanoTime();
        }
        long start = System.nanoTime();
        long lent = System.nanoTime();
        acquire.observe(lent - start);
        usage.observe(System.nanoTime() - lent);
        return acquire;
      }

      @Override
      void close() {}

      @Override
      String name() {
        return borrow ? "Floor.timedBorrow" : "Floor.clockReading";
      }
    };
  }

  /** What the agent's classic histogram does per observation: find the bucket, add, sum. */
  private static final class Histogram {
    private final long[] bounds = new long[15];
    private final LongAdder[] counts = new LongAdder[bounds.length];
    private final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      long bound = 10_000L; // 10 µs, then about x5 up
      for (int i = 0; i < bounds.length; i++) {
        bounds[i] = i == bounds.length - 1 ? Long.MAX_VALUE : bound;
        bound *= i % 2 == 0 ? 5 : 2;
        counts[i] = new LongAdder();
      }
    }

    void observe(long nanos) {
      int i = 0;
      while (nanos > bounds[i]) {
        i++;
      }
      counts[i].increment();
      sum.add(nanos);
    }
  }
}
