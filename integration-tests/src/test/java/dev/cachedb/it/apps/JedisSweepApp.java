package dev.cachedb.it.apps;

import static dev.cachedb.it.apps.JedisWorkloadApp.call;
import static dev.cachedb.it.apps.JedisWorkloadApp.construct;
import static dev.cachedb.it.apps.JedisWorkloadApp.exists;
import static dev.cachedb.it.apps.JedisWorkloadApp.expectFailure;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The version sweep's Jedis child: one phase per API, in steps the test paces, so one JVM per
 * version proves each API with exact figures. Reflection throughout, as in {@link
 * JedisWorkloadApp}, so it runs unchanged on Jedis 2.9 to 8.x.
 *
 * <p>Args: {@code host port clusterHost clusterPort keyPrefix signalDir phase...}, {@code sync}
 * first (it writes the keys the later phases read). After each phase it prints {@code phase-<name>} and waits for {@code <signalDir>/go-<name>}. Phases and
 * their figures:
 *
 * <ul>
 *   <li>{@code sync}: set 10; get hit 10, miss 5; mget hit 2, miss 1; exists hit 2, miss 1; hset
 *       1; hget hit 1, miss 1, error 1 (WRONGTYPE); hgetall hit 1; del 1.
 *   <li>{@code pool}: five {@code JedisPool} borrows, one GET hit each.
 *   <li>{@code pipeline}: set 1; get hit 1, miss 1; mget hit 1, miss 1.
 *   <li>{@code multi}: multi 1; set 1; get hit 1, miss 1; exec 1.
 *   <li>{@code pooled}: {@code JedisPooled} (4.x-7.x) or {@code RedisClient} (8.x): get hit 5.
 *   <li>{@code cluster}: {@code JedisCluster}: set 12; get hit 10, miss 3; mget hit 2, miss 1.
 * </ul>
 */
public final class JedisSweepApp {
  /** The phases' pools stay open and reachable: the agent drops a collected pool's series. */
  private static final java.util.List<Object> OPEN_POOLS = new java.util.ArrayList<>();

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String p = args[4];
    Path signals = Paths.get(args[5]);
    Object jedis = construct("redis.clients.jedis.Jedis", new Class<?>[] {String.class, int.class},
        host, port);
    for (int i = 6; i < args.length; i++) {
      String phase = args[i];
      switch (phase) {
        case "sync":
          sync(jedis, p);
          break;
        case "pool":
          Class<?> config = Class.forName("org.apache.commons.pool2.impl.GenericObjectPoolConfig");
          Object pool = construct("redis.clients.jedis.JedisPool",
              new Class<?>[] {config, String.class, int.class, int.class, String.class},
              config.getConstructor().newInstance(), host, port, 2000, null);
          OPEN_POOLS.add(pool);
          for (int k = 0; k < 5; k++) {
            Object borrowed = call(pool, "getResource");
            call(borrowed, "get", p + k);
            call(borrowed, "close");
          }
          break;
        case "pipeline":
          Object pipeline = call(jedis, "pipelined");
          call(pipeline, "set", p + "pipe", p + "v");
          call(pipeline, "get", p + "pipe");
          call(pipeline, "get", p + "absent-pipe");
          call(pipeline, "mget", (Object) new String[] {p + 0, p + "absent-pipe"});
          call(pipeline, "sync");
          break;
        case "multi":
          Object tx = call(jedis, "multi");
          call(tx, "set", p + "tx", p + "v");
          call(tx, "get", p + "tx");
          call(tx, "get", p + "absent-tx");
          call(tx, "exec");
          break;
        case "pooled":
          Object pooled = exists("redis.clients.jedis.JedisPooled") // added in 4.0, gone in 8.0
              ? construct("redis.clients.jedis.JedisPooled",
                  new Class<?>[] {String.class, int.class}, host, port)
              : Class.forName("redis.clients.jedis.RedisClient") // its successor in 8.0
                  .getMethod("create", String.class, int.class).invoke(null, host, port);
          OPEN_POOLS.add(pooled);
          for (int k = 0; k < 5; k++) {
            call(pooled, "get", p + k);
          }
          break;
        case "cluster":
          cluster(args[2], Integer.parseInt(args[3]), p);
          break;
        default:
          throw new IllegalArgumentException("unknown phase " + phase);
      }
      Signal.endPhase(signals, phase);
    }
    System.out.println("done");
    Thread.sleep(600_000);
  }

  private static void sync(Object jedis, String p) throws Exception {
    for (int i = 0; i < 10; i++) {
      call(jedis, "set", p + i, p + "v" + i);
    }
    for (int i = 0; i < 10; i++) {
      call(jedis, "get", p + i);
    }
    for (int i = 0; i < 5; i++) {
      call(jedis, "get", p + "absent-" + i);
    }
    call(jedis, "mget", (Object) new String[] {p + 0, p + 1, p + "absent-0"});
    call(jedis, "exists", (Object) new String[] {p + 0, p + 1, p + "absent-0"});
    call(jedis, "hset", p + "hash", "f1", p + "h1");
    call(jedis, "hget", p + "hash", "f1");
    call(jedis, "hget", p + "hash", "absent");
    call(jedis, "hgetAll", p + "hash");
    expectFailure(() -> call(jedis, "hget", p + 0, "f1"), "WRONGTYPE");
    call(jedis, "del", (Object) new String[] {p + 9});
  }

  private static void cluster(String host, int port, String p) throws Exception {
    Object seed = Class.forName("redis.clients.jedis.HostAndPort")
        .getConstructor(String.class, int.class).newInstance(host, port);
    Set<Object> seeds = new HashSet<>(Collections.singleton(seed));
    Object cluster =
        construct("redis.clients.jedis.JedisCluster", new Class<?>[] {Set.class}, seeds);
    for (int i = 0; i < 10; i++) {
      call(cluster, "set", p + "c" + i, p + "v" + i);
    }
    for (int i = 0; i < 10; i++) {
      call(cluster, "get", p + "c" + i);
    }
    for (int i = 0; i < 3; i++) {
      call(cluster, "get", p + "c-absent-" + i);
    }
    // One hash tag keeps the MGET's keys in one slot.
    call(cluster, "set", "{" + p + "}a", p + "va");
    call(cluster, "set", "{" + p + "}b", p + "vb");
    call(cluster, "mget", (Object) new String[] {"{" + p + "}a", "{" + p + "}b", "{" + p + "}x"});
  }
}
