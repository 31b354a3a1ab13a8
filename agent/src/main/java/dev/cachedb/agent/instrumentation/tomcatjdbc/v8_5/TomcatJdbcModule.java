package dev.cachedb.agent.instrumentation.tomcatjdbc.v8_5;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Collections;
import java.util.List;

/**
 * Tomcat JDBC 8.5 to 11 (tested 8.5.100 and 11.0.27). Every Tomcat JDBC data source, built in code,
 * by Spring or by Tomcat's JNDI factory, creates a {@code ConnectionPool}.
 */
public final class TomcatJdbcModule extends PoolModule {

  public TomcatJdbcModule() {
    super(
        "tomcat-jdbc-8.5",
        new Library(
            "tomcat-jdbc",
            "org.apache.tomcat",
            "tomcat-jdbc",
            "org/apache/tomcat/jdbc/pool/ConnectionPool.class",
            11),
        new TomcatPoolReader(),
        "org/apache/tomcat/jdbc/pool/ConnectionPool.class",
        // the per-connection wrapper returnConnection takes, in every version
        "org/apache/tomcat/jdbc/pool/PooledConnection.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ConnectionPoolInstrumentation());
  }
}
