package dev.cachedb.agent.instrumentation.hikaricp.v2_7;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
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
    target.applyAdvice(isConstructor(), PoolAdvice.OPENED);
    target.applyAdvice(named("shutdown").and(takesArguments(0)), PoolAdvice.CLOSED);
  }
}
