package dev.cachedb.agent.instrumentation.druid.v1_1;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code DruidDataSource}: registered when {@code init()} starts the pool's creator thread, once
 * per start (init itself runs at every getConnection and returns at once when started); forgotten
 * on close; timed at {@code getConnection(long)}, which every other getConnection calls.
 *
 * <p>Usage is timed on the {@code DruidConnectionHolder} inside what getConnection lends (see
 * {@link DruidPoolReader#usageKey}): it stops when the holder goes back ({@code putLast}) or is
 * dropped instead ({@code discardConnection}: a broken connection, a maximum use count reached).
 */
final class DruidDataSourceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("com.alibaba.druid.pool.DruidDataSource");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("createAndStartCreatorThread"), PoolAdvice.OPENED);
    target.applyAdvice(
        named("getConnection").and(takesArguments(long.class)), PoolAdvice.BORROW);
    target.applyAdvice(named("putLast"), PoolAdvice.RETURN_KEY);
    // the holder (1.1.24 on; a raw connection before, which no clock is keyed by)
    target.applyAdvice(named("discardConnection").and(takesArguments(1)), PoolAdvice.RETURN_KEY);
    target.applyAdvice(named("close").and(takesArguments(0)), PoolAdvice.CLOSED);
  }
}
