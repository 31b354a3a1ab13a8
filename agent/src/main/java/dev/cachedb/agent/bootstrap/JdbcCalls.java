package dev.cachedb.agent.bootstrap;

/**
 * What JDBC advice calls. The agent installs its recorder in {@link #sink} at start; until then,
 * and when JDBC instrumentation is off, calls go to a sink that does nothing.
 *
 * <p>Statements are passed as {@code Object} so that one advice serves every driver and pool, and
 * so this class (on the bootstrap path) never refers to application types. The recorder keeps only
 * weak references to them.
 */
public final class JdbcCalls {

  /** The recorder; replaced once at agent start. */
  public static volatile Sink sink = new Sink();

  private JdbcCalls() {}

  /**
   * Enters an execute; returns its start time if it is the thread's outermost one, else 0
   * (System.nanoTime() being exactly 0 is not a concern). {@code depths} is
   * {@link CallDepth#counters()}.
   */
  public static long executeStarted(int[] depths) {
    return depths[CallDepth.JDBC_EXECUTE]++ == 0 ? System.nanoTime() : 0L;
  }

  /**
   * Leaves an execute entered with {@link #executeStarted}; records it if it was the outermost.
   * {@code sql} is the argument of {@code execute(sql)} and friends, else null.
   */
  public static void executeFinished(
      int[] depths, long start, Object statement, String sql, boolean batch, Throwable thrown) {
    if (depths == null) {
      return; // the enter advice failed before it counted
    }
    depths[CallDepth.JDBC_EXECUTE]--;
    if (start != 0L) {
      sink.executed(statement, sql, batch, System.nanoTime() - start, thrown != null);
    }
  }

  /**
   * Enters a JDBC method other than an execute (a Connection's isolation, read-only, savepoint,
   * catalog, schema or validity method, DatabaseMetaData, ResultSetMetaData), which drivers may
   * implement by executing SQL on a Statement of their own: those statements are the driver's, not
   * the application's, so they count as nested in the call (depth above 0) and are not recorded.
   * Returns the thread's counters, to hand to {@link #driverWorkFinished}.
   */
  public static int[] driverWorkStarted() {
    int[] depths = CallDepth.counters();
    depths[CallDepth.JDBC_EXECUTE]++;
    return depths;
  }

  /** Leaves a call entered with {@link #driverWorkStarted}. */
  public static void driverWorkFinished(int[] depths) {
    if (depths != null) { // null: the enter advice failed before it counted
      depths[CallDepth.JDBC_EXECUTE]--;
    }
  }

  /** Receives statement events. The base class ignores them. */
  public static class Sink {
    /** {@code Connection.prepareStatement/prepareCall(sql, ...)} returned {@code statement}. */
    public void prepared(Object statement, String sql) {}

    /** {@code Statement.addBatch(sql)} on a plain statement. */
    public void addBatch(Object statement, String sql) {}

    /**
     * One outermost execution finished (or threw, {@code failed}). {@code sql} is the argument of
     * {@code execute(sql)} and friends, or null for the SQL-less executes of prepared statements
     * and for {@code executeBatch}, which the recorder resolves from {@code statement}.
     */
    public void executed(Object statement, String sql, boolean batch, long nanos, boolean failed) {}
  }
}
