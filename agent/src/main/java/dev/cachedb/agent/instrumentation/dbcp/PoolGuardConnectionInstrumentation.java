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
 * The wrapper BasicDataSource hands out, in DBCP 1.4 and DBCP2; its close() returns the connection
 * to the pool.
 */
public final class PoolGuardConnectionInstrumentation implements TypeInstrumentation {
  private final String typeName;

  /** {@code packageName}: Commons DBCP's or Tomcat's, e.g. {@code org.apache.commons.dbcp2}. */
  public PoolGuardConnectionInstrumentation(String packageName) {
    this.typeName = packageName + ".PoolingDataSource$PoolGuardConnectionWrapper";
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named(typeName);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("close").and(takesArguments(0)), PoolAdvice.RETURN);
  }
}
