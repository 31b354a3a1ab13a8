package dev.cachedb.agent.instrumentation.c3p0.v0_9_5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** close() of the connection proxy c3p0 hands out, which returns it to the pool. */
final class ProxyConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named(
        "com.mchange.v2.c3p0.impl.NewProxyConnection", // 0.9.5.x
        "com.mchange.v2.c3p0.impl.AbstractNewProxyConnection"); // 0.10 and newer
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("close").and(takesArguments(0)), PoolAdvice.RETURN);
  }
}
