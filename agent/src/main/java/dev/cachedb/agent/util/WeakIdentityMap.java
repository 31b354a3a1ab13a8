package dev.cachedb.agent.util;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A map from application objects (statements, pool entries) to values, by identity, holding its
 * keys weakly: an object the application drops is collected as if the agent did not exist, and no
 * class loader is pinned. Application classes cannot get a field of ours instead, because attach
 * (retransformation) forbids adding fields.
 *
 * <p>{@link #get} is the hot path (every prepared-statement execution, every Hikari borrow):
 * lock-free, allocation-free. It reads a chain whose links never change after publication.
 * Writers (prepareStatement, a new pool entry: rarer events) lock, copy the links they change,
 * drop links whose key was collected, and resize. Past {@code maxSize} live keys new keys are not
 * stored, so a leak elsewhere cannot grow this map without bound.
 */
public final class WeakIdentityMap<V> {
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
  private final int maxSize;
  private volatile AtomicReferenceArray<Entry<V>> table = new AtomicReferenceArray<>(256);
  private int size; // guarded by this

  public WeakIdentityMap(int maxSize) {
    this.maxSize = maxSize;
  }

  public V get(Object key) {
    AtomicReferenceArray<Entry<V>> t = table;
    for (Entry<V> e = t.get(hash(key) & (t.length() - 1)); e != null; e = e.next) {
      if (e.get() == key) {
        return e.value;
      }
    }
    return null;
  }

  /** Maps {@code key} to {@code value}; returns false when the map is full and the key is new. */
  public synchronized boolean put(Object key, V value) {
    expungeCollected();
    boolean existed = removeLocked(key);
    if (!existed && size >= maxSize) {
      return false;
    }
    AtomicReferenceArray<Entry<V>> t = table;
    int i = hash(key) & (t.length() - 1);
    t.set(i, new Entry<>(key, hash(key), value, t.get(i), collected));
    size++;
    if (size > t.length() / 4 * 3) {
      resize();
    }
    return true;
  }

  public synchronized void remove(Object key) {
    removeLocked(key);
  }

  public synchronized int size() {
    expungeCollected();
    return size;
  }

  private boolean removeLocked(Object key) {
    AtomicReferenceArray<Entry<V>> t = table;
    int i = hash(key) & (t.length() - 1);
    Entry<V> head = t.get(i);
    for (Entry<V> e = head; e != null; e = e.next) {
      if (e.get() == key) {
        t.set(i, without(head, e));
        size--;
        return true;
      }
    }
    return false;
  }

  private void expungeCollected() {
    for (Object ref; (ref = collected.poll()) != null; ) {
      @SuppressWarnings("unchecked")
      Entry<V> dead = (Entry<V>) ref;
      AtomicReferenceArray<Entry<V>> t = table;
      int i = dead.hash & (t.length() - 1);
      Entry<V> head = t.get(i);
      for (Entry<V> e = head; e != null; e = e.next) {
        if (e == dead) { // else a copy replaced it (resize or removal): not counted in size
          t.set(i, without(head, e));
          size--;
          break;
        }
      }
    }
  }

  /** The chain from {@code head} without {@code gone}: links before it are copied, after it shared. */
  private Entry<V> without(Entry<V> head, Entry<V> gone) {
    Entry<V> rest = gone.next;
    for (Entry<V> e = head; e != gone; e = e.next) {
      Object k = e.get();
      if (k != null) {
        rest = new Entry<>(k, e.hash, e.value, rest, collected);
      } else {
        size--; // collected while we copy: drop it here, its queued original is then not found
      }
    }
    return rest;
  }

  private void resize() {
    AtomicReferenceArray<Entry<V>> old = table;
    AtomicReferenceArray<Entry<V>> t = new AtomicReferenceArray<>(old.length() * 2);
    int live = 0;
    for (int i = 0; i < old.length(); i++) {
      for (Entry<V> e = old.get(i); e != null; e = e.next) {
        Object k = e.get();
        if (k != null) {
          int j = e.hash & (t.length() - 1);
          t.set(j, new Entry<>(k, e.hash, e.value, t.get(j), collected));
          live++;
        }
      }
    }
    size = live;
    table = t;
  }

  private static int hash(Object key) {
    int h = System.identityHashCode(key);
    return h ^ (h >>> 16);
  }

  private static final class Entry<V> extends WeakReference<Object> {
    final int hash;
    final V value;
    final Entry<V> next;

    Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
      super(key, queue);
      this.hash = hash;
      this.value = value;
      this.next = next;
    }
  }
}
