package dev.cachedb.agent.instrumentation.tomcatdbcp.v8_0;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.dbcp.BasicDataSourceModule;

/**
 * Tomcat's JNDI pool since 8.0 (tested 8.0.53 to 11.0.18): Commons DBCP2 and commons-pool2
 * repackaged under {@code org.apache.tomcat.dbcp} in {@code tomcat-dbcp.jar}, what a {@code
 * <Resource type="javax.sql.DataSource">} without a {@code factory} attribute builds. The classes
 * have DBCP2's shape, so DBCP2's instrumentations serve; only the name differs.
 */
public final class TomcatDbcp2Module extends BasicDataSourceModule {

  public TomcatDbcp2Module() {
    super(
        "tomcat-dbcp2-8.0",
        new Library(
            "tomcat-dbcp",
            "org.apache.tomcat",
            "tomcat-dbcp",
            "org/apache/tomcat/dbcp/dbcp2/BasicDataSource.class",
            11),
        new TomcatDbcp2PoolReader(),
        // the DBCP2 package, since Tomcat 8.0
        "org/apache/tomcat/dbcp/dbcp2/BasicDataSource.class",
        "org/apache/tomcat/dbcp/dbcp2/PoolingDataSource$PoolGuardConnectionWrapper.class");
  }
}
