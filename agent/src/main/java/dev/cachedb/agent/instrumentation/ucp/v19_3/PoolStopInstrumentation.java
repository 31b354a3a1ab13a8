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
 * UCP has no close on its data source: a pool ends when {@code UniversalConnectionPoolBase.stop()}
 * runs, which {@code UniversalConnectionPoolManager}'s {@code stopConnectionPool} and {@code
 * destroyConnectionPool} call. The data source whose pool stopped is then forgotten ({@link
 * UcpPoolReader#closesWith}); a later getConnection restarts the pool and registers it again.
 */
final class PoolStopInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("oracle.ucp.common.UniversalConnectionPoolBase");
  }

  @Override
  public void transform(AdviceTarget target) {
    // at entry: a scrape during stop() must not read a pool emptying its counters
    target.applyAdvice(named("stop").and(takesArguments(0)), PoolAdvice.CLOSING);
  }
}
