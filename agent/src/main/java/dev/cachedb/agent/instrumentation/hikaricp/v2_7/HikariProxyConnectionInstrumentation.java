package dev.cachedb.agent.instrumentation.hikaricp.v2_7;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.PoolCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The usage clock of Hikari runs on its {@code PoolEntry}, the long-lived holder of one physical
 * connection: started when the entry creates the proxy it hands out, stopped by the proxy's
 * {@code close()} (final in every version). Keyed by the entry, not the new proxy of each borrow,
 * the clock reuses its slot, so a borrow and return allocate nothing. A second close finds the
 * clock stopped and records nothing.
 */
final class HikariProxyConnectionInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.zaxxer.hikari.pool.ProxyConnection");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("close").and(takesArguments(0)), getClass().getName() + "$CloseAdvice");
  }

  public static class CloseAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("poolEntry") Object entry) {
      PoolCalls.sink.released(entry);
    }
  }
}
