package dev.cachedb.agent.instrumentation.hikaricp.v2_7;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;
import java.util.concurrent.TimeUnit;

/**
 * {@code HikariPool}, whose getters back Hikari's own MXBean; its name and maximum are in its
 * {@code HikariConfig}, in PoolBase's {@code config} field (2.7 to 7.x).
 */
final class HikariPoolReader extends PoolReader {
  private static final boolean MAC_OS = "Mac OS X".equals(System.getProperty("os.name"));

  HikariPoolReader() {
    super("com.zaxxer.hikari.pool.HikariPool", "hikari", null);
  }

  @Override
  public String ownName(Object pool) throws Exception {
    return (String) Reflect.call(Reflect.field(pool, "config"), "getPoolName");
  }

  @Override
  public void read(Object pool, int[] out) throws Exception {
    out[MAX] = Reflect.callInt(Reflect.field(pool, "config"), "getMaximumPoolSize");
    out[TOTAL] = Reflect.callInt(pool, "getTotalConnections");
    out[IDLE] = Reflect.callInt(pool, "getIdleConnections");
    out[ACTIVE] = Reflect.callInt(pool, "getActiveConnections");
    out[PENDING] = Reflect.callInt(pool, "getThreadsAwaitingConnection");
  }

  /** A PoolEntry knows its pool; entries are read once each, on their first borrow. */
  @Override
  public Object poolOfKey(Object key) {
    if (!key.getClass().getName().equals("com.zaxxer.hikari.pool.PoolEntry")) {
      return null;
    }
    try {
      return Reflect.field(key, "hikariPool");
    } catch (Exception e) {
      return null;
    }
  }

  /** Each HikariPool has its own metrics-tracker delegate, in PoolBase's field (2.7 to 7.x). */
  @Override
  public boolean ownsHook(Object pool, Object hook) {
    try {
      return Reflect.field(pool, "metricsTracker") == hook;
    } catch (Exception e) {
      return false;
    }
  }

  /** HikariCP's ClockSource counts milliseconds on macOS, nanoseconds elsewhere (2.7 to 7.x). */
  @Override
  public long elapsedNanos(long poolStart, long nowNanos) {
    return MAC_OS
        ? TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - poolStart)
        : nowNanos - poolStart;
  }
}
