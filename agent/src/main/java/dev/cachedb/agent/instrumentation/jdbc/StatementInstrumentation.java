package dev.cachedb.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.CallDepth;
import dev.cachedb.agent.bootstrap.JdbcCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Statement} (so also every PreparedStatement and CallableStatement): times
 * each execute. A pool's proxy statement delegates to the driver's, and drivers call their own
 * executes from each other; {@link CallDepth#JDBC_EXECUTE} makes only the outermost call count.
 * The advice bodies differ only in what they pass on; each is its own class because Byte Buddy
 * inlines an advice class's code as written.
 */
final class StatementInstrumentation implements TypeInstrumentation {
  private static final String[] EXECUTES = {
    "execute", "executeQuery", "executeUpdate", "executeLargeUpdate"
  };
  private static final String[] BATCHES = {"executeBatch", "executeLargeBatch"};

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return JdbcTypes.implementing("java.sql.Statement", "execute", "executeQuery", "executeUpdate",
        "executeLargeUpdate", "executeBatch", "executeLargeBatch", "addBatch");
  }

  @Override
  public void transform(AdviceTarget target) {
    String self = StatementInstrumentation.class.getName();
    target.applyAdvice(
        code(namedOneOf(EXECUTES)).and(takesArgument(0, named(String.class.getName()))),
        self + "$SqlAdvice");
    target.applyAdvice(code(namedOneOf(EXECUTES)).and(takesArguments(0)), self + "$PreparedAdvice");
    target.applyAdvice(
        code(namedOneOf(BATCHES)).and(takesArguments(0)),
        self + "$BatchAdvice");
    target.applyAdvice(
        code(named("addBatch"))
            .and(takesArguments(1))
            .and(takesArgument(0, named(String.class.getName()))),
        self + "$AddBatchAdvice");
  }

  private static ElementMatcher.Junction<MethodDescription> code(
      ElementMatcher.Junction<MethodDescription> methods) {
    return methods.and(isPublic()).and(not(isAbstract()));
  }

  /** {@code execute(sql, ...)}, {@code executeQuery(sql)}, {@code executeUpdate(sql, ...)}, ... */
  public static final class SqlAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.Local("depths") int[] depths) {
      depths = CallDepth.counters();
      return JdbcCalls.executeStarted(depths);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter long start,
        @Advice.Local("depths") int[] depths,
        @Advice.This Object statement,
        @Advice.Argument(0) String sql,
        @Advice.Thrown Throwable thrown) {
      JdbcCalls.executeFinished(depths, start, statement, sql, false, thrown);
    }
  }

  /** The SQL-less executes of PreparedStatement and CallableStatement. */
  public static final class PreparedAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.Local("depths") int[] depths) {
      depths = CallDepth.counters();
      return JdbcCalls.executeStarted(depths);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter long start,
        @Advice.Local("depths") int[] depths,
        @Advice.This Object statement,
        @Advice.Thrown Throwable thrown) {
      JdbcCalls.executeFinished(depths, start, statement, null, false, thrown);
    }
  }

  /** {@code executeBatch()} and {@code executeLargeBatch()}: once per call. */
  public static final class BatchAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.Local("depths") int[] depths) {
      depths = CallDepth.counters();
      return JdbcCalls.executeStarted(depths);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter long start,
        @Advice.Local("depths") int[] depths,
        @Advice.This Object statement,
        @Advice.Thrown Throwable thrown) {
      JdbcCalls.executeFinished(depths, start, statement, null, true, thrown);
    }
  }

  /** {@code Statement.addBatch(sql)}: the first SQL of a batch classifies it. */
  public static final class AddBatchAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object statement, @Advice.Argument(0) String sql) {
      JdbcCalls.sink.addBatch(statement, sql);
    }
  }
}
