package dev.cachedb.agent.jdbc;

import dev.cachedb.agent.jdbc.sql.SqlMasker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One log line per slow query, at most one per interval, with the SQL's literals masked, so a
 * storm of slow queries (a database under load makes every query slow) cannot flood the log.
 * Slow queries that find the interval taken are only counted and reported by the next line.
 *
 * <p>Only slow executions come here, so normal queries pay nothing; a slow one that wins the
 * interval pays the masking and one print, small beside the time it already took.
 */
final class SlowQueryLog {
  static final int MAX_SQL_LENGTH = 1000;

  private final long intervalNanos;
  private final Consumer<String> out;
  private final AtomicLong nextLineAt;
  private final AtomicLong suppressed = new AtomicLong();

  SlowQueryLog(long intervalNanos, Consumer<String> out) {
    this.intervalNanos = intervalNanos;
    this.out = out;
    this.nextLineAt = new AtomicLong(System.nanoTime());
  }

  /** {@code sql} may be null: a statement prepared before the agent was attached. */
  void slow(String sql, QuerySeries series, long nanos) {
    long now = System.nanoTime();
    long next = nextLineAt.get();
    if (now - next < 0 || !nextLineAt.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long skipped = suppressed.getAndSet(0);
    out.accept(
        "slow query: "
            + TimeUnit.NANOSECONDS.toMillis(nanos)
            + " ms, "
            + series.queryType
            + " "
            + series.table
            + ": "
            + (sql == null ? "(SQL unknown: prepared before the agent started)"
                : SqlMasker.mask(sql, MAX_SQL_LENGTH))
            + (skipped == 0 ? "" : " (" + skipped + " more slow queries not logged since the last line)"));
  }
}
