package dev.cachedb.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.cachedb.agent.bootstrap.JdbcCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Connection}: remembers which SQL each prepared or callable statement was
 * made from, since their executes take no SQL. The known pools' proxies are left alone (see
 * {@link JdbcTypes}): the driver's connection under them reports the driver's statement, whose
 * execute is the one timed. Any other wrapper reports its own statement too, so whichever execute
 * is outermost finds its SQL.
 */
final class ConnectionInstrumentation implements TypeInstrumentation {
  private static final String[] PREPARES = {"prepareStatement", "prepareCall"};

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return JdbcTypes.implementing("java.sql.Connection", PREPARES);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        namedOneOf(PREPARES)
            .and(takesArgument(0, named(String.class.getName())))
            .and(isPublic())
            .and(not(isAbstract())),
        ConnectionInstrumentation.class.getName() + "$PrepareAdvice");
  }

  public static final class PrepareAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
      if (statement != null) {
        JdbcCalls.sink.prepared(statement, sql);
      }
    }
  }
}
