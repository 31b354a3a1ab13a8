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

/** The wrapper BasicDataSource hands out; its close() returns the connection to the pool. */
final class PoolGuardConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.apache.commons.dbcp2.PoolingDataSource$PoolGuardConnectionWrapper");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("close").and(takesArguments(0)), getClass().getName() + "$CloseAdvice");
  }

  public static class CloseAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object connection) {
      PoolCalls.sink.released(connection);
    }
  }
}
