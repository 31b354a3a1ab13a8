package dev.cachedb.agent.instrumentation.c3p0.v0_9_5;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AbstractPoolBackedDataSource}: its pool starts lazily inside getConnection, so the
 * recorder registers the data source at its first successful borrow; close() and close(boolean)
 * forget it, before closing: a scrape that reads a closed c3p0 data source would restart its pool.
 * Reading its counters before the first borrow would start the pool, which the agent must never do,
 * hence no registration earlier.
 */
final class PoolBackedDataSourceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("com.mchange.v2.c3p0.impl.AbstractPoolBackedDataSource");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("getConnection"), PoolAdvice.BORROW);
    target.applyAdvice(named("close"), PoolAdvice.CLOSING);
  }
}
