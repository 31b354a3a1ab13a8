package dev.cachedb.agent.instrumentation.ucp.v19_3;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import java.util.Properties;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code PoolDataSourceImpl}: registered when {@code startPool} has built its pool (the first
 * getConnection calls it, or the application does); timed where every getConnection ends up:
 * the public overloads call {@code getConnection(String, String, Properties)}, a connection
 * builder calls {@code getConnection(UCPConnectionBuilderImpl)} (19.3 to 23.26). Advising only
 * those two spares each borrow the call-depth bookkeeping of the overloads around them.
 */
final class PoolDataSourceInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("oracle.ucp.jdbc.PoolDataSourceImpl");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("startPool"), PoolAdvice.OPENED);
    target.applyAdvice(
        named("getConnection")
            .and(
                takesArguments(String.class, String.class, Properties.class)
                    .or(takesArgument(0, named("oracle.ucp.jdbc.UCPConnectionBuilderImpl")))),
        PoolAdvice.BORROW);
  }
}
