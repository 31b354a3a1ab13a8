package dev.cachedb.agent.bootstrap;

/**
 * What connection-pool advice calls. The agent installs its recorder in {@link #sink} at start;
 * until then, and when pool instrumentation is off, calls go to a sink that does nothing.
 *
 * <p>{@code pool} is the pool object the agent reads at scrape time (a HikariPool, a DBCP
 * BasicDataSource, a c3p0 data source, a Tomcat ConnectionPool); the recorder knows how to read
 * each. Durations are {@link System#nanoTime()} differences.
 */
public final class PoolCalls {

  /** The recorder; replaced once at agent start. */
  public static volatile Sink sink = new Sink();

  private PoolCalls() {}

  /** Marks a nested getConnection (a pool layer inside another): not timed, not recorded. */
  private static final long NESTED = Long.MIN_VALUE;

  /**
   * Called on entering a pool's getConnection; returns the start time, or {@link #NESTED} when an
   * outer getConnection of the same thread is already being timed (one borrow counts once).
   * {@code depths} is {@link CallDepth#counters()}, kept by the advice for the exit.
   */
  public static long borrowStarted(int[] depths) {
    return depths[CallDepth.POOL_BORROW]++ == 0 ? System.nanoTime() : NESTED;
  }

  /**
   * Called on leaving it, returned or thrown; {@code start} is what {@link #borrowStarted}
   * returned. Always leaves the call depth, records only the outermost borrow. The one clock
   * reading here both ends the acquire and starts the usage of what it returned.
   */
  public static void borrowFinished(
      int[] depths, Object pool, long start, Object connection, Throwable thrown) {
    if (depths == null) {
      return; // the enter advice failed before it counted
    }
    depths[CallDepth.POOL_BORROW]--;
    if (start == NESTED) {
      return;
    }
    long end = System.nanoTime();
    if (thrown == null) {
      sink.acquired(pool, connection, start, end);
    } else {
      sink.acquireFailed(pool, end - start);
    }
  }

  /** Whether the calling thread is inside a timed getConnection (outermost or nested). */
  public static boolean inBorrow() {
    return CallDepth.counters()[CallDepth.POOL_BORROW] > 0;
  }

  /** Receives pool events. The base class ignores them. */
  public static class Sink {
    /** A pool started (constructed, or first used for pools that start lazily). */
    public void opened(Object pool) {}

    /** A pool closed: its series go. */
    public void closed(Object pool) {}

    /**
     * The outermost getConnection of {@code pool}, begun at {@code start}, returned {@code
     * connection} at {@code end} ({@link System#nanoTime()} readings). A non-null {@code
     * connection} starts its usage clock at {@code end}, stopped by {@link #released}.
     */
    public void acquired(Object pool, Object connection, long start, long end) {}

    /** The outermost getConnection failed: pool exhausted, timeout, database down. */
    public void acquireFailed(Object pool, long nanos) {}

    /**
     * Starts the usage clock of {@code key}, the pool's own long-lived object for one physical
     * connection (Tomcat's PooledConnection, Vibur's ConnHolder); its clock entry is reused.
     * Inside a timed getConnection the clock starts at that borrow's end instead.
     */
    public void checkedOut(Object pool, Object key) {}

    /**
     * {@link #checkedOut} from inside the pool's timed getConnection, always (Vibur's proxy
     * factory): the clock of {@code key} starts at that borrow's end, with no check of where the
     * thread is.
     */
    public void lent(Object pool, Object key) {}

    /**
     * A pool that times its own borrows (HikariCP) lent the connection that {@code key}, its
     * long-lived per-connection object, holds; the borrow began at {@code poolStart} on the pool's
     * clock. Records the acquire time and starts the key's usage clock.
     */
    public void acquiredSince(Object key, long poolStart) {}

    /**
     * A borrow from the pool that owns {@code hook} (HikariCP's metrics-tracker delegate) timed
     * out. A slow path: the borrower has waited its whole timeout.
     */
    public void acquireTimedOut(Object hook) {}

    /** The connection (or key) went back to its pool: stops its usage clock, if it runs. */
    public void released(Object key) {}

    /**
     * {@code connection}, as the application holds it, went back through {@code pool}'s own return
     * method: stops the usage clock of the key the pool's reader finds in it (Lettuce's pool takes
     * back the proxy it lent, whose clock runs on the connection inside).
     */
    public void returned(Object pool, Object connection) {}
  }
}
