package dev.cachedb.agent.pool;

import dev.cachedb.agent.util.PerThread;
import dev.cachedb.agent.util.WeakIdentityMap;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * Borrow timestamps of connections that are out of their pools, without adding fields to pool
 * classes. Keys are weak, so a connection the application never closes does not keep it (or its
 * pool) alive.
 *
 * <p>Two kinds of key. The pool's own long-lived object for one physical connection (Hikari's
 * PoolEntry, Tomcat's PooledConnection) gets a {@link Slot} once, found lock-free and reused by
 * every later borrow, so in steady state a borrow and return allocate nothing. A new proxy per
 * borrow (DBCP, c3p0) gets a {@link Borrow} that goes when it is returned; the return looks it up
 * with a per-thread probe, so returning allocates nothing.
 */
final class UsageClock {
  /** The start of a borrow whose clock is not running. */
  static final long STOPPED = Long.MIN_VALUE;
  /** Physical connections remembered at most; past it, new ones go untimed. */
  private static final int MAX_SLOTS = 1 << 16;

  private final WeakIdentityMap<Slot> slots = new WeakIdentityMap<>(MAX_SLOTS);
  private final ConcurrentHashMap<Object, Borrow> running = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
  private final PerThread<Probe> probes =
      new PerThread<Probe>() {
        @Override
        protected Probe initialValue() {
          return new Probe();
        }
      };

  /** The slot of a long-lived key, or null if it has none yet. Lock-free. */
  Slot slot(Object key) {
    return slots.get(key);
  }

  /** The slot of a long-lived key of {@code state}'s pool, made stopped on first sight. */
  Slot slot(Object key, PoolState state) {
    Slot s = slots.get(key);
    if (s == null || s.state != state) {
      s = new Slot(state);
      slots.put(key, s);
    }
    return s;
  }

  /** Starts the clock of a per-borrow key, whose entry goes when it stops. */
  void start(Object connection, PoolState state, long now) {
    expunge();
    Borrow b = new Borrow(connection, cleared, state, now);
    running.put(b, b);
  }

  /**
   * Stops the clock of a per-borrow key and returns the borrow's start, or {@link #STOPPED} if its
   * clock was not running (a second close, a return the agent did not see borrowed).
   */
  long stop(Object key, PoolState[] stateOut) {
    Probe p = probes.get();
    p.target = key;
    p.hash = System.identityHashCode(key);
    Borrow b;
    try {
      b = running.remove(p);
    } finally {
      p.target = null;
    }
    if (b == null) {
      return STOPPED;
    }
    stateOut[0] = b.state;
    return b.startNanos;
  }

  int size() {
    expunge();
    return running.size() + slots.size();
  }

  private void expunge() {
    Reference<?> r;
    while ((r = cleared.poll()) != null) {
      running.remove(r);
    }
  }

  /** The clock of one long-lived key: its pool and the start of its running borrow. */
  static final class Slot {
    private static final AtomicLongFieldUpdater<Slot> START =
        AtomicLongFieldUpdater.newUpdater(Slot.class, "startNanos");

    final PoolState state;
    /**
     * Written by the borrowing thread, read by the returning one. Written with an ordered store,
     * not a volatile one: the pool's own hand-over of the connection (a lock, a CAS) already
     * orders it before another thread's return, and a full fence here would be paid at every
     * borrow and return.
     */
    private volatile long startNanos = STOPPED;

    Slot(PoolState state) {
      this.state = state;
    }

    /** Starts the borrow's clock at {@code now}. */
    void start(long now) {
      START.lazySet(this, now);
    }

    /** Returns the start of the running borrow and stops it; {@link #STOPPED} if none ran. */
    long stop() {
      long start = startNanos;
      if (start != STOPPED) {
        START.lazySet(this, STOPPED);
      }
      return start;
    }
  }

  /** A per-borrow key's clock: the key of the map and its value. */
  private static final class Borrow extends WeakReference<Object> {
    final PoolState state;
    final long startNanos;
    private final int hash;

    Borrow(Object key, ReferenceQueue<Object> q, PoolState state, long start) {
      super(key, q);
      this.state = state;
      this.startNanos = start;
      this.hash = System.identityHashCode(key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      Object mine = get();
      return mine != null && o instanceof Borrow && ((Borrow) o).get() == mine;
    }
  }

  /** The lookup key of {@link #stop}: equal to the Borrow of the same connection. */
  private static final class Probe {
    Object target;
    int hash;

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Borrow && ((Borrow) o).get() == target;
    }
  }
}
