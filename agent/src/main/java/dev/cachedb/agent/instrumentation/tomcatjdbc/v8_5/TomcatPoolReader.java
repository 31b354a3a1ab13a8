package dev.cachedb.agent.instrumentation.tomcatjdbc.v8_5;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;

/**
 * {@code ConnectionPool}, which every Tomcat DataSource starts (8.5 to 11); its maximum is in its
 * {@code PoolProperties}.
 */
final class TomcatPoolReader extends PoolReader {

  TomcatPoolReader() {
    super("org.apache.tomcat.jdbc.pool.ConnectionPool", "tomcat", "getName");
  }

  @Override
  public void read(Object pool, int[] out) throws Exception {
    Object properties = Reflect.call(pool, "getPoolProperties");
    out[MAX] = Reflect.callInt(properties, "getMaxActive");
    out[TOTAL] = Reflect.callInt(pool, "getSize");
    out[IDLE] = Reflect.callInt(pool, "getIdle");
    out[ACTIVE] = Reflect.callInt(pool, "getActive");
    out[PENDING] = Reflect.callInt(pool, "getWaitCount");
  }

  /**
   * Tomcat hands out JDK dynamic proxies, which cannot be instrumented: usage is timed on the
   * PooledConnection, from setupConnection to returnConnection.
   */
  @Override
  public boolean timesReturnedConnection() {
    return false;
  }
}
