package dev.cachedb.agent.instrumentation.vibur.v22_0;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * Vibur DBCP 22 to 26 (tested 22.0 and 26.0): {@code ViburDBCPDataSource}, which the application
 * starts with {@code start()}, its {@code Proxy}, which wraps every connection lent, and its
 * {@code PoolOperations}, through which every lent connection goes back.
 */
public final class ViburModule extends PoolModule {

  public ViburModule() {
    super(
        "vibur-22.0",
        new Library(
            "vibur-dbcp", "org.vibur", "vibur-dbcp", "org/vibur/dbcp/ViburDBCPDataSource.class", 26),
        new ViburPoolReader(),
        "org/vibur/dbcp/ViburDBCPDataSource.class",
        "org/vibur/dbcp/pool/PoolOperations.class",
        "org/vibur/dbcp/proxy/Proxy.class",
        // added in 22.0
        "org/vibur/dbcp/pool/TakenConnectionsFormatter.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ViburDataSourceInstrumentation(),
        new PoolOperationsInstrumentation(),
        new ProxyInstrumentation());
  }
}
