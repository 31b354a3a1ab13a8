package dev.cachedb.agent.instrumentation.dbcp2.v2_1;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * Apache Commons DBCP2 2.x (tested 2.1.1 and 2.14.0): {@code BasicDataSource}, which starts its
 * pool at the first getConnection, however it was configured (setters, Spring, JNDI factory).
 */
public final class Dbcp2Module extends PoolModule {

  public Dbcp2Module() {
    super(
        "dbcp2-2.1",
        new Library("dbcp2", "org.apache.commons", "commons-dbcp2",
            "org/apache/commons/dbcp2/BasicDataSource.class", 2),
        // the 2.x package; 1.x lived in org.apache.commons.dbcp (DbcpModule)
        "org/apache/commons/dbcp2/BasicDataSource.class",
        // the guard wrapper every borrowed connection comes in, since 2.0
        "org/apache/commons/dbcp2/PoolingDataSource$PoolGuardConnectionWrapper.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new BasicDataSourceInstrumentation(), new PoolGuardConnectionInstrumentation());
  }
}
