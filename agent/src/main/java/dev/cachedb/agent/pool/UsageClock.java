package dev.cachedb.agent.pool;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Borrow timestamps of connections that are out of their pools, without adding fields to pool
 * classes. Keys are weak, so a connection the application never closes does not keep it (or its
 * pool) alive; the entry goes when the collector clears it. Returning looks the connection up with
 * a per-thread probe, so the return path allocates nothing; the borrow path allocates one entry.
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

  void start(Object connection, PoolState state, long now) {
    expunge();
    Borrow b = new Borrow(connection, cleared, state, now);
    running.put(b, b);
  }

  /** The borrow of {@code connection}, removed; null if its clock was not running. */
  Borrow stop(Object connection) {
    Probe p = probes.get();
    p.target = connection;
    p.hash = System.identityHashCode(connection);
    try {
      return running.remove(p);
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

  /** A running borrow: the key of the map and its value. */
  static final class Borrow extends WeakReference<Object> {
    final PoolState state;
    final long startNanos;
    private final int hash;

    Borrow(Object connection, ReferenceQueue<Object> q, PoolState state, long startNanos) {
      super(connection, q);
      this.state = state;
      this.startNanos = startNanos;
      this.hash = System.identityHashCode(connection);
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
