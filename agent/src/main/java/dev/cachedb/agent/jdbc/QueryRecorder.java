package dev.cachedb.agent.jdbc;

import dev.cachedb.agent.bootstrap.JdbcCalls;
import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.util.WeakIdentityMap;
import dev.cachedb.agent.jdbc.sql.SqlInfoCache;
import dev.cachedb.agent.jdbc.sql.SqlStatementInfo;
import dev.cachedb.agent.jdbc.sql.TableCap;
import java.util.concurrent.TimeUnit;

/**
 * Records statement executions into {@link QueryMetrics}. Installed as the bootstrap
 * {@link JdbcCalls#sink}, so advice in any class loader reaches it. Never throws.
 *
 * <p>A prepared statement's SQL is known only when it is prepared, so {@link #prepared} remembers
 * it in a weak identity map; its first execution classifies it and keeps the series with it, and
 * each later execution costs one lookup there. A plain statement's {@code addBatch(sql)} is remembered the same way until its
 * {@code executeBatch}. Statements of unknown origin (prepared before the agent was attached)
 * count as {@code OTHER}/{@code none}.
 */
public final class QueryRecorder extends JdbcCalls.Sink {
  /** Live statements remembered at most; past it new ones count as unknown rather than grow memory. */
  static final int MAX_STATEMENTS = 1 << 20;

  private final QueryMetrics metrics;
  private final SqlInfoCache sqlInfo;
  private final TableCap tables;
  private final long slowNanos;
  private final SlowQueryLog slowLog; // null when the log is off
  private final WeakIdentityMap<Statement> statements = new WeakIdentityMap<>(MAX_STATEMENTS);

  QueryRecorder(
      QueryMetrics metrics, SqlInfoCache sqlInfo, TableCap tables, long slowNanos,
      SlowQueryLog slowLog) {
    this.metrics = metrics;
    this.sqlInfo = sqlInfo;
    this.tables = tables;
    this.slowNanos = slowNanos;
    this.slowLog = slowLog;
  }

  /** Installs the recorder the configuration asks for as the bootstrap hook. */
  public static void install(QueryMetrics metrics, AgentConfig config) {
    JdbcCalls.sink = create(metrics, config);
  }

  /** The recorder the configuration asks for; slow-query lines go to the agent's log at warn. */
  static QueryRecorder create(QueryMetrics metrics, AgentConfig config) {
    SlowQueryLog log =
        config.getBoolean(ConfigKey.JDBC_SLOW_QUERY_LOG)
            ? new SlowQueryLog(TimeUnit.SECONDS.toNanos(1), AgentLog::warn)
            : null;
    return new QueryRecorder(
        metrics,
        new SqlInfoCache(config.getInt(ConfigKey.JDBC_STATEMENT_CACHE_SIZE)),
        new TableCap(config.getInt(ConfigKey.JDBC_MAX_TABLES)),
        TimeUnit.MILLISECONDS.toNanos(config.getDurationMillis(ConfigKey.JDBC_SLOW_QUERY_THRESHOLD)),
        log);
  }

  @Override
  public void prepared(Object statement, String sql) {
    try {
      if (statement == null || sql == null) {
        return;
      }
      Statement known = statements.get(statement);
      if (known == null || known.batch || !known.sql.equals(sql)) { // drivers' caches reuse
        statements.put(statement, new Statement(sql, false));
      }
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  @Override
  public void addBatch(Object statement, String sql) {
    try {
      if (statement != null && sql != null && statements.get(statement) == null) {
        statements.put(statement, new Statement(sql, true)); // first SQL classifies
      }
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  @Override
  public void executed(Object statement, String sql, boolean batch, long nanos, boolean failed) {
    try {
      QuerySeries series;
      String text = sql;
      if (sql != null) {
        series = seriesOf(sql);
      } else {
        Statement known = statements.get(statement);
        if (known == null) {
          series = metrics.series("OTHER", "none"); // made on first use: rare
        } else {
          series = known.series;
          if (series == null) {
            series = seriesOf(known.sql);
            known.series = series;
          }
          text = known.sql;
          if (batch && known.batch) {
            statements.remove(statement); // the batch is gone; the next addBatch starts anew
          }
        }
      }
      series.executed(nanos, failed);
      if (nanos >= slowNanos) {
        series.slow();
        if (slowLog != null) {
          slowLog.slow(text, series, nanos);
        }
      }
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  private QuerySeries seriesOf(String sql) {
    SqlStatementInfo info = sqlInfo.get(sql);
    return metrics.series(info.queryType(), tables.label(info.table()));
  }

  int rememberedStatements() {
    return statements.size();
  }

  /**
   * What is known of one statement. Its series is made at its first counted execution, not when
   * it is prepared: a statement prepared and never executed, or executed only by the driver itself
   * (pgjdbc prepares its catalog queries), must leave no series and take no table from the cap.
   * Two threads may both fill it; they get the same series.
   */
  private static final class Statement {
    final String sql;
    final boolean batch;
    QuerySeries series;

    Statement(String sql, boolean batch) {
      this.sql = sql;
      this.batch = batch;
    }
  }
}
