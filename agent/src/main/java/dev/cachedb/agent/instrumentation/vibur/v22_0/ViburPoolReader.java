package dev.cachedb.agent.instrumentation.vibur.v22_0;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;

/**
 * {@code ViburDBCPDataSource} read through its vibur-object-pool {@code ConcurrentPool}: created,
 * idle and taken objects, the maximum, and the threads queued on the pool's take semaphore, which
 * holds one permit per connection it may lend (22 to 26).
 */
final class ViburPoolReader extends PoolReader {

  ViburPoolReader() {
    super("org.vibur.dbcp.ViburDBCPDataSource", "vibur", null);
  }

  /**
   * The {@code name} the application set, or null: Vibur names every pool ({@code p1}, {@code
   * p2}...) and keeps that made-up name in {@code defaultName}; it would change with the order
   * pools are built in.
   */
  @Override
  public String ownName(Object pool) throws Exception {
    Object name = Reflect.field(pool, "name");
    return name instanceof String && !name.equals(Reflect.field(pool, "defaultName"))
        ? (String) name
        : null;
  }

  @Override
  public void read(Object dataSource, int[] out) throws Exception {
    Object pool = Reflect.call(dataSource, "getPool");
    if (pool == null) {
      // not started: nothing to tell (the collector reuses out from pool to pool)
      java.util.Arrays.fill(out, -1);
      return;
    }
    out[TOTAL] = Reflect.callInt(pool, "createdTotal");
    out[IDLE] = Reflect.callInt(pool, "remainingCreated");
    out[ACTIVE] = Reflect.callInt(pool, "taken");
    out[MAX] = Reflect.callInt(pool, "maxSize");
    Object permits = Reflect.field(pool, "takeSemaphore");
    out[PENDING] = permits == null ? -1 : Reflect.callInt(permits, "getQueueLength");
  }

  /** Usage is timed on the {@code ConnHolder} at {@code Proxy.newProxyConnection} instead. */
  @Override
  public boolean timesReturnedConnection() {
    return false;
  }
}
