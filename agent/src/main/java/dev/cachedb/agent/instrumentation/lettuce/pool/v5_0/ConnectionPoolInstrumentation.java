package dev.cachedb.agent.instrumentation.lettuce.pool.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The pools {@code ConnectionPoolSupport} builds: anonymous subclasses of commons-pool2's {@code
 * GenericObjectPool} ({@code $1}, from {@code createGenericObjectPool}) and {@code
 * SoftReferenceObjectPool} ({@code $2}, from {@code createSoftReferenceObjectPool}), the same two
 * names from 5.0 to 7.x. Only these are woven, never commons-pool2 itself, so the application's
 * other pools are left alone. Their {@code borrowObject} (no argument up to 6.x, {@code Duration}
 * from 7.0, which the inherited no-argument one calls) is timed; {@code returnObject} takes back
 * what was lent, a proxy when the pool wraps connections. Their close is inherited, so a closed
 * pool is found at scrape time ({@link LettucePoolReader#closed}); they are registered at their
 * first borrow, when they hold a connection to be named after.
 */
final class ConnectionPoolInstrumentation implements TypeInstrumentation {

  static final String GENERIC = "io.lettuce.core.support.ConnectionPoolSupport$1";
  static final String SOFT = "io.lettuce.core.support.ConnectionPoolSupport$2";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named(GENERIC, SOFT);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("borrowObject").and(not(isBridge())), PoolAdvice.BORROW);
    target.applyAdvice(named("returnObject").and(not(isBridge())), PoolAdvice.RETURNED);
  }
}
