package dev.cachedb.agent.instrumentation.dbcp;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;

/**
 * {@code BasicDataSource} of DBCP 1.4 and DBCP2: the same getters but for the maximum, and waiters
 * only where the underlying pool tells them (commons-pool2's {@code getNumWaiters}). Tomcat's
 * repackaged copies have the same shape in other packages; its DBCP2 line extends this reader only
 * to find the pool's JNDI name.
 */
public class DbcpPoolReader extends PoolReader {
  final String packageName;
  private final String maxGetter;
  private final boolean countsWaiters;

  /**
   * {@code nameGetter}: DBCP2's {@code getJmxName}, null for DBCP 1.4, whose pools have no name;
   * {@code maxGetter}: the getter of the configured maximum; {@code countsWaiters}: whether the
   * {@code connectionPool} field holds a pool with {@code getNumWaiters}.
   */
  public DbcpPoolReader(
      String packageName, String type, String nameGetter, String maxGetter, boolean countsWaiters) {
    super(packageName + ".BasicDataSource", type, nameGetter);
    this.packageName = packageName;
    this.maxGetter = maxGetter;
    this.countsWaiters = countsWaiters;
  }

  @Override
  public final void read(Object pool, int[] out) throws Exception {
    out[ACTIVE] = Reflect.callInt(pool, "getNumActive");
    out[IDLE] = Reflect.callInt(pool, "getNumIdle");
    out[TOTAL] = out[ACTIVE] + out[IDLE];
    out[MAX] = Reflect.callInt(pool, maxGetter);
    out[PENDING] =
        countsWaiters
            ? Reflect.callInt(Reflect.field(pool, "connectionPool"), "getNumWaiters")
            : -1;
  }
}
