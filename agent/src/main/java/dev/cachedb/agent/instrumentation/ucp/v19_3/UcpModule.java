package dev.cachedb.agent.instrumentation.ucp.v19_3;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * Oracle UCP 19 to 23 (tested 19.3 and 23.26, artifacts {@code ucp} and {@code ucp11}): {@code
 * PoolDataSourceImpl}, whatever driver its connection factory names, and the connection pool it
 * starts, through which every lent connection goes back and which stops when the application
 * stops or destroys it through {@code UniversalConnectionPoolManager}.
 */
public final class UcpModule extends PoolModule {

  public UcpModule() {
    super(
        "ucp-19.3",
        // ucp and ucp11 jars have no pom.properties: their manifest states the version
        new Library(
            "ucp", "com.oracle.database.jdbc", "ucp", "oracle/ucp/jdbc/PoolDataSourceImpl.class", 23),
        new UcpPoolReader(),
        "oracle/ucp/jdbc/PoolDataSourceImpl.class",
        "oracle/ucp/common/UniversalConnectionPoolImpl.class",
        // what a lent proxy holds its pooled connection through, in every version
        "oracle/ucp/jdbc/proxy/Creator.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new PoolDataSourceInstrumentation(),
        new ConnectionPoolInstrumentation(),
        new PoolStopInstrumentation());
  }
}
