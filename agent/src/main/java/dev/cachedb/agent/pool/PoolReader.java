package dev.cachedb.agent.pool;

/**
 * What the agent knows of one pool library: the class it registers and how to read that class's own
 * counters at scrape time. Each pool module declares its reader in its own folder; the registry,
 * recorder and collector here know no library. The pool may live in any class loader at any
 * supported version, so readers reach it through {@link Reflect}.
 */
public abstract class PoolReader {
  /** Indexes into {@link #read}'s output. */
  public static final int TOTAL = 0;

  public static final int IDLE = 1;
  public static final int ACTIVE = 2;
  public static final int PENDING = 3;
  public static final int MAX = 4;
  static final int VALUES = 5;

  final String poolClass;
  final String type;
  private final String nameGetter;

  /**
   * {@code poolClass}: the class the pool's advice passes as {@code pool}, or a superclass of it;
   * {@code type}: the prefix of generated names, e.g. {@code hikari} for {@code hikari-1}; {@code
   * nameGetter}: the pool's getter of the name the application gave it, if it has one.
   */
  protected PoolReader(String poolClass, String type, String nameGetter) {
    this.poolClass = poolClass;
    this.type = type;
    this.nameGetter = nameGetter;
  }

  /** The name the application gave the pool, or null. */
  public String ownName(Object pool) throws Exception {
    return nameGetter == null ? null : (String) Reflect.call(pool, nameGetter);
  }

  /** Fills {@code out} (indexed by TOTAL..MAX) from the pool's own counters; -1 = cannot tell. */
  public abstract void read(Object pool, int[] out) throws Exception;

  /**
   * The pool that owns {@code key}, a long-lived per-connection object the pool's advice passes to
   * {@code acquiredSince}; null where this library has no such objects or the key is not its own.
   */
  public Object poolOfKey(Object key) {
    return null;
  }

  /**
   * Whether {@code hook}, an object the pool's advice passes to {@code acquireTimedOut}, is pool's.
   */
  public boolean ownsHook(Object pool, Object hook) {
    return false;
  }

  /**
   * Whether {@code part}, an object the pool's advice passes to {@code closed}, is a part of
   * {@code pool} whose end is the pool's: for a pool that closes from inside, not through itself.
   */
  public boolean closesWith(Object pool, Object part) {
    return false;
  }

  /** Nanoseconds from {@code poolStart}, read on the pool's own clock, to {@code nowNanos}. */
  public long elapsedNanos(long poolStart, long nowNanos) {
    return nowNanos - poolStart;
  }

  /**
   * The key whose clock times the usage of {@code connection}, which getConnection returned: the
   * connection itself by default, an entry per borrow; or the pool's long-lived object for the
   * physical connection inside it, whose clock slot is made once and reused, for a pool that lends
   * a new wrapper per borrow and returns that object to the pool through a method the agent
   * advises. Null leaves the borrow untimed.
   */
  public Object usageKey(Object connection) {
    return connection;
  }

  /**
   * Whether the connection getConnection returns starts its usage clock. False for a pool that
   * times usage on its own per-connection object instead, through {@code checkedOut}.
   */
  public boolean timesReturnedConnection() {
    return true;
  }

  /**
   * Whether what getConnection returns is itself the pool's long-lived object for one physical
   * connection (commons-pool2 lends the very objects it holds): its clock slot is then made once
   * and reused, and the pool's return method stops it.
   */
  public boolean lendsItsOwnObjects() {
    return false;
  }

  /**
   * Whether a name the reader made up from the pool's server is taken by a live pool: the next
   * pool to that server is then numbered after it ({@code jedis-127.0.0.1:6379-2}) rather than
   * given a type name ({@code jedis-1}) that says nothing of its server.
   */
  public boolean numbersTakenNames() {
    return false;
  }

  /**
   * Whether {@code pool} was closed, for a pool whose close the agent cannot advise (a method it
   * inherits from a class shared with other libraries): the collector forgets it at the next scrape.
   */
  public boolean closed(Object pool) throws Exception {
    return false;
  }
}
