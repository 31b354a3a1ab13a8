package dev.cachedb.it.testagent;

import static dev.cachedb.it.testagent.FailingSinks.failure;

import dev.cachedb.agent.bootstrap.JdbcCalls;

/** Throws from every JDBC event after the agent's recorder ran. */
final class FailingJdbcSink extends JdbcCalls.Sink {
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
