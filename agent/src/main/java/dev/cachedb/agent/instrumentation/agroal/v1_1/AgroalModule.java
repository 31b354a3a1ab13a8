package dev.cachedb.agent.instrumentation.agroal.v1_1;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Collections;
import java.util.List;

/**
 * Agroal 1.x and 2.x (tested 1.1 and 2.8): the {@code ConnectionPool} behind every {@code
 * AgroalDataSource} of agroal-pool, whether built with {@code AgroalDataSource.from}, by Quarkus
 * or by WildFly.
 */
public final class AgroalModule extends PoolModule {

  public AgroalModule() {
    super(
        "agroal-1.1",
        new Library(
            "agroal-pool", "io.agroal", "agroal-pool", "io/agroal/pool/ConnectionPool.class", 2),
        new AgroalPoolReader(),
        "io/agroal/pool/ConnectionPool.class",
        // the per-connection handler usage is timed on, in every version
        "io/agroal/pool/ConnectionHandler.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ConnectionPoolInstrumentation());
  }
}
