package dev.cachedb.agent.instrumentation.hikaricp.v2_7;

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
 * HikariCP's own metrics hook. Every pool calls its metrics-tracker delegate on each borrow, {@code
 * recordBorrowStats(entry, startTime)}, on each return, {@code recordConnectionUsage(entry)}, and
 * on each borrow that timed out, {@code recordBorrowTimeoutStats(startTime)}, whether or not the
 * application set a tracker: the interface's default methods serve the no-tracker case, {@code
 * MetricsTrackerDelegate} forwards to the application's tracker. Advice on both adds our recording
 * and leaves the forwarding as it was.
 *
 * <p>Why here and not around getConnection and close: Hikari already read the clock when the borrow
 * began and hands that reading over, so one clock reading per borrow and one per return give both
 * histograms. The key is the {@code PoolEntry}, Hikari's long-lived holder of one physical
 * connection, so its usage clock is found lock-free and reused.
 *
 * <p>A failed borrow is a timeout in Hikari whatever the cause (pool exhausted, database down:
 * connections are made in the background), so the timeout call counts acquire errors. Only an
 * interrupted borrow throws without it, and is not counted.
 */
final class HikariMetricsDelegateInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // both nested in PoolBase from 2.7 to 7.x
    return ByName.named(
        "com.zaxxer.hikari.pool.PoolBase$IMetricsTrackerDelegate",
        "com.zaxxer.hikari.pool.PoolBase$MetricsTrackerDelegate");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("recordBorrowStats").and(takesArguments(2)), getClass().getName() + "$BorrowAdvice");
    target.applyAdvice(
        named("recordConnectionUsage").and(takesArguments(1)), PoolAdvice.RETURN_KEY);
    target.applyAdvice(
        named("recordBorrowTimeoutStats").and(takesArguments(1)),
        getClass().getName() + "$TimeoutAdvice");
  }

  public static class BorrowAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object entry, @Advice.Argument(1) long start) {
      PoolCalls.sink.acquiredSince(entry, start);
    }
  }

  public static class TimeoutAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object delegate) {
      PoolCalls.sink.acquireTimedOut(delegate);
    }
  }
}
