package dev.cachedb.agent.bootstrap;

import java.util.Arrays;

/**
 * Per-thread nesting depth, per kind of call, so that one logical call is recorded once however
 * many layers it passes through: a pool's statement proxy delegating to the driver's statement, a
 * Jedis facade delegating to its connection. Advice records only at depth 0.
 *
 * <p>The array is allocated once per thread; entering and leaving allocate nothing.
 *
 * <p>This is the agent's only thread-local in the application's threads: the recorders keep their
 * per-thread state in its {@link #slots}. Each thread-local is one more entry in every request
 * thread's own map, and more entries there make the application's own lookups probe further.
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

  private static final ThreadLocal<Frame> FRAME =
      new ThreadLocal<Frame>() {
        @Override
        protected Frame initialValue() {
          return new Frame();
        }
      };

  private CallDepth() {}

  /**
   * The calling thread's depth counters, indexed by kind. Advice that enters and leaves keeps the
   * array in a local, so a timed call looks the thread-local up once, not twice.
   */
  public static int[] counters() {
    return FRAME.get().depths;
  }

  /** Enters one level of {@code kind} and returns the depth before entering (0 = outermost). */
  public static int enter(int kind) {
    return FRAME.get().depths[kind]++;
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
    int[] d = FRAME.get().depths;
    if (d[kind] > 0) {
      d[kind]--;
    }
  }

  /**
   * The calling thread's slots for the agent's per-thread state, at least {@code index + 1}
   * long; an index belongs to one owner for the JVM's life (the agent's {@code PerThread}).
   */
  public static Object[] slots(int index) {
    Frame f = FRAME.get();
    Object[] s = f.slots;
    if (index >= s.length) {
      s = Arrays.copyOf(s, Math.max(index + 1, 2 * s.length));
      f.slots = s;
    }
    return s;
  }

  private static final class Frame {
    final int[] depths = new int[KINDS];
    Object[] slots = new Object[8];
  }
}
