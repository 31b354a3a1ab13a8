package dev.cachedb.agent.cache.names;

import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * Cache object to series, by identity, read without a lock and without allocating: an
 * open-addressed array indexed by {@link System#identityHashCode}, replaced whole (copy on write)
 * when a cache is seen for the first time. Caches are few and long-lived, so writes are rare;
 * each one also drops the entries of caches the application has let go, which are held weakly so
 * that a redeployed application's caches can be collected.
 */
final class CacheTable {
  private static final class Entry extends WeakReference<Object> {
    final int hash;
    final CacheSeries series;

    Entry(Object cache, int hash, CacheSeries series) {
      super(cache);
      this.hash = hash;
      this.series = series;
    }
  }

  private volatile Entry[] table = new Entry[16];

  /** The series of {@code cache}, made by {@code resolve} the first time it is seen. */
  CacheSeries get(Object cache, Function<Object, CacheSeries> resolve) {
    Entry[] t = table;
    int mask = t.length - 1;
    int hash = System.identityHashCode(cache);
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = t[i];
      if (e == null) {
        break;
      }
      if (e.hash == hash && e.get() == cache) {
        return e.series;
      }
    }
    return add(cache, hash, resolve);
  }

  private synchronized CacheSeries add(Object cache, int hash,
      Function<Object, CacheSeries> resolve) {
    Entry[] old = table;
    int live = 1;
    for (Entry e : old) {
      if (e != null && e.get() != null) {
        if (e.get() == cache) {
          return e.series; // added by another thread meanwhile
        }
        live++;
      }
    }
    CacheSeries series = resolve.apply(cache);
    int size = 16;
    while (size < live * 2) {
      size <<= 1;
    }
    Entry[] fresh = new Entry[size];
    for (Entry e : old) {
      if (e != null && e.get() != null) {
        put(fresh, e);
      }
    }
    put(fresh, new Entry(cache, hash, series));
    table = fresh;
    return series;
  }

  private static void put(Entry[] t, Entry e) {
    int mask = t.length - 1;
    int i = e.hash & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = e;
  }
}
