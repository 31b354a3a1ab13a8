package dev.cachedb.agent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.jdbc.sql.SqlInfoCache;
import dev.cachedb.agent.jdbc.sql.TableCap;
import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The hot paths allocate nothing in steady state: a cached prepared statement's execution, and a
 * plain statement whose SQL misses the classification cache every time.
 */
class QueryRecorderAllocationTest {
  private static final int CALLS = 1_000_000;

  private final QueryRecorder recorder =
      new QueryRecorder(
          new QueryMetrics(new PrometheusRegistry(), Histograms.CLASSIC),
          new SqlInfoCache(100),
          new TableCap(200),
          Long.MAX_VALUE,
          null);

  @Test
  void aPreparedExecutionAllocatesNothing() {
    Object ps = new Object();
    recorder.prepared(ps, "SELECT name FROM customers WHERE id = ?");
    long perCall = -1;
    // Rounds until the JIT has compiled the path: client_java's Histogram.observe creates a
    // capturing lambda that only escape analysis of compiled code removes.
    for (int round = 0; round < 20 && perCall != 0; round++) {
      long before = allocated();
      for (int i = 0; i < CALLS; i++) {
        recorder.executed(ps, null, false, 1000 + i, false);
      }
      perCall = (allocated() - before) / CALLS;
    }
    assertThat(perCall).isZero();
  }

  @Test
  void aPlainStatementMissingTheClassificationCacheAllocatesNothing() {
    String[] distinct = new String[1000]; // ten times the cache: every call is a miss
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = "SELECT name FROM accounts WHERE id = " + i;
    }
    long perCall = -1;
    for (int round = 0; round < 20 && perCall != 0; round++) {
      long before = allocated();
      for (int i = 0; i < CALLS; i++) {
        recorder.executed(null, distinct[i % distinct.length], false, 1000 + i, false);
      }
      perCall = (allocated() - before) / CALLS;
    }
    assertThat(perCall).isZero();
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
