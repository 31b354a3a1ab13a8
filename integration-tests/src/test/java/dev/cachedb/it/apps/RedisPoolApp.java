package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.io.Closeable;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.ObjectPool;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * One kind of Redis client pool through its life, in phases the test scrapes between (args: kind,
 * host, port, signal folder). Kinds: {@code jedis-pool} (JedisPool, every Jedis), {@code
 * jedis-pooled} (JedisPooled, 4.0 on), {@code lettuce-generic} and {@code lettuce-soft}
 * (ConnectionPoolSupport). Two pools to the same server, {@code main} (max 2, waits 1.5 s) and
 * {@code spare}, and beside them an application pool of strings that no metric may show.
 *
 * <ol>
 *   <li>{@code phase-borrowed}: 10 borrows from main, each returned; 1 from spare, returned;
 *   <li>{@code phase-holding}: 2 more borrows from main, both held;
 *   <li>{@code phase-waiting}: a third borrower waits on main (not for soft pools, unbounded);
 *   <li>{@code phase-timed-out}: it timed out; both held connections returned;
 *   <li>{@code phase-closed}: both pools closed.
 * </ol>
 */
public final class RedisPoolApp {

  /** What the phases need of each kind of pool. */
  interface Kind extends Closeable {
    Object borrow() throws Exception;

    void giveBack(Object connection) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    Path signals = Paths.get(args[3]);

    GenericObjectPool<String> strings = new GenericObjectPool<>(new Strings());
    strings.returnObject(strings.borrowObject());

    Kind main = open(kind, host, port);
    Kind spare = open(kind, host, port);
    for (int i = 0; i < 10; i++) {
      main.giveBack(main.borrow());
    }
    spare.giveBack(spare.borrow());
    strings.returnObject(strings.borrowObject());
    Signal.endPhase(signals, "borrowed");

    Object a = main.borrow();
    Object b = main.borrow();
    Signal.endPhase(signals, "holding");

    if (!kind.equals("lettuce-soft")) {
      Thread third =
          new Thread(
              () -> {
                try {
                  main.giveBack(main.borrow());
                  System.out.println("UNEXPECTED: a third connection");
                } catch (Exception e) {
                  System.out.println("third borrower: " + e.getClass().getName());
                }
              },
              "third-borrower");
      third.start();
      while (third.getState() != Thread.State.TIMED_WAITING && third.isAlive()) {
        Thread.sleep(5);
      }
      Signal.endPhase(signals, "waiting");
      third.join();
    }
    main.giveBack(a);
    main.giveBack(b);
    Signal.endPhase(signals, "timed-out");

    main.close();
    spare.close();
    strings.returnObject(strings.borrowObject());
    Signal.endPhase(signals, "closed");
    strings.close();
  }

  private static Kind open(String kind, String host, int port) {
    switch (kind) {
      case "jedis-pool":
        return jedisPool(host, port);
      case "jedis-provider":
        return jedisProvider(host, port);
      case "lettuce-generic":
      case "lettuce-soft":
        return lettuce(kind.equals("lettuce-soft"), host, port);
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static GenericObjectPoolConfig config() {
    GenericObjectPoolConfig config = new GenericObjectPoolConfig();
    config.setMaxTotal(2);
    config.setMaxWaitMillis(1500);
    config.setJmxEnabled(false);
    return config;
  }

  @SuppressWarnings("unchecked")
  private static Kind jedisPool(String host, int port) {
    final JedisPool pool = new JedisPool(config(), host, port, 2000);
    return new Kind() {
      @Override
      public Object borrow() {
        return pool.getResource();
      }

      @Override
      public void giveBack(Object connection) {
        ((Jedis) connection).close();
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Kind jedisProvider(String host, int port) {
    final PooledConnectionProvider provider =
        new PooledConnectionProvider(new ConnectionFactory(new HostAndPort(host, port)), config());
    return new Kind() {
      @Override
      public Object borrow() {
        return provider.getConnection();
      }

      @Override
      public void giveBack(Object connection) {
        ((Connection) connection).close();
      }

      @Override
      public void close() {
        provider.close();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Kind lettuce(boolean soft, String host, int port) {
    final RedisClient client = RedisClient.create(RedisURI.create(host, port));
    final ObjectPool<StatefulRedisConnection<String, String>> pool =
        soft
            ? ConnectionPoolSupport.createSoftReferenceObjectPool(() -> client.connect())
            : ConnectionPoolSupport.createGenericObjectPool(() -> client.connect(), config());
    return new Kind() {
      @Override
      public Object borrow() throws Exception {
        return pool.borrowObject();
      }

      @Override
      public void giveBack(Object connection) {
        ((StatefulRedisConnection<?, ?>) connection).close(); // the proxy hands it back
      }

      @Override
      public void close() {
        pool.close();
        client.shutdown();
      }
    };
  }

  /** The application's own pool of something else. */
  static final class Strings extends BasePooledObjectFactory<String> {
    @Override
    public String create() {
      return new String("token");
    }

    @Override
    public PooledObject<String> wrap(String s) {
      return new DefaultPooledObject<>(s);
    }
  }
}
