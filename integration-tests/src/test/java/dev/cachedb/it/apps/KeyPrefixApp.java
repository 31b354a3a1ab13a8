package dev.cachedb.it.apps;

import static dev.cachedb.it.apps.JedisWorkloadApp.call;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * Reads over {@code user:*}, {@code session:*} and Spring-style {@code owners::*} keys through
 * one client and several of its APIs, so that the test can check each prefix's hits and misses.
 * Args: {@code jedis|lettuce host port}. Jedis calls go by reflection ({@link
 * JedisWorkloadApp#call}) because return types changed between 3.x and 4.x.
 *
 * <p>Expected per prefix: user 13 hits, 6 misses; session 5 hits, 4 misses; owners 4 hits, 1
 * miss; none 1 miss (a key without delimiter); other 1 miss (a UUID prefix). Redis itself counts
 * the same: keyspace hits 22, misses 13.
 */
public final class KeyPrefixApp {
  static final String UUID_KEY = "0b1f9c2e-7d41-4c1a-9e55-3f0a2b6c8d10:cart";

  public static void main(String[] args) throws Exception {
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    if (args[0].equals("jedis")) {
      jedis(new Jedis(host, port));
    } else {
      RedisClient client = RedisClient.create(RedisURI.create(host, port));
      lettuce(client.connect());
    }
    System.out.println("done");
    Thread.sleep(600_000);
  }

  /** Direct calls for user, a pipeline for session, a transaction for owners. */
  private static void jedis(Jedis jedis) throws Exception {
    for (int i = 1; i <= 10; i++) {
      call(jedis, "set", "user:" + i, "u");
    }
    for (int i = 1; i <= 5; i++) {
      call(jedis, "set", "session:" + i, "s");
    }
    for (int i = 1; i <= 3; i++) {
      call(jedis, "set", "owners::" + i, "o");
    }
    for (int i = 1; i <= 14; i++) {
      call(jedis, "get", "user:" + i); // 10 hits, 4 misses
    }
    Object pipeline = call(jedis, "pipelined");
    for (int i = 1; i <= 8; i++) {
      call(pipeline, "get", "session:" + i); // 5 hits, 3 misses
    }
    call(pipeline, "sync");
    Object tx = call(jedis, "multi");
    for (int i = 1; i <= 4; i++) {
      call(tx, "get", "owners::" + i); // 3 hits, 1 miss
    }
    call(tx, "exec");
    call(jedis, "mget", (Object) new String[] {"user:1", "session:99", "owners::2", "user:99"});
    call(jedis, "exists", (Object) new String[] {"user:1", "user:2", "user:404"});
    call(jedis, "get", "plain");
    call(jedis, "get", UUID_KEY);
    jedis.close();
  }

  /** Sync for user, async for session, reactive for owners and MGET. */
  private static void lettuce(StatefulRedisConnection<String, String> connection)
      throws Exception {
    RedisCommands<String, String> sync = connection.sync();
    RedisAsyncCommands<String, String> async = connection.async();
    RedisReactiveCommands<String, String> reactive = connection.reactive();
    for (int i = 1; i <= 10; i++) {
      sync.set("user:" + i, "u");
    }
    for (int i = 1; i <= 5; i++) {
      sync.set("session:" + i, "s");
    }
    for (int i = 1; i <= 3; i++) {
      sync.set("owners::" + i, "o");
    }
    for (int i = 1; i <= 14; i++) {
      sync.get("user:" + i);
    }
    for (int i = 1; i <= 8; i++) {
      async.get("session:" + i).get(5, TimeUnit.SECONDS);
    }
    for (int i = 1; i <= 4; i++) {
      reactive.get("owners::" + i).block();
    }
    reactive.mget("user:1", "session:99", "owners::2", "user:99").collectList().block();
    sync.exists("user:1", "user:2", "user:404");
    sync.get("plain");
    sync.get(UUID_KEY);
    connection.close();
  }
}
