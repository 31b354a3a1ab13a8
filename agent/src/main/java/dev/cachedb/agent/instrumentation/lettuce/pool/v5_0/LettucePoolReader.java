package dev.cachedb.agent.instrumentation.lettuce.pool.v5_0;

import dev.cachedb.agent.instrumentation.commonspool2.CommonsPool2Reader;
import dev.cachedb.agent.pool.Reflect;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;

/**
 * A pool from Lettuce's {@code ConnectionPoolSupport}, a commons-pool2 pool of {@code
 * StatefulConnection}s. Named {@code lettuce-<address>:<port>} after the server a connection it
 * holds is connected to; its inherited close is seen at scrape time ({@link #closed}).
 */
final class LettucePoolReader extends CommonsPool2Reader {
  private static final Object NOT_A_PROXY = new Object();
  private static final Object[] NO_ARGS = new Object[0];

  /** Per class lent: NOT_A_PROXY, the getter of the connection it wraps, or null if none. */
  private static final ClassValue<Object> TARGET_GETTER =
      new ClassValue<Object>() {
        @Override
        protected Object computeValue(Class<?> type) {
          if (!Proxy.isProxyClass(type)) {
            return NOT_A_PROXY;
          }
          for (Class<?> wrapping : type.getInterfaces()) {
            if (wrapping.getName().endsWith("$HasTargetConnection")) {
              try {
                Method m = wrapping.getMethod("getTargetConnection");
                m.setAccessible(true); // the interface is package-private
                return m;
              } catch (Exception | LinkageError e) {
                return null;
              }
            }
          }
          return null;
        }
      };

  LettucePoolReader(String poolClass) {
    super(poolClass, "lettuce");
  }

  @Override
  public String ownName(Object pool) throws Exception {
    String server = server(anyObject(pool));
    return server == null ? null : "lettuce-" + server;
  }

  /**
   * The connection inside the proxy the pool lends when it wraps connections (the default), so
   * that close() on the proxy and returnObject with it stop the same clock; the pooled connection
   * lives as long as its slot. Asked through the proxy's own {@code HasTargetConnection} interface
   * (nested in ConnectionPoolSupport up to 5.x, in ConnectionWrapping from 6.0): {@code
   * Proxy.getInvocationHandler} checks the proxy class in a class-loader map at every call, and
   * this runs at every borrow and every return.
   */
  @Override
  public Object usageKey(Object connection) {
    Object getter = TARGET_GETTER.get(connection.getClass());
    if (getter == NOT_A_PROXY) {
      return connection;
    }
    try {
      return getter == null ? null : ((Method) getter).invoke(connection, NO_ARGS);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * The remote address of the Netty channel under a pooled connection: its channel writer is the
   * endpoint, or wraps it in {@code delegate}s (command expiry, listeners).
   */
  private static String server(Object connection) throws Exception {
    if (connection == null) {
      return null;
    }
    Object writer = Reflect.field(connection, "channelWriter");
    for (int i = 0; i < 4 && writer != null; i++) {
      Object channel = Reflect.field(writer, "channel");
      if (channel != null) {
        Object address = Reflect.call(channel, "remoteAddress");
        if (address instanceof InetSocketAddress) {
          InetSocketAddress a = (InetSocketAddress) address;
          return a.getHostString() + ":" + a.getPort();
        }
        return null;
      }
      writer = Reflect.field(writer, "delegate");
    }
    return null;
  }
}
