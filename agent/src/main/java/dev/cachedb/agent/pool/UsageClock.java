package dev.cachedb.agent.pool;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Borrow timestamps of connections that are out of their pools, without adding fields to pool
 * classes. Keys are weak, so a connection the application never closes does not keep it (or its
 * pool) alive; the entry goes when the collector clears it. Returning looks the connection up with
 * a per-thread probe, so the return path allocates nothing. Borrows keyed by the connection proxy
 * (DBCP, c3p0: a new proxy per borrow) allocate one entry each; borrows keyed by the pool's own
 * long-lived per-connection object (Hikari's PoolEntry, Tomcat's PooledConnection) reuse the
 * entry of that key, so in steady state they allocate nothing.
 */
final class UsageClock {
  private final ConcurrentHashMap<Object, Borrow> running = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
  private final ThreadLocal<Probe> probes =
      new ThreadLocal<Probe>() {
        @Override
        protected Probe initialValue() {
          return new Probe();
        }
      };

  /** Starts the clock of a per-borrow key, whose entry goes when it stops. */
  void start(Object connection, PoolState state, long now) {
    expunge();
    Borrow b = new Borrow(connection, cleared, state, now, false);
    running.put(b, b);
  }

  /** Starts the clock of a long-lived key; its entry stays, stopped, for its next borrow. */
  void startReusable(Object key, PoolState state, long now) {
    Borrow b = find(key);
    if (b != null && b.state == state) {
      b.startNanos = now;
      return;
    }
    expunge();
    b = new Borrow(key, cleared, state, now, true);
    running.put(b, b);
  }

  /**
   * Stops the clock of {@code key} and returns the borrow's start, or {@link #STOPPED} if its
   * clock was not running (a second close, a return the agent did not see borrowed).
   */
  long stop(Object key, PoolState[] stateOut) {
    Borrow b = find(key);
    if (b == null) {
      return STOPPED;
    }
    long start = b.startNanos;
    if (b.reusable) {
      b.startNanos = STOPPED;
    } else {
      running.remove(b);
    }
    stateOut[0] = b.state;
    return start;
  }

  private Borrow find(Object key) {
    Probe p = probes.get();
    p.target = key;
    p.hash = System.identityHashCode(key);
    try {
      return running.get(p);
    } finally {
      p.target = null;
    }
  }

  int size() {
    expunge();
    return running.size();
  }

  private void expunge() {
    Reference<?> r;
    while ((r = cleared.poll()) != null) {
      running.remove(r);
    }
  }

  /** The start of a borrow whose clock is not running. */
  static final long STOPPED = Long.MIN_VALUE;

  /** A borrow: the key of the map and its value. */
  static final class Borrow extends WeakReference<Object> {
    final PoolState state;
    final boolean reusable;
    /** Written by the borrowing thread, read by the returning one. */
    volatile long startNanos;
    private final int hash;

    Borrow(Object key, ReferenceQueue<Object> q, PoolState state, long start, boolean reusable) {
      super(key, q);
      this.state = state;
      this.startNanos = start;
      this.reusable = reusable;
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
