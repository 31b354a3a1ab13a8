package dev.cachedb.agent.instrumentation.druid.v1_1;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Collections;
import java.util.List;

/**
 * Alibaba Druid 1.1 to 1.2 (tested 1.1.0 and 1.2.28): {@code DruidDataSource}, which starts its
 * pool in {@code init()}, called by the application (Spring's init-method) or by the first
 * getConnection.
 */
public final class DruidModule extends PoolModule {

  public DruidModule() {
    super(
        "druid-1.1",
        new Library(
            "druid", "com.alibaba", "druid", "com/alibaba/druid/pool/DruidDataSource.class", 1),
        new DruidPoolReader(),
        "com/alibaba/druid/pool/DruidDataSource.class",
        // the per-connection holder usage is timed on, in every version
        "com/alibaba/druid/pool/DruidConnectionHolder.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new DruidDataSourceInstrumentation());
  }
}
