package dev.cachedb.agent.pool;

import java.util.concurrent.TimeUnit;

/**
 * The pools the agent knows, each with the class it registers and how to read that class's own
 * counters at scrape time. Every read goes through {@link Reflect}, because the pool may live in
 * any class loader and at any supported version.
 */
enum PoolKind {
  /** HikariCP 2.7 to 7.x: {@code HikariPool}, whose getters back its own MXBean. */
  HIKARI("com.zaxxer.hikari.pool.HikariPool", "hikari") {
    @Override
    String ownName(Object pool) throws Exception {
      return (String) Reflect.call(Reflect.field(pool, "config"), "getPoolName");
    }

    /** Hikari's PoolEntry knows its pool; entries are read once each, on their first borrow. */
    @Override
    Object poolOfKey(Object key) {
      return key.getClass().getName().equals("com.zaxxer.hikari.pool.PoolEntry")
          ? hikariPool(key)
          : null;
    }

    /** Each HikariPool has its own metrics-tracker delegate, in PoolBase's field (2.7 to 7.x). */
    @Override
    boolean ownsHook(Object pool, Object hook) {
      try {
        return Reflect.field(pool, "metricsTracker") == hook;
      } catch (Exception e) {
        return false;
      }
    }

    private Object hikariPool(Object entry) {
      try {
        return Reflect.field(entry, "hikariPool");
      } catch (Exception e) {
        return null;
      }
    }

    /** HikariCP's ClockSource counts milliseconds on macOS, nanoseconds elsewhere (2.7 to 7.x). */
    @Override
    long elapsedNanos(long poolStart, long nowNanos) {
      return MAC_OS
          ? TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - poolStart)
          : nowNanos - poolStart;
    }

    @Override
    void read(Object pool, int[] out) throws Exception {
      out[TOTAL] = Reflect.callInt(pool, "getTotalConnections");
      out[IDLE] = Reflect.callInt(pool, "getIdleConnections");
      out[ACTIVE] = Reflect.callInt(pool, "getActiveConnections");
      out[PENDING] = Reflect.callInt(pool, "getThreadsAwaitingConnection");
      out[MAX] = Reflect.callInt(Reflect.field(pool, "config"), "getMaximumPoolSize");
    }
  },
  /** Commons DBCP2 2.x: {@code BasicDataSource}; waiters come from its commons-pool2 pool. */
  DBCP2("org.apache.commons.dbcp2.BasicDataSource", "dbcp2") {
    @Override
    String ownName(Object pool) throws Exception {
      return (String) Reflect.call(pool, "getJmxName");
    }

    @Override
    void read(Object pool, int[] out) throws Exception {
      out[ACTIVE] = Reflect.callInt(pool, "getNumActive");
      out[IDLE] = Reflect.callInt(pool, "getNumIdle");
      out[TOTAL] = out[ACTIVE] + out[IDLE];
      out[MAX] = Reflect.callInt(pool, "getMaxTotal");
      out[PENDING] = Reflect.callInt(Reflect.field(pool, "connectionPool"), "getNumWaiters");
    }
  },
  /** Commons DBCP 1.4: commons-pool 1.x keeps its waiters private, so pending is unknown. */
  DBCP("org.apache.commons.dbcp.BasicDataSource", "dbcp") {
    @Override
    String ownName(Object pool) {
      return null;
    }

    @Override
    void read(Object pool, int[] out) throws Exception {
      out[ACTIVE] = Reflect.callInt(pool, "getNumActive");
      out[IDLE] = Reflect.callInt(pool, "getNumIdle");
      out[TOTAL] = out[ACTIVE] + out[IDLE];
      out[MAX] = Reflect.callInt(pool, "getMaxActive");
      out[PENDING] = -1;
    }
  },
  /** c3p0 0.9.5 to 0.14: the pool-backed data source's default-user pool. */
  C3P0("com.mchange.v2.c3p0.impl.AbstractPoolBackedDataSource", "c3p0") {
    @Override
    String ownName(Object pool) throws Exception {
      return (String) Reflect.call(pool, "getDataSourceName");
    }

    @Override
    void read(Object pool, int[] out) throws Exception {
      out[TOTAL] = Reflect.callInt(pool, "getNumConnectionsDefaultUser");
      out[IDLE] = Reflect.callInt(pool, "getNumIdleConnectionsDefaultUser");
      out[ACTIVE] = Reflect.callInt(pool, "getNumBusyConnectionsDefaultUser");
      out[PENDING] = Reflect.callInt(pool, "getNumThreadsAwaitingCheckoutDefaultUser");
      out[MAX] = Reflect.callInt(pool, "getMaxPoolSize");
    }
  },
  /** Tomcat JDBC 8.5 to 11: {@code ConnectionPool}, which every Tomcat DataSource starts. */
  TOMCAT("org.apache.tomcat.jdbc.pool.ConnectionPool", "tomcat") {
    @Override
    String ownName(Object pool) throws Exception {
      return (String) Reflect.call(pool, "getName");
    }

    @Override
    void read(Object pool, int[] out) throws Exception {
      out[TOTAL] = Reflect.callInt(pool, "getSize");
      out[IDLE] = Reflect.callInt(pool, "getIdle");
      out[ACTIVE] = Reflect.callInt(pool, "getActive");
      out[PENDING] = Reflect.callInt(pool, "getWaitCount");
      out[MAX] = Reflect.callInt(Reflect.call(pool, "getPoolProperties"), "getMaxActive");
    }
  };

  private static final boolean MAC_OS = "Mac OS X".equals(System.getProperty("os.name"));

  static final int TOTAL = 0;
  static final int IDLE = 1;
  static final int ACTIVE = 2;
  static final int PENDING = 3;
  static final int MAX = 4;
  static final int VALUES = 5;

  private static final ClassValue<PoolKind> BY_CLASS =
      new ClassValue<PoolKind>() {
        @Override
        protected PoolKind computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (PoolKind k : values()) {
              if (k.rootClass.equals(c.getName())) {
                return k;
              }
            }
          }
          return null;
        }
      };

  final String rootClass;
  final String type;

  PoolKind(String rootClass, String type) {
    this.rootClass = rootClass;
    this.type = type;
  }

  /**
   * The pool that owns {@code key}, a long-lived per-connection object a pool's advice passes to
   * {@code acquiredSince}; null where this kind has no such objects.
   */
  Object poolOfKey(Object key) {
    return null;
  }

  /** Whether {@code hook}, an object a pool's advice passes to {@code acquireTimedOut}, is pool's. */
  boolean ownsHook(Object pool, Object hook) {
    return false;
  }

  /** Nanoseconds from {@code poolStart}, read on the pool's own clock, to {@code nowNanos}. */
  long elapsedNanos(long poolStart, long nowNanos) {
    return nowNanos - poolStart;
  }

  /** The kind of {@code pool}, or null if it is none the agent knows. */
  static PoolKind of(Object pool) {
    return BY_CLASS.get(pool.getClass());
  }

  /** The name the application gave the pool, or null. */
  abstract String ownName(Object pool) throws Exception;

  /** Fills {@code out} (indexed by TOTAL..MAX) from the pool's own counters; -1 = cannot tell. */
  abstract void read(Object pool, int[] out) throws Exception;
}
