package dev.cachedb.agent.instrumentation.dbcp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code BasicDataSource} of DBCP 1.4 and DBCP2, the same class in four packages (Commons' and
 * Tomcat's repackaged copies): registered when
 * {@code createConnectionPool} has built its pool (once, at the first getConnection), forgotten on
 * close, and its getConnection timed.
 */
public final class BasicDataSourceInstrumentation implements TypeInstrumentation {
  private final String packageName;

  /** {@code packageName}: Commons DBCP's or Tomcat's, e.g. {@code org.apache.commons.dbcp2}. */
  public BasicDataSourceInstrumentation(String packageName) {
    this.packageName = packageName;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named(packageName + ".BasicDataSource");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("createConnectionPool"), PoolAdvice.OPENED);
    target.applyAdvice(named("getConnection"), PoolAdvice.BORROW);
    target.applyAdvice(named("close").and(takesArguments(0)), PoolAdvice.CLOSED);
  }
}
