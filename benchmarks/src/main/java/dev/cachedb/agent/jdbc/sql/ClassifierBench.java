package dev.cachedb.agent.jdbc.sql;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SQL classifier, its cache and the masker on their own, without an agent or a driver: in the
 * agent's package, because the cache is package-private, and run with the agent jar on the class
 * path (benchmarks/run.sh does). Each case is one call; the cache cases cycle through 10,000
 * statements, ten times the cache, so every lookup misses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClassifierBench {
  private static final String TYPICAL =
      "/* app */ SELECT o.id, o.total, c.name, c.email FROM billing.orders o "
          + "JOIN customers c ON c.id = o.customer_id WHERE o.status = ? AND o.created_at > ? "
          + "AND c.region IN ('eu', 'us') ORDER BY o.created_at DESC LIMIT 50";

  private final SqlInfoCache cache = new SqlInfoCache(1000);
  /** One shape with inlined literals: the classifier's last shape answers each. */
  private final String[] oneShape = new String[10_000];
  /** Two shapes taking turns: the last shape never answers, every lookup parses. */
  private final String[] twoShapes = new String[10_000];
  private String huge;
  private int next;

  @Setup
  public void setUp() {
    for (int i = 0; i < oneShape.length; i++) {
      oneShape[i] = "SELECT name FROM accounts WHERE id = " + i;
      String table = i % 2 == 0 ? "accounts" : "orders";
      twoShapes[i] = "SELECT name FROM " + table + " WHERE id = " + i;
    }
    // The table comes last, so the walk must scan the whole megabyte.
    StringBuilder big = new StringBuilder("SELECT ");
    while (big.length() < 1_000_000) {
      big.append("12345, 'text with ''quotes'' FROM x', /* note */ f(a, \"b\"), ");
    }
    huge = big.append("1 FROM big").toString();
  }

  private int nextIndex() {
    next = next + 1 == oneShape.length ? 0 : next + 1;
    return next;
  }

  /** The full walk of a typical 215-character SELECT, every time. */
  @Benchmark
  public SqlStatementInfo parseTypical() {
    return SqlClassifier.parse(TYPICAL);
  }

  @Benchmark
  public SqlStatementInfo cacheHit() {
    return cache.get(TYPICAL);
  }

  @Benchmark
  public SqlStatementInfo cacheMissOneShape() {
    return cache.get(oneShape[nextIndex()]);
  }

  @Benchmark
  public SqlStatementInfo cacheMissTwoShapes() {
    return cache.get(twoShapes[nextIndex()]);
  }

  @Benchmark
  public String maskTypical() {
    return SqlMasker.mask(TYPICAL, 1000);
  }

  /** One megabyte: microseconds per call; divide 1 MB by it for the throughput. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public SqlStatementInfo parseOneMegabyte() {
    return SqlClassifier.parse(huge);
  }
}
