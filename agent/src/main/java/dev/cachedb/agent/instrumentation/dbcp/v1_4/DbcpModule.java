package dev.cachedb.agent.instrumentation.dbcp.v1_4;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * Legacy Apache Commons DBCP 1.4 (on commons-pool 1.5): the same shape as DBCP2 in the old
 * package. Its pool keeps waiting threads private, so it exports no pending gauge.
 */
public final class DbcpModule extends PoolModule {

  public DbcpModule() {
    super(
        "dbcp-1.4",
        new Library("dbcp", "commons-dbcp", "commons-dbcp",
            "org/apache/commons/dbcp/BasicDataSource.class", 1),
        "org/apache/commons/dbcp/BasicDataSource.class",
        // the guard wrapper of borrowed connections, in 1.3 and 1.4
        "org/apache/commons/dbcp/PoolingDataSource$PoolGuardConnectionWrapper.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new BasicDataSourceInstrumentation(), new PoolGuardConnectionInstrumentation());
  }
}
