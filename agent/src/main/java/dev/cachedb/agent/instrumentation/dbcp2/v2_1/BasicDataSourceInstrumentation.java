package dev.cachedb.agent.instrumentation.dbcp2.v2_1;

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
 * {@code BasicDataSource}: registered when {@code createConnectionPool} has built its pool (once,
 * at the first getConnection), forgotten on close, and its getConnection timed.
 */
final class BasicDataSourceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.apache.commons.dbcp2.BasicDataSource");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("createConnectionPool"), getClass().getName() + "$StartAdvice");
    target.applyAdvice(named("getConnection"), getClass().getName() + "$GetConnectionAdvice");
    target.applyAdvice(named("close").and(takesArguments(0)), getClass().getName() + "$CloseAdvice");
  }

  public static class StartAdvice {
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
        @Advice.This Object pool,
        @Advice.Enter long start,
        @Advice.Return Object connection,
        @Advice.Thrown Throwable thrown) {
      PoolCalls.borrowFinished(pool, start, connection, thrown);
    }
  }

  public static class CloseAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
      PoolCalls.sink.closed(pool);
    }
  }
}
