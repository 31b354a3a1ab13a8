package dev.cachedb.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.cachedb.agent.bootstrap.JdbcCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Connection}: remembers which SQL each prepared or callable statement was
 * made from, since their executes take no SQL. The known pools' proxies are left alone (see
 * {@link JdbcTypes}): the driver's connection under them reports the driver's statement, whose
 * execute is the one timed. Any other wrapper reports its own statement too, so whichever execute
 * is outermost finds its SQL.
 *
 * <p>The methods in {@link #DRIVER_WORK}, and the prepares, are scopes in which statements are
 * the driver's own, never counted: some drivers implement them by executing SQL on a Statement
 * of their own, through the very execute methods the agent times (MariaDB's
 * getTransactionIsolation, PostgreSQL's getSchema, MySQL's setSavepoint and prepareCall;
 * docs/jdbc.md lists them), while others send the same SQL past those methods. Scoping the
 * Connection method makes the rule one for every driver: what the application runs through a
 * Statement counts, what a driver sends to implement another JDBC method does not. {@code close}
 * is left out: a pool's proxy may test a connection there, on the application's behalf.
 */
final class ConnectionInstrumentation implements TypeInstrumentation {
  private static final String[] PREPARES = {"prepareStatement", "prepareCall"};
  private static final String[] DRIVER_WORK = {
    "getTransactionIsolation", "setTransactionIsolation", "setReadOnly", "isReadOnly",
    "setAutoCommit", "getAutoCommit", "commit", "rollback", "setSavepoint", "releaseSavepoint",
    "setCatalog", "getCatalog", "setSchema", "getSchema", "isValid", "setHoldability",
    "getHoldability", "setClientInfo", "getClientInfo", "setNetworkTimeout", "getNetworkTimeout",
    "getTypeMap", "setTypeMap", "nativeSQL", "getWarnings", "clearWarnings", "getMetaData"
  };

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    String[] advised = Arrays.copyOf(PREPARES, PREPARES.length + DRIVER_WORK.length);
    System.arraycopy(DRIVER_WORK, 0, advised, PREPARES.length, DRIVER_WORK.length);
    return JdbcTypes.implementing("java.sql.Connection", advised);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        namedOneOf(PREPARES)
            .and(takesArgument(0, named(String.class.getName())))
            .and(isPublic())
            .and(not(isAbstract())),
        ConnectionInstrumentation.class.getName() + "$PrepareAdvice");
    target.applyAdvice(
        namedOneOf(DRIVER_WORK).and(isPublic()).and(not(isAbstract())).and(not(isStatic())),
        ConnectionInstrumentation.class.getName() + "$DriverWorkAdvice");
  }

  /** Also a driver-work scope: MySQL Connector/J's prepareCall reads the procedure's text. */
  public static final class PrepareAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Local("depths") int[] depths) {
      depths = JdbcCalls.driverWorkStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Local("depths") int[] depths,
        @Advice.Argument(0) String sql,
        @Advice.Return Object statement) {
      JdbcCalls.driverWorkFinished(depths);
      if (statement != null) {
        JdbcCalls.sink.prepared(statement, sql);
      }
    }
  }

  /**
   * A method whose statements, if the driver runs any, are the driver's; also woven into
   * DatabaseMetaData and ResultSetMetaData ({@link MetaDataInstrumentation}).
   */
  public static final class DriverWorkAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Local("depths") int[] depths) {
      depths = JdbcCalls.driverWorkStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Local("depths") int[] depths) {
      JdbcCalls.driverWorkFinished(depths);
    }
  }
}
