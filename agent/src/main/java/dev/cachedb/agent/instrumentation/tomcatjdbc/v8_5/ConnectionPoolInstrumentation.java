package dev.cachedb.agent.instrumentation.tomcatjdbc.v8_5;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.PoolCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ConnectionPool}. Tomcat hands out JDK dynamic proxies, which cannot be instrumented, so
 * usage is timed on the pool's side: from {@code setupConnection(PooledConnection)} (the end of
 * every borrow) to {@code returnConnection(PooledConnection)}.
 */
final class ConnectionPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.apache.tomcat.jdbc.pool.ConnectionPool");
  }

  @Override
  public void transform(AdviceTarget target) {
    String advice = getClass().getName();
    target.applyAdvice(isConstructor(), advice + "$ConstructorAdvice");
    target.applyAdvice(named("getConnection"), advice + "$GetConnectionAdvice");
    target.applyAdvice(named("setupConnection").and(takesArguments(1)), advice + "$CheckOutAdvice");
    target.applyAdvice(named("returnConnection").and(takesArguments(1)), advice + "$ReturnAdvice");
    target.applyAdvice(named("close").and(takesArguments(1)), advice + "$CloseAdvice");
  }

  public static class ConstructorAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
      PoolCalls.sink.opened(pool);
    }
  }

  public static class GetConnectionAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
      return PoolCalls.borrowStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This Object pool, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      // no connection: the usage clock runs on the PoolEntry (HikariProxyConnectionInstrumentation)
      PoolCalls.borrowFinished(pool, start, null, thrown);
    }
  }

  public static class CheckOutAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object pool, @Advice.Argument(0) Object pooled) {
      PoolCalls.sink.checkedOut(pool, pooled);
    }
  }

  public static class ReturnAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object pooled) {
      PoolCalls.sink.released(pooled);
    }
  }

  public static class CloseAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
      PoolCalls.sink.closed(pool);
    }
  }
}
