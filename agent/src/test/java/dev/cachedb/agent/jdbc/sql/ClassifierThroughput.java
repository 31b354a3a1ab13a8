package dev.cachedb.agent.jdbc.sql;

import java.lang.management.ManagementFactory;

/**
 * Hand-run throughput check (not a unit test: timing asserts are flaky on shared machines).
 *
 * <pre>
 * mvn -B -q -pl agent test-compile -o
 * java -cp agent/target/classes:agent/target/test-classes \
 *     dev.cachedb.agent.jdbc.sql.ClassifierThroughput
 * </pre>
 */
public final class ClassifierThroughput {

  private static final String TYPICAL =
      "/* app */ SELECT o.id, o.total, c.name, c.email FROM billing.orders o "
          + "JOIN customers c ON c.id = o.customer_id WHERE o.status = ? AND o.created_at > ? "
          + "AND c.region IN ('eu', 'us') ORDER BY o.created_at DESC LIMIT 50";

  private ClassifierThroughput() {}

  public static void main(String[] args) {
    // The table comes last, so classify must scan the whole megabyte (an INSERT would stop early).
    StringBuilder big = new StringBuilder("SELECT ");
    while (big.length() < 1_000_000) {
      big.append("12345, 'text with ''quotes'' FROM x', /* note */ f(a, \"b\"), ");
    }
    big.append("1 FROM big");
    String huge = big.toString();
    SqlInfoCache cache = new SqlInfoCache(1000);
    // JdbcBench.statementNewSql's statements: ten times the cache, so every lookup misses, and
    // all of one shape, so the classifier's last shape answers.
    String[] distinct = new String[10_000];
    // The same number of statements, two shapes taking turns: the last shape never answers, so
    // every lookup hashes, misses and parses.
    String[] alternating = new String[10_000];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = "SELECT name FROM accounts WHERE id = " + i;
      String table = i % 2 == 0 ? "accounts" : "orders";
      alternating[i] = "SELECT name FROM " + table + " WHERE id = " + i;
    }

    long sink = 0;
    for (int round = 0; round < 5; round++) {
      sink += typical(200_000);
      sink += masked(100_000);
      sink += cached(cache, 2_000_000);
      sink += missed(cache, distinct, 2_000_000);
      sink += missed(cache, alternating, 2_000_000);
      sink += huge(huge, 20);
    }
    System.out.printf("typical statement: %d chars%n", TYPICAL.length());
    long n = 1_000_000;
    long t0 = System.nanoTime();
    long b0 = allocated();
    sink += typical(n);
    System.out.printf(
        "parse:           %.0f ns/op, %.1f B/op%n",
        (System.nanoTime() - t0) / (double) n, (allocated() - b0) / (double) n);
    t0 = System.nanoTime();
    b0 = allocated();
    sink += missed(cache, distinct, n);
    System.out.printf(
        "miss, same shape: %.0f ns/op, %.1f B/op (%d-char statements)%n",
        (System.nanoTime() - t0) / (double) n, (allocated() - b0) / (double) n,
        distinct[5000].length());
    t0 = System.nanoTime();
    b0 = allocated();
    sink += missed(cache, alternating, n);
    System.out.printf(
        "miss, new shape: %.0f ns/op, %.1f B/op%n",
        (System.nanoTime() - t0) / (double) n, (allocated() - b0) / (double) n);
    t0 = System.nanoTime();
    sink += masked(n);
    System.out.printf("mask(.., 1000):  %.0f ns/op%n", (System.nanoTime() - t0) / (double) n);
    t0 = System.nanoTime();
    sink += cached(cache, 10 * n);
    System.out.printf("cache hit:       %.1f ns/op%n", (System.nanoTime() - t0) / (10.0 * n));
    int hugeRuns = 100;
    t0 = System.nanoTime();
    sink += huge(huge, hugeRuns);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double megabytes = huge.length() * (double) hugeRuns / 1e6;
    System.out.printf("1 MB parse:      %.0f MB/s%n", megabytes / seconds);
    t0 = System.nanoTime();
    for (int i = 0; i < hugeRuns; i++) {
      sink += SqlMasker.mask(huge, Integer.MAX_VALUE - 8).length();
    }
    seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("1 MB mask:       %.0f MB/s%n", megabytes / seconds);
    System.out.println("(sink " + sink + ")");
  }

  private static long typical(long n) {
    long sink = 0;
    for (long i = 0; i < n; i++) {
      sink += SqlClassifier.parse(TYPICAL).table().length(); // the full walk, every time
    }
    return sink;
  }

  private static long masked(long n) {
    long sink = 0;
    for (long i = 0; i < n; i++) {
      sink += SqlMasker.mask(TYPICAL, 1000).length();
    }
    return sink;
  }

  private static long cached(SqlInfoCache cache, long n) {
    long sink = 0;
    for (long i = 0; i < n; i++) {
      sink += cache.get(TYPICAL).table().length();
    }
    return sink;
  }

  private static long missed(SqlInfoCache cache, String[] distinct, long n) {
    long sink = 0;
    for (long i = 0; i < n; i++) {
      sink += cache.get(distinct[(int) (i % distinct.length)]).table().length();
    }
    return sink;
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long huge(String sql, int n) {
    long sink = 0;
    for (int i = 0; i < n; i++) {
      sink += SqlClassifier.parse(sql).table().length();
    }
    return sink;
  }
}
