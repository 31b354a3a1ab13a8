package dev.cachedb.agent.instrumentation.ucp.v19_3;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * UCP's connection pool under a data source. A lent proxy's close() gives its {@code
 * UniversalPooledConnection} back through {@code returnConnection}, or {@code closeConnection}
 * when UCP drops it instead; that object is the usage key ({@link UcpPoolReader#usageKey}).
 */
final class ConnectionPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("oracle.ucp.common.UniversalConnectionPoolImpl");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("returnConnection").or(named("closeConnection")).and(takesArguments(1)),
        PoolAdvice.RETURN_KEY);
  }
}
