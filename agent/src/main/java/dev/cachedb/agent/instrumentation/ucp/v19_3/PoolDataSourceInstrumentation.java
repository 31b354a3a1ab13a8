package dev.cachedb.agent.instrumentation.ucp.v19_3;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code PoolDataSourceImpl}: registered when {@code startPool} has built its pool (the first
 * getConnection calls it, or the application does); its getConnection overloads, which call one
 * another, timed as one.
 */
final class PoolDataSourceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("oracle.ucp.jdbc.PoolDataSourceImpl");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("startPool"), PoolAdvice.OPENED);
    target.applyAdvice(named("getConnection"), PoolAdvice.BORROW);
  }
}
