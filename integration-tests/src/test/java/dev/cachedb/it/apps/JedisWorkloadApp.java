package dev.cachedb.it.apps;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A known Jedis workload that runs unchanged against every Jedis from 2.9 to 8.x: all calls go
 * through reflection, because return types differ between lines ({@code Long} then {@code long})
 * and {@code JedisPooled} exists only from 4.0. Three phases, each ended by a line on stdout; the
 * test scrapes, then creates {@code <signal dir>/go-<n>} to let the next phase run.
 *
 * <ol>
 *   <li>70 SETs, 70 GETs of present keys, 30 of absent ones ("phase-1").
 *   <li>MGET, EXISTS, hashes, DEL, a WRONGTYPE error, JedisPool, a pipeline, a transaction, and
 *       JedisPooled (4.x-7.x) or RedisClient (8.x) ("phase-2").
 *   <li>After the test stopped the server: one GET on the open connection ("done").
 * </ol>
 *
 * Usage: {@code host port password|- signalDir}.
 */
public final class JedisWorkloadApp {
  static final String KEY = "cdb-key-";
  static final String VALUE = "cdb-value-";
  static final String ABSENT = "cdb-absent-";

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String password = args[2].equals("-") ? null : args[2];
    Path signals = Paths.get(args[3]);

    Object jedis = construct("redis.clients.jedis.Jedis", new Class<?>[] {String.class, int.class},
        host, port);
    if (password != null) {
      call(jedis, "auth", password);
    }
    call(jedis, "flushAll");

    // phase 1: 70 hits, 30 misses
    for (int i = 0; i < 70; i++) {
      call(jedis, "set", KEY + i, VALUE + i);
    }
    for (int i = 0; i < 70; i++) {
      call(jedis, "get", KEY + i);
    }
    for (int i = 0; i < 30; i++) {
      call(jedis, "get", ABSENT + i);
    }
    System.out.println("phase-1");
    Signal.awaitFile(signals.resolve("go-2"));

    // phase 2
    call(jedis, "mget", (Object) new String[] {KEY + 0, KEY + 1, ABSENT + 0});
    call(jedis, "exists", (Object) new String[] {KEY + 0, KEY + 1, ABSENT + 0});
    call(jedis, "hset", "cdb-hash", "cdb-field-1", VALUE + "h1");
    call(jedis, "hset", "cdb-hash", "cdb-field-2", VALUE + "h2");
    call(jedis, "hget", "cdb-hash", "cdb-field-1");
    call(jedis, "hget", "cdb-hash", "cdb-field-absent");
    call(jedis, "hgetAll", "cdb-hash");
    call(jedis, "hgetAll", "cdb-hash-absent");
    call(jedis, "hmget", "cdb-hash",
        new String[] {"cdb-field-1", "cdb-field-2", "cdb-field-absent"});
    List<String> doomed = new ArrayList<>();
    for (int i = 60; i < 70; i++) {
      doomed.add(KEY + i);
    }
    call(jedis, "del", (Object) doomed.toArray(new String[0]));
    expectFailure(() -> call(jedis, "hget", KEY + 0, "cdb-field-1"), "WRONGTYPE");

    Class<?> poolConfig = Class.forName("org.apache.commons.pool2.impl.GenericObjectPoolConfig");
    Object pool = construct("redis.clients.jedis.JedisPool",
        new Class<?>[] {poolConfig, String.class, int.class, int.class, String.class},
        poolConfig.getConstructor().newInstance(), host, port, 2000, password);
    for (int i = 0; i < 10; i++) {
      Object borrowed = call(pool, "getResource");
      call(borrowed, "get", KEY + i);
      call(borrowed, "close");
    }

    Object pipeline = call(jedis, "pipelined");
    call(pipeline, "set", "cdb-key-pipe", VALUE + "pipe");
    call(pipeline, "get", "cdb-key-pipe");
    call(pipeline, "get", ABSENT + "pipe");
    call(pipeline, "mget", (Object) new String[] {KEY + 0, ABSENT + "pipe"});
    call(pipeline, "sync");

    Object tx = call(jedis, "multi");
    call(tx, "set", "cdb-key-tx", VALUE + "tx");
    call(tx, "get", "cdb-key-tx");
    call(tx, "get", ABSENT + "tx");
    call(tx, "exec");

    Object pooled = null;
    if (exists("redis.clients.jedis.JedisPooled")) { // added in 4.0, removed in 8.0
      pooled = password == null
          ? construct("redis.clients.jedis.JedisPooled", new Class<?>[] {String.class, int.class},
              host, port)
          : construct("redis.clients.jedis.JedisPooled",
              new Class<?>[] {String.class, int.class, String.class, String.class},
              host, port, null, password);
    } else if (exists("redis.clients.jedis.RedisClient")) { // JedisPooled's successor in 8.0
      Class<?> c = Class.forName("redis.clients.jedis.RedisClient");
      pooled = password == null
          ? c.getMethod("create", String.class, int.class).invoke(null, host, port)
          : c.getMethod("create", String.class, int.class, String.class, String.class)
              .invoke(null, host, port, null, password);
    }
    if (pooled != null) {
      for (int i = 0; i < 5; i++) {
        call(pooled, "get", KEY + i);
      }
    }
    System.out.println("phase-2");
    Signal.awaitFile(signals.resolve("go-3"));

    // phase 3: the server is down; the open connection fails
    awaitServerDown(host, port);
    expectFailure(() -> call(jedis, "get", KEY + 0), "");
    System.out.println("done");
    Thread.sleep(600_000);
  }

  interface Step {
    void run() throws Exception;
  }

  static void expectFailure(Step step, String messagePart) throws Exception {
    try {
      step.run();
    } catch (InvocationTargetException e) {
      String m = String.valueOf(e.getCause().getMessage());
      if (m.contains(messagePart)) {
        System.out.println("failed as expected: " + e.getCause().getClass().getSimpleName());
        return;
      }
      throw e;
    }
    throw new AssertionError("expected a failure");
  }

  private static void awaitServerDown(String host, int port) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 200);
      } catch (Exception down) {
        return;
      }
      Thread.sleep(20);
    }
  }

  static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static Object construct(String className, Class<?>[] types, Object... args) throws Exception {
    Constructor<?> c = Class.forName(className).getConstructor(types);
    return c.newInstance(args);
  }

  /** Calls the public method {@code name} whose parameters accept {@code args}, in any version. */
  static Object call(Object target, String name, Object... args) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && accepts(m.getParameterTypes(), args)) {
        m.setAccessible(true);
        return m.invoke(target, args);
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + name);
  }

  private static boolean accepts(Class<?>[] types, Object[] args) {
    if (types.length != args.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      Object a = args[i];
      boolean ok = a == null ? !t.isPrimitive()
          : t.isInstance(a) || (t == int.class && a instanceof Integer)
              || (t == long.class && a instanceof Long);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
