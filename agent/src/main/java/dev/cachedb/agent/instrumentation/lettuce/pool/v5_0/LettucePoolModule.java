package dev.cachedb.agent.instrumentation.lettuce.pool.v5_0;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.lettuce.v5_0.LettuceModule;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import dev.cachedb.agent.pool.PoolRecorder;
import java.util.Collections;
import java.util.List;

/**
 * Lettuce 5.0 to 7.x connection pools (tested 5.0.0 and 7.7.0) from {@code
 * ConnectionPoolSupport}: the commons-pool2 pools of {@code StatefulConnection}s. The async
 * {@code BoundedAsyncPool} is not covered.
 */
public final class LettucePoolModule extends PoolModule {

  public LettucePoolModule() {
    super(
        "lettuce-pool-5.0",
        LettuceModule.LETTUCE,
        new LettucePoolReader(ConnectionPoolInstrumentation.GENERIC),
        "io/lettuce/core/support/ConnectionPoolSupport.class",
        "org/apache/commons/pool2/impl/GenericObjectPool.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new ConnectionPoolInstrumentation());
  }

  /** One reader per pool class the support builds. */
  @Override
  public void start(AgentContext context) {
    super.start(context);
    PoolRecorder.install(context, new LettucePoolReader(ConnectionPoolInstrumentation.SOFT));
  }
}
