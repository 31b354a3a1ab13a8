package dev.cachedb.agent.instrumentation.c3p0.v0_9_5;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * c3p0 0.9.5 to 0.14 (tested 0.9.5.5 and 0.14.1). Every c3p0 data source with a pool
 * (ComboPooledDataSource, PoolBackedDataSource, DataSources.pooledDataSource) extends {@code
 * AbstractPoolBackedDataSource}, which starts its pool at the first getConnection.
 */
public final class C3p0Module extends PoolModule {

  public C3p0Module() {
    super(
        "c3p0-0.9.5",
        new Library(
            "c3p0", "com.mchange", "c3p0", "com/mchange/v2/c3p0/ComboPooledDataSource.class", 0),
        new C3p0PoolReader(),
        "com/mchange/v2/c3p0/impl/AbstractPoolBackedDataSource.class",
        // C3P0ProxyConnection, implemented by every connection proxy, since 0.9
        "com/mchange/v2/c3p0/C3P0ProxyConnection.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new PoolBackedDataSourceInstrumentation(), new ProxyConnectionInstrumentation());
  }
}
