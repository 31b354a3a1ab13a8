package dev.cachedb.agent.instrumentation.c3p0.v0_9_5;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;

/**
 * The pool-backed data source's default-user pool, read through the data source's own getters, the
 * ones its MBean exports (0.9.5 to 0.14).
 */
final class C3p0PoolReader extends PoolReader {

  C3p0PoolReader() {
    super("com.mchange.v2.c3p0.impl.AbstractPoolBackedDataSource", "c3p0", "getDataSourceName");
  }

  @Override
  public void read(Object dataSource, int[] out) throws Exception {
    out[MAX] = Reflect.callInt(dataSource, "getMaxPoolSize");
    out[TOTAL] = Reflect.callInt(dataSource, "getNumConnectionsDefaultUser");
    out[IDLE] = Reflect.callInt(dataSource, "getNumIdleConnectionsDefaultUser");
    out[ACTIVE] = Reflect.callInt(dataSource, "getNumBusyConnectionsDefaultUser");
    out[PENDING] = Reflect.callInt(dataSource, "getNumThreadsAwaitingCheckoutDefaultUser");
  }
}
