package dev.cachedb.agent.bootstrap;

/**
 * Per-thread nesting depth, per kind of call, so that one logical call is recorded once however
 * many layers it passes through: a pool's statement proxy delegating to the driver's statement, a
 * Jedis facade delegating to its connection. Advice records only at depth 0.
 *
 * <p>The array is allocated once per thread; entering and leaving allocate nothing.
 */
public final class CallDepth {
  public static final int JDBC_EXECUTE = 0;
  public static final int JDBC_PREPARE = 1;
  public static final int REDIS_COMMAND = 2;
  public static final int POOL_BORROW = 3;
  public static final int POOL_RETURN = 4;
  /** Application cache calls (Spring's Cache, JCache): a decorator or adapter counts once. */
  public static final int APP_CACHE = 5;
  /** Not a depth: 1 once a loading get of the outermost application cache call stored a value. */
  public static final int APP_CACHE_LOADED = 6;
  private static final int KINDS = 8;

  private static final ThreadLocal<int[]> DEPTH =
      new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
          return new int[KINDS];
        }
      };

  private CallDepth() {}

  /**
   * The calling thread's depth counters, indexed by kind. Advice that enters and leaves keeps the
   * array in a local, so a timed call looks the thread-local up once, not twice.
   */
  public static int[] counters() {
    return DEPTH.get();
  }

  /** Enters one level of {@code kind} and returns the depth before entering (0 = outermost). */
  public static int enter(int kind) {
    return DEPTH.get()[kind]++;
  }

  /**
   * Leaves one level of {@code kind} in {@code depths}, the counters its entry advice kept; null
   * when that advice failed before it looked them up.
   */
  public static void exit(int[] depths, int kind) {
    if (depths != null && depths[kind] > 0) {
      depths[kind]--;
    }
  }

  /** Leaves one level of {@code kind}; pairs with exactly one {@link #enter}. */
  public static void exit(int kind) {
    int[] d = DEPTH.get();
    if (d[kind] > 0) {
      d[kind]--;
    }
  }
}
