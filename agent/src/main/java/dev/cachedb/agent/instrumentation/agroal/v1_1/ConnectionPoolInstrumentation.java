package dev.cachedb.agent.instrumentation.agroal.v1_1;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ConnectionPool}: registered by {@code init()} (the data source's constructor calls it),
 * forgotten on close, its getConnection timed; the handler of a lent connection goes back through
 * {@code returnConnection} (1.1) or {@code returnConnectionHandler} (1.17 and 2.x).
 */
final class ConnectionPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("io.agroal.pool.ConnectionPool");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("init").and(takesArguments(0)), PoolAdvice.OPENED);
    target.applyAdvice(named("getConnection").and(takesArguments(0)), PoolAdvice.BORROW);
    target.applyAdvice(
        named("returnConnection").or(named("returnConnectionHandler")).and(takesArguments(1)),
        PoolAdvice.RETURN_KEY);
    target.applyAdvice(named("close").and(takesArguments(0)), PoolAdvice.CLOSED);
  }
}
