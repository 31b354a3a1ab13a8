package dev.cachedb.agent.instrumentation.tomcatjdbc.v8_5;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.PoolCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ConnectionPool}. Tomcat hands out JDK dynamic proxies, which cannot be instrumented, so
 * usage is timed on the pool's side: from {@code setupConnection(PooledConnection)} (the end of
 * every borrow) to {@code returnConnection(PooledConnection)}; {@link TomcatPoolReader} tells the
 * recorder not to time the proxy getConnection returns.
 */
final class ConnectionPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.apache.tomcat.jdbc.pool.ConnectionPool");
  }

  @Override
  public void transform(AdviceTarget target) {
    String advice = getClass().getName();
    target.applyAdvice(isConstructor(), PoolAdvice.OPENED);
    target.applyAdvice(named("getConnection"), PoolAdvice.BORROW);
    target.applyAdvice(named("setupConnection").and(takesArguments(1)), advice + "$CheckOutAdvice");
    target.applyAdvice(named("returnConnection").and(takesArguments(1)), PoolAdvice.RETURN_KEY);
    target.applyAdvice(named("close").and(takesArguments(1)), PoolAdvice.CLOSED);
  }

  public static class CheckOutAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object pool, @Advice.Argument(0) Object pooled) {
      PoolCalls.sink.checkedOut(pool, pooled);
    }
  }
}
