package dev.cachedb.agent.instrumentation.commonspool2;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A Redis client's pool that is, or wraps, an Apache commons-pool2 pool (Jedis's {@code
 * util.Pool}, Lettuce's {@code ConnectionPoolSupport} pools), read through commons-pool2's own
 * counters, public in every 2.x release. The agent advises none of commons-pool2's classes, so an
 * application's own pools of other objects stay untouched; it only reads pools the clients' advice
 * registered.
 *
 * <p>commons-pool2 lends the very objects it holds, so their usage clocks are slots made once per
 * connection. Such pools have no name of their own: each client's reader names them after their
 * server, and a second live pool to that server after the first ({@code -2}).
 */
public abstract class CommonsPool2Reader extends PoolReader {

  protected CommonsPool2Reader(String poolClass, String type) {
    super(poolClass, type, null);
  }

  /** The commons-pool2 pool behind {@code pool}: the pool itself unless the client wraps one. */
  protected Object commonsPool(Object pool) throws Exception {
    return pool;
  }

  /**
   * From a {@code GenericObjectPool} or a {@code SoftReferenceObjectPool}: the latter has no maximum
   * and no waiters, which stay -1 (not told).
   */
  @Override
  public void read(Object pool, int[] out) throws Exception {
    Object commons = commonsPool(pool);
    out[ACTIVE] = Reflect.callInt(commons, "getNumActive");
    out[IDLE] = Reflect.callInt(commons, "getNumIdle");
    out[TOTAL] = out[ACTIVE] < 0 || out[IDLE] < 0 ? -1 : out[ACTIVE] + out[IDLE];
    // negative when unbounded: not exported
    out[MAX] = Reflect.callInt(commons, "getMaxTotal");
    out[PENDING] = Reflect.callInt(commons, "getNumWaiters");
  }

  @Override
  public boolean closed(Object pool) throws Exception {
    return Boolean.TRUE.equals(Reflect.call(commonsPool(pool), "isClosed"));
  }

  @Override
  public boolean lendsItsOwnObjects() {
    return true;
  }

  @Override
  public boolean numbersTakenNames() {
    return true;
  }

  /** The factory that makes the pool's objects, the one that knows where they connect to. */
  protected final Object factory(Object pool) throws Exception {
    return Reflect.field(commonsPool(pool), "factory");
  }

  /**
   * One object the pool holds, idle or lent, or null when it holds none: a {@code
   * GenericObjectPool} keeps them all in {@code allObjects}, a {@code SoftReferenceObjectPool} in
   * {@code allReferences}. Called once per pool, when it is registered.
   */
  protected final Object anyObject(Object pool) throws Exception {
    Object commons = commonsPool(pool);
    Object all = Reflect.field(commons, "allObjects");
    Collection<?> pooled =
        all instanceof Map
            ? ((Map<?, ?>) all).values()
            : (Collection<?>) Reflect.field(commons, "allReferences");
    if (pooled == null) {
      return null;
    }
    Iterator<?> it = pooled.iterator();
    return it.hasNext() ? Reflect.call(it.next(), "getObject") : null;
  }
}
