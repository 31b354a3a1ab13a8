package dev.cachedb.agent.instrumentation.druid.v1_1;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;

/**
 * {@code DruidDataSource}'s own counters, the ones its StatView page shows: connections idle in
 * the pool, lent out, and threads waiting for one (1.1 to 1.2).
 */
final class DruidPoolReader extends PoolReader {
  private static final Reflect.FieldReader HOLDER = Reflect.fieldReader("holder");


  DruidPoolReader() {
    super("com.alibaba.druid.pool.DruidDataSource", "druid", null);
  }

  /**
   * The {@code name} field, not {@code getName()}: the getter makes up {@code DataSource-<hash>}
   * for an unnamed pool, a label that would change at every restart of the application.
   */
  @Override
  public String ownName(Object pool) throws Exception {
    return (String) Reflect.field(pool, "name");
  }

  /**
   * The {@code DruidConnectionHolder} inside the {@code DruidPooledConnection} lent: the wrapper is
   * new at every borrow, the holder lives as long as the physical connection, so its clock slot is
   * made once. It goes back through {@code putLast}, or {@code discardConnection} when Druid drops
   * the connection instead.
   */
  @Override
  public Object usageKey(Object connection) {
    try {
      return HOLDER.read(connection);
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public void read(Object pool, int[] out) throws Exception {
    out[IDLE] = Reflect.callInt(pool, "getPoolingCount");
    out[ACTIVE] = Reflect.callInt(pool, "getActiveCount");
    out[TOTAL] = out[IDLE] + out[ACTIVE];
    out[MAX] = Reflect.callInt(pool, "getMaxActive");
    // threads waiting on the pool's notEmpty condition, now; not the lifetime count
    out[PENDING] = Reflect.callInt(pool, "getWaitThreadCount");
  }
}
