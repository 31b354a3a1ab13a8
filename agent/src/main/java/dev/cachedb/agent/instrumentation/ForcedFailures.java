package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.bootstrap.JdbcCalls;
import dev.cachedb.agent.bootstrap.PoolCalls;
import dev.cachedb.agent.log.AgentLog;

/**
 * TEST ONLY, not for users and deliberately left out of the README: with the system property
 * {@value #PROPERTY}{@code =true}, every call into the cache, JDBC and pool recorders throws
 * after the real recorder has run. Integration tests use it to prove that an exception inside the
 * agent's recording path, reached by the real advice through the real bootstrap hooks, is
 * swallowed and the application's call returns its normal result.
 *
 * <p>Not a {@code cachedb.*} key on purpose: that prefix is configuration, and the parser would
 * reject an unknown key there. Installed after every module has put its recorder in place.
 */
public final class ForcedFailures {
  public static final String PROPERTY = "dev.cachedb.agent.test.failRecording";

  private ForcedFailures() {}

  /** Wraps the installed recorders in throwing ones, if the test switch is on. */
  public static void installIfAsked() {
    if (!Boolean.getBoolean(PROPERTY)) {
      return;
    }
    CacheCalls.sink = new FailingCacheSink(CacheCalls.sink);
    JdbcCalls.sink = new FailingJdbcSink(JdbcCalls.sink);
    PoolCalls.sink = new FailingPoolSink(PoolCalls.sink);
    AgentLog.warn("test switch " + PROPERTY + " is on: every recording call throws");
  }

  static RuntimeException failure() {
    return new IllegalStateException("forced recording failure (" + PROPERTY + ")");
  }

  private static final class FailingCacheSink extends CacheCalls.Sink {
    private final CacheCalls.Sink real;

    FailingCacheSink(CacheCalls.Sink real) {
      this.real = real;
    }

    @Override
    public void read(String command, int hits, int misses, long nanos) {
      real.read(command, hits, misses, nanos);
      throw failure();
    }

    @Override
    public void success(String command, long nanos) {
      real.success(command, nanos);
      throw failure();
    }

    @Override
    public void error(String command, long nanos) {
      real.error(command, nanos);
      throw failure();
    }

    @Override
    public void server(String host, int port, String user, char[] password) {
      real.server(host, port, user, password);
      throw failure();
    }
  }

  private static final class FailingJdbcSink extends JdbcCalls.Sink {
    private final JdbcCalls.Sink real;

    FailingJdbcSink(JdbcCalls.Sink real) {
      this.real = real;
    }

    @Override
    public void prepared(Object statement, String sql) {
      real.prepared(statement, sql);
      throw failure();
    }

    @Override
    public void addBatch(Object statement, String sql) {
      real.addBatch(statement, sql);
      throw failure();
    }

    @Override
    public void executed(Object statement, String sql, boolean batch, long nanos, boolean failed) {
      real.executed(statement, sql, batch, nanos, failed);
      throw failure();
    }
  }

  private static final class FailingPoolSink extends PoolCalls.Sink {
    private final PoolCalls.Sink real;

    FailingPoolSink(PoolCalls.Sink real) {
      this.real = real;
    }

    @Override
    public void opened(Object pool) {
      real.opened(pool);
      throw failure();
    }

    @Override
    public void closed(Object pool) {
      real.closed(pool);
      throw failure();
    }

    @Override
    public void acquired(Object pool, Object connection, long nanos) {
      real.acquired(pool, connection, nanos);
      throw failure();
    }

    @Override
    public void acquireFailed(Object pool, long nanos) {
      real.acquireFailed(pool, nanos);
      throw failure();
    }

    @Override
    public void checkedOut(Object pool, Object key) {
      real.checkedOut(pool, key);
      throw failure();
    }

    @Override
    public void acquiredSince(Object key, long poolStart) {
      real.acquiredSince(key, poolStart);
      throw failure();
    }

    @Override
    public void acquireTimedOut(Object hook) {
      real.acquireTimedOut(hook);
      throw failure();
    }

    @Override
    public void released(Object key) {
      real.released(key);
      throw failure();
    }
  }
}
