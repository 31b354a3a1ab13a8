package dev.cachedb.agent.instrumentation.ucp.v19_3;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;
import java.util.Arrays;

/**
 * {@code PoolDataSourceImpl} read through the connection pool it started: its total, available
 * and borrowed counts, its maximum, and its count of requests waiting for a connection, a plain
 * atomic counter (19 to 23).
 */
final class UcpPoolReader extends PoolReader {
  /** What UCP names a pool the application left unnamed, followed by numbers made up per run. */
  private static final String MADE_UP_NAME = "UniversalConnectionPool(";
  private static final Reflect.FieldReader CREATOR = Reflect.fieldReader("creator");
  private static final Reflect.FieldReader POOLED = Reflect.fieldReader("val$upc");

  UcpPoolReader() {
    super("oracle.ucp.jdbc.PoolDataSourceImpl", "ucp", null);
  }

  /**
   * The name of the data source's pool, read from the pool: up to 21 the data source's own
   * methods cannot be listed by reflection without the Oracle driver, which UCP needs only from
   * 23 on.
   */
  @Override
  public String ownName(Object dataSource) throws Exception {
    Object name = Reflect.call(pool(dataSource), "getName");
    return name instanceof String && !((String) name).startsWith(MADE_UP_NAME)
        ? (String) name
        : null;
  }

  @Override
  public void read(Object dataSource, int[] out) throws Exception {
    Object pool = pool(dataSource);
    if (pool == null) {
      // not started: nothing to tell (the collector reuses out from pool to pool)
      Arrays.fill(out, -1);
      return;
    }
    out[TOTAL] = Reflect.callInt(pool, "getTotalConnectionsCount");
    out[IDLE] = Reflect.callInt(pool, "getAvailableConnectionsCount");
    out[ACTIVE] = Reflect.callInt(pool, "getBorrowedConnectionsCount");
    out[MAX] = Reflect.callInt(pool, "getMaxPoolSize");
    // an AtomicInteger up to 21, a LongAdder in 23; its getter is not public from 21 on
    Object waiting = Reflect.field(pool, "m_pendingRequestsCount");
    if (waiting == null) {
      waiting = Reflect.field(pool, "pendingRequestsCount");
    }
    out[PENDING] = waiting instanceof Number ? ((Number) waiting).intValue() : -1;
  }

  /**
   * The {@code UniversalPooledConnection} behind the proxy UCP lends: one per physical connection,
   * given back through the pool's {@code returnConnection}. The proxy is new at every borrow; it
   * holds the pooled connection in the {@code Creator} that made it.
   */
  @Override
  public Object usageKey(Object connection) {
    try {
      Object creator = CREATOR.read(connection);
      return creator == null ? null : POOLED.read(creator);
    } catch (Exception e) {
      return null;
    }
  }

  /** Whether {@code stopped}, a connection pool that stopped, is the one {@code dataSource} runs. */
  @Override
  public boolean closesWith(Object dataSource, Object stopped) {
    try {
      return pool(dataSource) == stopped;
    } catch (Exception e) {
      return false;
    }
  }

  /** The data source's connection pool: {@code m_cp} in 19, {@code connectionPool} from 21. */
  private static Object pool(Object dataSource) throws Exception {
    Object pool = Reflect.field(dataSource, "m_cp");
    return pool != null ? pool : Reflect.field(dataSource, "connectionPool");
  }
}
