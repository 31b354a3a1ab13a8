package dev.cachedb.agent.instrumentation.hikaricp.v2_7;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.cachedb.agent.bootstrap.PoolCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code PoolEntry.createProxyConnection}, called once per borrow, starts the entry's usage clock
 * (see {@link HikariProxyConnectionInstrumentation} for why the entry is the key).
 */
final class HikariPoolEntryInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.zaxxer.hikari.pool.PoolEntry");
  }

  @Override
  public void transform(AdviceTarget target) {
    // (leakTask, now) in 2.x and 3.x, (leakTask) since 4.0
    target.applyAdvice(named("createProxyConnection"), getClass().getName() + "$BorrowAdvice");
  }

  public static class BorrowAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object entry, @Advice.FieldValue("hikariPool") Object pool) {
      PoolCalls.sink.checkedOut(pool, entry);
    }
  }
}
