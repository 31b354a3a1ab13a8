package dev.cachedb.agent.instrumentation.hikaricp.v2_7;

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
 * {@code HikariPool}: registered when constructed, forgotten on shutdown. Its borrows are recorded
 * through Hikari's own metrics calls, by {@link HikariMetricsDelegateInstrumentation}, so
 * getConnection itself is left as it was (advice there made it too big for the JIT to inline).
 */
final class HikariPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("com.zaxxer.hikari.pool.HikariPool");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor(), getClass().getName() + "$ConstructorAdvice");
    target.applyAdvice(
        named("shutdown").and(takesArguments(0)), getClass().getName() + "$ShutdownAdvice");
  }

  public static class ConstructorAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
      PoolCalls.sink.opened(pool);
    }
  }

  public static class ShutdownAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
      PoolCalls.sink.closed(pool);
    }
  }
}
