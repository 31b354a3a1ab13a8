package dev.cachedb.it.testagent;

import static dev.cachedb.it.testagent.FailingSinks.failure;

import dev.cachedb.agent.bootstrap.PoolCalls;

/** Throws from every pool event after the agent's recorder ran. */
final class FailingPoolSink extends PoolCalls.Sink {
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
  public void acquired(Object pool, Object connection, long start, long end) {
    real.acquired(pool, connection, start, end);
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
  public void lent(Object pool, Object key) {
    real.lent(pool, key);
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

  @Override
  public void returned(Object pool, Object connection) {
    real.returned(pool, connection);
    throw failure();
  }
}
