package dev.cachedb.agent.instrumentation.pool;

import dev.cachedb.agent.bootstrap.CallDepth;
import dev.cachedb.agent.bootstrap.PoolCalls;
import net.bytebuddy.asm.Advice;

/**
 * The lifecycle advice every pool library shares: a pool starts and closes, a getConnection is
 * timed, a connection goes back. A pool's instrumentations name these by the constants below and
 * keep in their own folder only advice that calls what one library has (Hikari's timing hook,
 * Tomcat's check-out).
 */
public final class PoolAdvice {
  /** A constant, so naming the advice loads nothing before the bootstrap bridge is in place. */
  private static final String PREFIX = "dev.cachedb.agent.instrumentation.pool.PoolAdvice$";

  /** Exit of a constructor or start method: the pool is registered. */
  public static final String OPENED = PREFIX + "OpenedAdvice";

  /** Exit of close or shutdown, thrown or not: the pool and its series go. */
  public static final String CLOSED = PREFIX + "ClosedAdvice";

  /** Entry of close, for a pool whose counters must not be read once closing begins. */
  public static final String CLOSING = PREFIX + "ClosingAdvice";

  /** getConnection, timed; the outermost one of a thread is recorded, with what it returned. */
  public static final String BORROW = PREFIX + "BorrowAdvice";

  /** close() of the connection a pool lent: it goes back, its usage clock stops. */
  public static final String RETURN = PREFIX + "ReturnAdvice";

  /** A pool method whose first argument is the pool's own object for the connection going back. */
  public static final String RETURN_KEY = PREFIX + "ReturnKeyAdvice";

  /** The pool's own return method, {@code this} the pool, its first argument what it lent. */
  public static final String RETURNED = PREFIX + "ReturnedAdvice";

  private PoolAdvice() {}

  public static final class OpenedAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
      PoolCalls.sink.opened(pool);
    }
  }

  public static final class ClosedAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object pool) {
      PoolCalls.sink.closed(pool);
    }
  }

  public static final class ClosingAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object pool) {
      PoolCalls.sink.closed(pool);
    }
  }

  public static final class BorrowAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.Local("depths") int[] depths) {
      depths = CallDepth.counters();
      return PoolCalls.borrowStarted(depths);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This Object pool,
        @Advice.Enter long start,
        @Advice.Local("depths") int[] depths,
        @Advice.Return Object connection,
        @Advice.Thrown Throwable thrown) {
      PoolCalls.borrowFinished(depths, pool, start, connection, thrown);
    }
  }

  public static final class ReturnAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object connection) {
      PoolCalls.sink.released(connection);
    }
  }

  public static final class ReturnKeyAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object key) {
      PoolCalls.sink.released(key);
    }
  }

  public static final class ReturnedAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object pool, @Advice.Argument(0) Object connection) {
      PoolCalls.sink.returned(pool, connection);
    }
  }
}
