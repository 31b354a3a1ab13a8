package dev.cachedb.agent.instrumentation.dbcp.v2_1;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.dbcp.BasicDataSourceModule;
import dev.cachedb.agent.instrumentation.dbcp.DbcpPoolReader;

/**
 * Apache Commons DBCP2 2.x (tested 2.1.1 and 2.14.0): {@code BasicDataSource}, which starts its
 * pool at the first getConnection, however it was configured (setters, Spring, JNDI factory).
 */
public final class Dbcp2Module extends BasicDataSourceModule {
  // the 2.x package; 1.x lived in org.apache.commons.dbcp (DbcpModule)
  private static final String PACKAGE = "org.apache.commons.dbcp2";

  public Dbcp2Module() {
    super(
        "dbcp2-2.1",
        new Library(
            "dbcp2",
            "org.apache.commons",
            "commons-dbcp2",
            "org/apache/commons/dbcp2/BasicDataSource.class",
            2),
        // a JMX name, maxTotal and a commons-pool2 pool that counts its waiters, since 2.0
        new DbcpPoolReader(PACKAGE, "dbcp2", "getJmxName", "getMaxTotal", true),
        "org/apache/commons/dbcp2/BasicDataSource.class",
        // the guard wrapper every borrowed connection comes in, since 2.0
        "org/apache/commons/dbcp2/PoolingDataSource$PoolGuardConnectionWrapper.class");
  }
}
