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
 * {@code ViburDBCPDataSource}: registered when {@code start()} has built its pool, forgotten at
 * {@code terminate()} (which {@code close()} calls), its getConnection overloads timed as one.
 */
final class ViburDataSourceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.vibur.dbcp.ViburDBCPDataSource");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("start").and(takesArguments(0)), PoolAdvice.OPENED);
    target.applyAdvice(named("getConnection"), PoolAdvice.BORROW);
    target.applyAdvice(named("terminate").and(takesArguments(0)), PoolAdvice.CLOSED);
  }
}
