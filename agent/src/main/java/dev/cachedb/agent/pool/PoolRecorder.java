package dev.cachedb.agent.pool;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.bootstrap.PoolCalls;
import dev.cachedb.agent.util.PerThread;

/**
 * Records pool events from advice into {@link PoolMetrics} and keeps the {@link PoolRegistry} of
 * live pools for {@link PoolCollector}. Installed as the bootstrap {@link PoolCalls#sink}. A pool
 * is registered when it starts, or at its first borrow when the agent attached later or the pool
 * starts lazily (DBCP, c3p0). Never throws into the application.
 */
public final class PoolRecorder extends PoolCalls.Sink {

  private final PoolRegistry registry;
  private final PoolReaders readers = new PoolReaders();
  private final UsageClock clock = new UsageClock();

  /** Second result of {@link UsageClock#stop}, per thread, so returning allocates nothing. */
  private final PerThread<PoolState[]> stateOut =
      new PerThread<PoolState[]>() {
        @Override
        protected PoolState[] initialValue() {
          return new PoolState[1];
        }
      };

  /**
   * Per thread, the slot {@link #lent} found inside a timed getConnection: that borrow's
   * end starts its clock, so one clock reading ends the acquire and starts the usage here too. A
   * check-out inside another library's borrow that times what it returns leaves it unread; the
   * next check-out replaces it, and that one borrow's usage goes untimed.
   */
  private final PerThread<UsageClock.Slot[]> lentInBorrow =
      new PerThread<UsageClock.Slot[]>() {
        @Override
        protected UsageClock.Slot[] initialValue() {
          return new UsageClock.Slot[1];
        }
      };

  private final PoolMetrics metrics;

  PoolRecorder(PoolRegistry registry, PoolMetrics metrics) {
    this.registry = registry;
    this.metrics = metrics;
  }

  /**
   * Registers {@code reader}, the pool module's knowledge of its library, with the recorder; every
   * pool module calls this at start. The first call creates the pool metrics and collector in
   * the context's registry and installs the recorder as the bootstrap sink.
   */
  public static void install(final AgentContext context, PoolReader reader) {
    PoolRecorder recorder = context.shared(PoolRecorder.class, () -> {
      PoolRegistry pools = new PoolRegistry();
      PoolMetrics metrics = new PoolMetrics(context.histograms());
      context.registry().register(new PoolCollector(pools, metrics));
      PoolRecorder r = new PoolRecorder(pools, metrics);
      PoolCalls.sink = r;
      return r;
    });
    recorder.register(reader);
  }

  void register(PoolReader reader) {
    readers.register(reader);
  }

