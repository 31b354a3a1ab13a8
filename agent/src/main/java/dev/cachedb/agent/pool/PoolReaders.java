package dev.cachedb.agent.pool;

import java.util.Arrays;

/**
 * The readers the pool modules registered at start. A pool's reader is found by its class or a
 * superclass, once per class; registering drops what was cached, so a class looked up before a
 * later module registered is looked up again.
 */
final class PoolReaders {
  private volatile PoolReader[] readers = new PoolReader[0];
  private volatile ClassValue<PoolReader> byClass = cache(readers);

  synchronized void register(PoolReader reader) {
    for (PoolReader r : readers) {
      if (r.poolClass.equals(reader.poolClass)) {
        return;
      }
    }
    PoolReader[] next = Arrays.copyOf(readers, readers.length + 1);
    next[readers.length] = reader;
    readers = next;
    byClass = cache(next);
  }

  /** The reader of {@code pool}, or null if no module knows it. */
  PoolReader of(Object pool) {
    return byClass.get(pool.getClass());
  }

  /** The pool that owns {@code key}, asked of every reader; null if none claims it. */
  Object poolOfKey(Object key) {
    for (PoolReader r : readers) {
      Object pool = r.poolOfKey(key);
      if (pool != null) {
        return pool;
      }
    }
    return null;
  }

  private static ClassValue<PoolReader> cache(final PoolReader[] readers) {
    return new ClassValue<PoolReader>() {
      @Override
      protected PoolReader computeValue(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
          for (PoolReader r : readers) {
            if (r.poolClass.equals(c.getName())) {
              return r;
            }
          }
        }
        return null;
      }
    };
  }
}
