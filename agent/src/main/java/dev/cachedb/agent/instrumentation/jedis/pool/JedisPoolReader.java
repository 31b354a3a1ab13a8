package dev.cachedb.agent.instrumentation.jedis.pool;

import dev.cachedb.agent.instrumentation.commonspool2.CommonsPool2Reader;
import dev.cachedb.agent.pool.Reflect;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Jedis {@code util.Pool} (JedisPool, JedisSentinelPool, Jedis 4's ConnectionPool behind
 * JedisPooled) read through the commons-pool2 pool it is (4.0 on) or wraps in {@code
 * internalPool} (2.9 to 3.x), whose {@code Jedis} or {@code Connection} objects it lends. Named
 * {@code jedis-<host>:<port>} after the server its factory connects to, the host as the
 * application wrote it.
 */
public final class JedisPoolReader extends CommonsPool2Reader {

  /** {@code poolClass}: {@code redis.clients.util.Pool} up to 2.10, {@code jedis.util.Pool} on. */
  public JedisPoolReader(String poolClass) {
    super(poolClass, "jedis");
  }

  @Override
  public String ownName(Object pool) throws Exception {
    String server = server(factory(pool));
    return server == null ? null : "jedis-" + server;
  }

  @Override
  protected Object commonsPool(Object pool) throws Exception {
    Object wrapped = Reflect.field(pool, "internalPool");
    return wrapped == null ? pool : wrapped;
  }

  /**
   * {@code host:port} of the factory's {@code HostAndPort}, or null: JedisFactory holds it in
   * {@code hostAndPort} up to 3.x, in its socket factory from 4.0; 7.0's ConnectionFactory holds the
   * socket factory in its connection builder.
   */
  static String server(Object factory) throws Exception {
    Object address = field(factory, "hostAndPort");
    if (address == null) {
      address = field(field(factory, "jedisSocketFactory"), "hostAndPort");
    }
    if (address == null) {
      address =
          field(field(field(factory, "connectionBuilder"), "socketFactory"), "hostAndPort");
    }
    if (address instanceof AtomicReference) {
      address = ((AtomicReference<?>) address).get();
    }
    Object host = Reflect.call(address, "getHost");
    int port = Reflect.callInt(address, "getPort");
    return host == null || port < 0 ? null : host + ":" + port;
  }

  private static Object field(Object target, String name) throws Exception {
    return target == null ? null : Reflect.field(target, name);
  }
}
