package dev.cachedb.agent.instrumentation.vibur.v22_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code PoolOperations.restore(ConnHolder, valid, errors)}: the lent proxy's close() ends here,
 * valid or not, with the holder its usage is timed on (from {@link ProxyInstrumentation}).
 */
final class PoolOperationsInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.vibur.dbcp.pool.PoolOperations");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("restore").and(takesArguments(3)), PoolAdvice.RETURN_KEY);
  }
}
