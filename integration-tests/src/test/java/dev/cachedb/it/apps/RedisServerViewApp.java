package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.clients.jedis.Jedis;

/**
 * Gives a Redis with a small {@code maxmemory} every statistic the server view exports: Jedis
 * writes 4 MB of 1 KB values (evictions), 20 keys with a 50 ms TTL that it reads back once expired
 * (expirations, misses), and reads recent and absent keys; Lettuce reads some more. One SET on a
 * second, unlimited Redis. Prints "done" and waits. Args: {@code host limitedPort unlimitedPort}.
 */
public final class RedisServerViewApp {
  public static void main(String[] args) throws Exception {
    String host = args[0];
    int limited = Integer.parseInt(args[1]);
    char[] kilobyte = new char[1024];
    java.util.Arrays.fill(kilobyte, 'x');
    String value = new String(kilobyte);
    try (Jedis jedis = new Jedis(host, limited)) {
      for (int i = 0; i < 4096; i++) {
        jedis.set("view:fill:" + i, value);
      }
      for (int i = 0; i < 20; i++) {
        jedis.psetex("view:ttl:" + i, 50, "v");
      }
      Thread.sleep(200);
      for (int i = 0; i < 20; i++) {
        jedis.get("view:ttl:" + i);
      }
      for (int i = 4000; i < 4096; i++) {
        jedis.get("view:fill:" + i);
      }
      for (int i = 0; i < 30; i++) {
        jedis.get("view:absent:" + i);
      }
    }
    RedisClient client = RedisClient.create(RedisURI.create(host, limited));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> sync = connection.sync();
      for (int i = 4050; i < 4096; i++) {
        sync.get("view:fill:" + i);
      }
      sync.get("view:absent:lettuce");
    }
    client.shutdown();
    try (Jedis jedis = new Jedis(host, Integer.parseInt(args[2]))) {
      jedis.set("view:unlimited", "v");
    }
    System.out.println("done");
    Thread.sleep(600_000);
  }
}
