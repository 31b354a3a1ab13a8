package dev.cachedb.agent.instrumentation.dbcp.v1_4;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.dbcp.BasicDataSourceModule;
import dev.cachedb.agent.instrumentation.dbcp.DbcpPoolReader;

/**
 * Legacy Apache Commons DBCP 1.4 (on commons-pool 1.5): the same shape as DBCP2 in the old package.
 * Its pool keeps waiting threads private, so it exports no pending gauge.
 */
public final class DbcpModule extends BasicDataSourceModule {
  private static final String PACKAGE = "org.apache.commons.dbcp";

  public DbcpModule() {
    super(
        "dbcp-1.4",
        new Library(
            "dbcp",
            "commons-dbcp",
            "commons-dbcp",
            "org/apache/commons/dbcp/BasicDataSource.class",
            1),
        // no name; maxActive until 1.4; commons-pool 1.x keeps its waiters private
        new DbcpPoolReader(PACKAGE, "dbcp", null, "getMaxActive", false),
        "org/apache/commons/dbcp/BasicDataSource.class",
        // the guard wrapper of borrowed connections, in 1.3 and 1.4
        "org/apache/commons/dbcp/PoolingDataSource$PoolGuardConnectionWrapper.class");
  }
}
