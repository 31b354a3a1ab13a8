package dev.cachedb.agent.instrumentation.tomcatdbcp.v7_0;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.dbcp.BasicDataSourceModule;
import dev.cachedb.agent.instrumentation.dbcp.DbcpPoolReader;

/**
 * Tomcat 7's JNDI pool: Commons DBCP 1.4 and commons-pool 1.5 repackaged under {@code
 * org.apache.tomcat.dbcp} in {@code tomcat-dbcp.jar}, woven as DBCP 1.4 is. Like DBCP 1.4 it has
 * no pool name (nor a JMX registration that would carry the JNDI name) and keeps its waiters
 * private. Tomcat 8.0 replaced it with repackaged DBCP2 ({@code v8_0}).
 */
public final class TomcatDbcpModule extends BasicDataSourceModule {
  private static final String PACKAGE = "org.apache.tomcat.dbcp.dbcp";

  public TomcatDbcpModule() {
    super(
        "tomcat-dbcp-7.0",
        new Library(
            "tomcat-dbcp",
            "org.apache.tomcat",
            "tomcat-dbcp",
            "org/apache/tomcat/dbcp/dbcp/BasicDataSource.class",
            7),
        new DbcpPoolReader(PACKAGE, "tomcat-dbcp", null, "getMaxActive", false),
        // the DBCP 1 package, Tomcat 7 only
        "org/apache/tomcat/dbcp/dbcp/BasicDataSource.class",
        "org/apache/tomcat/dbcp/dbcp/PoolingDataSource$PoolGuardConnectionWrapper.class");
  }
}
