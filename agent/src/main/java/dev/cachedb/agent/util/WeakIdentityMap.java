package dev.cachedb.agent.util;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A map from application objects (statements, pool entries) to values, by identity, holding its
 * keys weakly: an object the application drops is collected as if the agent did not exist, and no
 * class loader is pinned. Application classes cannot get a field of ours instead, because attach
 * (retransformation) forbids adding fields.
 *
 * <p>{@link #get} is the hot path (every prepared-statement execution, every Hikari borrow):
 * lock-free, allocation-free. It reads a chain whose links never change after publication.
 * Writers copy the links they change, drop links whose key was collected, and resize, under the
 * lock of one of {@link #SEGMENTS} segments, and a writer clears only a few collected keys, so
 * that it holds its lock briefly. One lock would do for the writers' rate, but not for where they
 * run: a Hibernate service prepares a statement per query on every request thread, and a thread
 * descheduled while holding the only lock (more threads than CPUs) stalled every other request's
 * prepare for its whole time slice; the first prepare after a collection held it for every
 * statement the collection took. Past {@code maxSize} live keys in all new keys are not stored, so
 * a leak elsewhere cannot grow this map without bound.
 */
public final class WeakIdentityMap<V> {
  private static final int SEGMENTS = 64;
  /**
   * Collected keys a write clears at most: more than one, so the queue shrinks while writes go
   * on; {@link #size} clears them all.
   */
  private static final int EXPUNGE_PER_WRITE = 8;

  private static final int SEGMENT_SHIFT = 32 - Integer.numberOfTrailingZeros(SEGMENTS);

  private final Segment<V>[] segments;
  private final int maxSize;
  private final AtomicInteger size = new AtomicInteger();

  @SuppressWarnings("unchecked")
  public WeakIdentityMap(int maxSize) {
    this.maxSize = maxSize;
    this.segments = (Segment<V>[]) new Segment<?>[SEGMENTS];
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment<>(size);
    }
  }

  public V get(Object key) {
    int h = hash(key);
    return segmentOf(h).get(key, h);
  }

  /** Maps {@code key} to {@code value}; returns false when the map is full and the key is new. */
  public boolean put(Object key, V value) {
    int h = hash(key);
    return segmentOf(h).put(key, h, value, maxSize);
  }

  public void remove(Object key) {
    int h = hash(key);
    segmentOf(h).remove(key, h);
  }

  public int size() {
    for (Segment<V> s : segments) {
      s.expunge();
    }
    return size.get();
  }

  private Segment<V> segmentOf(int hash) {
    // The top bits of a multiplicative mix; a segment's table indexes by the low bits.
    return segments[(hash * 0x9E3779B9) >>> SEGMENT_SHIFT];
  }

  private static int hash(Object key) {
    int h = System.identityHashCode(key);
    return h ^ (h >>> 16);
  }

  /** One lock's share of the keys: a table of copy-on-write chains. */
  private static final class Segment<V> {
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final AtomicInteger total; // every segment's live keys, for the map's bound
    private volatile AtomicReferenceArray<Entry<V>> table = new AtomicReferenceArray<>(8);
    private int size; // guarded by this

    Segment(AtomicInteger total) {
      this.total = total;
    }

    V get(Object key, int hash) {
      AtomicReferenceArray<Entry<V>> t = table;
      for (Entry<V> e = t.get(hash & (t.length() - 1)); e != null; e = e.next) {
        if (e.get() == key) {
          return e.value;
        }
      }
      return null;
    }

    synchronized boolean put(Object key, int hash, V value, int maxSize) {
      expungeLocked(EXPUNGE_PER_WRITE);
      boolean existed = removeLocked(key, hash);
      if (!existed && total.get() >= maxSize) {
        return false;
      }
      AtomicReferenceArray<Entry<V>> t = table;
      int i = hash & (t.length() - 1);
      t.set(i, new Entry<>(key, hash, value, t.get(i), collected));
      size++;
      total.incrementAndGet();
      if (size > t.length() / 4 * 3) {
        resize();
      }
      return true;
    }

    synchronized void remove(Object key, int hash) {
      removeLocked(key, hash);
    }

    synchronized void expunge() {
      expungeLocked(Integer.MAX_VALUE);
    }

    private boolean removeLocked(Object key, int hash) {
      AtomicReferenceArray<Entry<V>> t = table;
      int i = hash & (t.length() - 1);
      Entry<V> head = t.get(i);
      for (Entry<V> e = head; e != null; e = e.next) {
        if (e.get() == key) {
          t.set(i, without(head, e));
          dropped();
          return true;
        }
      }
      return false;
    }

    private void expungeLocked(int most) {
      Object ref;
      for (int n = 0; n < most && (ref = collected.poll()) != null; n++) {
        @SuppressWarnings("unchecked")
        Entry<V> dead = (Entry<V>) ref;
        AtomicReferenceArray<Entry<V>> t = table;
        int i = dead.hash & (t.length() - 1);
        Entry<V> head = t.get(i);
        for (Entry<V> e = head; e != null; e = e.next) {
          if (e == dead) { // else a copy replaced it (resize or removal): not counted in size
            t.set(i, without(head, e));
            dropped();
            break;
          }
        }
      }
    }

    private void dropped() {
      size--;
      total.decrementAndGet();
    }

    /** The chain from {@code head} without {@code gone}: links before it copied, after it shared. */
    private Entry<V> without(Entry<V> head, Entry<V> gone) {
      Entry<V> rest = gone.next;
      for (Entry<V> e = head; e != gone; e = e.next) {
        Object k = e.get();
        if (k != null) {
          rest = new Entry<>(k, e.hash, e.value, rest, collected);
        } else {
          dropped(); // collected while we copy: dropped here, its queued original then not found
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
      total.addAndGet(live - size);
      size = live;
      table = t;
    }
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
