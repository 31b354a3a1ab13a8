package dev.cachedb.agent.instrumentation.commonspool2;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Apache commons-pool2's own view of a pool, for the Redis clients' pools built on it (Jedis's
 * {@code util.Pool}, Lettuce's {@code ConnectionPoolSupport}). The agent advises none of
 * commons-pool2's classes, so an application's own pools of other objects stay untouched; it only
 * reads pools the clients' advice registered. Getters are public in every 2.x release.
 */
public final class CommonsPool2 {

  private CommonsPool2() {}

  /**
   * Fills {@code out} from a {@code GenericObjectPool} or {@code SoftReferenceObjectPool}: the
   * latter has no maximum and no waiters, which stay -1 (not told).
   */
  public static void read(Object pool, int[] out) throws Exception {
    out[PoolReader.ACTIVE] = Reflect.callInt(pool, "getNumActive");
    out[PoolReader.IDLE] = Reflect.callInt(pool, "getNumIdle");
    out[PoolReader.TOTAL] =
        out[PoolReader.ACTIVE] < 0 || out[PoolReader.IDLE] < 0
            ? -1
            : out[PoolReader.ACTIVE] + out[PoolReader.IDLE];
    // negative when unbounded: not exported
    out[PoolReader.MAX] = Reflect.callInt(pool, "getMaxTotal");
    out[PoolReader.PENDING] = Reflect.callInt(pool, "getNumWaiters");
  }

  /** Whether {@code close()} ran on the pool. */
  public static boolean closed(Object pool) throws Exception {
    return Boolean.TRUE.equals(Reflect.call(pool, "isClosed"));
  }

  /** The factory that makes the pool's objects, the one that knows where they connect to. */
  public static Object factory(Object pool) throws Exception {
    return Reflect.field(pool, "factory");
  }

  /**
   * One object the pool holds, idle or lent, or null when it holds none: a {@code
   * GenericObjectPool} keeps them all in {@code allObjects}, a {@code SoftReferenceObjectPool} in
   * {@code allReferences}. Called once per pool, when it is registered.
   */
  public static Object anyObject(Object pool) throws Exception {
    Object all = Reflect.field(pool, "allObjects");
    Collection<?> pooled =
        all instanceof Map
            ? ((Map<?, ?>) all).values()
            : (Collection<?>) Reflect.field(pool, "allReferences");
    if (pooled == null) {
      return null;
    }
    Iterator<?> it = pooled.iterator();
    return it.hasNext() ? Reflect.call(it.next(), "getObject") : null;
  }
}