  @Override
  public void opened(Object pool) {
    try {
      state(pool);
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void closed(Object pool) {
    try {
      PoolState s = registry.unregister(pool);
      if (s == null) {
        s = unregisterOwner(pool);
      }
      if (s != null) {
        metrics.forget(s);
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void acquired(Object pool, Object connection, long start, long end) {
    try {
      PoolState s = state(pool);
      if (s != null) {
        s.acquire.observeNanos(end - start);
        if (!s.reader.timesReturnedConnection()) {
          startLent(end);
        } else if (connection != null) {
          startUsage(s, connection, s.reader.usageKey(connection), end);
        }
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void acquireFailed(Object pool, long nanos) {
    try {
      PoolState s = state(pool);
      if (s != null) {
        s.acquireErrors.inc();
        if (!s.reader.timesReturnedConnection()) {
          lentInBorrow.get()[0] = null;
        }
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void checkedOut(Object pool, Object key) {
    if (PoolCalls.inBorrow()) {
      lent(pool, key);
      return;
    }
    try {
      PoolState s = state(pool);
      if (s != null && key != null) {
        // outside any borrow: Tomcat's getConnectionAsync, whose Future lends
        clock.slot(key, s).start(System.nanoTime());
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void lent(Object pool, Object key) {
    try {
      PoolState s = state(pool);
      if (s != null && key != null) {
        lentInBorrow.get()[0] = clock.slot(key, s);
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  /**
   * One clock reading serves both histograms: it ends the acquire (begun at the pool's own {@code
   * poolStart}) and starts the usage. The key's pool is found once, on its first borrow.
   */
  @Override
  public void acquiredSince(Object key, long poolStart) {
    try {
      long now = System.nanoTime();
      UsageClock.Slot slot = clock.slot(key);
      if (slot == null) {
        slot = firstSlot(key);
        if (slot == null) {
          return;
        }
      }
      PoolState s = slot.state;
      s.acquire.observeNanos(s.reader.elapsedNanos(poolStart, now));
      slot.start(now);
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void acquireTimedOut(Object hook) {
    try {
      for (PoolState s : registry.snapshot()) {
        Object pool = s.pool.get();
        if (pool != null && s.reader.ownsHook(pool, hook)) {
          s.acquireErrors.inc();
          return;
        }
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void released(Object key) {
    try {
      UsageClock.Slot slot = clock.slot(key);
      if (slot != null) {
        long start = slot.stop();
        if (start != UsageClock.STOPPED) {
          slot.state.usage.observeNanos(System.nanoTime() - start);
        }
        return;
      }
      PoolState[] state = stateOut.get();
      long start = clock.stop(key, state);
      if (start != UsageClock.STOPPED) {
        state[0].usage.observeNanos(System.nanoTime() - start);
        state[0] = null;
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  @Override
  public void returned(Object pool, Object connection) {
    try {
      PoolState s = registry.find(pool);
      if (s != null && connection != null) {
        Object key = s.reader.usageKey(connection);
        if (key != null) {
          released(key);
        }
      }
    } catch (RuntimeException | LinkageError ignored) {
      // never the application's problem
    }
  }

  /** Pools tracked now (for tests). */
  int tracked() {
    return registry.snapshot().length;
  }

  int runningBorrows() {
    return clock.size();
  }

  /**
   * The lent connection itself gets an entry that goes at its return; the pool's long-lived key
   * for it (the reader's {@code usageKey}), or the connection when the pool lends its own objects,
   * a slot, reused by every later borrow. {@code now} is the clock reading that ended the acquire.
   */
  private void startUsage(PoolState s, Object connection, Object key, long now) {
    if (key == connection && !s.reader.lendsItsOwnObjects()) {
      clock.start(connection, s, now);
    } else if (key != null) {
      clock.slot(key, s).start(now);
    }
  }

  /** Starts the clock of the slot checked out in the borrow that ended at {@code end}. */
  private void startLent(long end) {
    UsageClock.Slot[] lent = lentInBorrow.get();
    if (lent[0] != null) {
      lent[0].start(end);
      lent[0] = null;
    }
  }

  /** The state of the registered pool {@code part} is a part of, unregistered; or null. */
  private PoolState unregisterOwner(Object part) {
    for (PoolState s : registry.snapshot()) {
      Object pool = s.pool.get();
      if (pool != null && s.reader.closesWith(pool, part)) {
        return registry.unregister(pool);
      }
    }
    return null;
  }

  private UsageClock.Slot firstSlot(Object key) {
    Object pool = readers.poolOfKey(key);
    PoolState s = pool == null ? null : state(pool);
    return s == null ? null : clock.slot(key, s);
  }

  /** The state of {@code pool}, registering it on first sight; null if it is no known pool. */
  private PoolState state(Object pool) {
    PoolState s = registry.find(pool);
    if (s != null || pool == null) {
      return s;
    }
    PoolReader reader = readers.of(pool);
    if (reader == null) {
      return null;
    }
    String own;
    try {
      own = reader.ownName(pool);
    } catch (Exception e) {
      own = null;
    }
    return registry.register(pool, reader, own, metrics);
  }
}
