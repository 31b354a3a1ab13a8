package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.clients.jedis.Jedis;

/**
 * The plainest use of a Redis client: SET, a GET that hits, a GET that misses, each reply
 * printed, then "done" and wait to be scraped. Args: {@code jedis|lettuce host port}. Compiled
 * against Jedis 8 and Lettuce 5.0, whose calls here every later version still has.
 */
public final class PlainRedisApp {
  public static void main(String[] args) throws Exception {
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    if (args[0].equals("jedis")) {
      try (Jedis jedis = new Jedis(host, port)) {
        System.out.println(jedis.set("plain:k", "v"));
        System.out.println(jedis.get("plain:k"));
        System.out.println(jedis.get("plain:absent"));
      }
    } else {
      RedisClient client = RedisClient.create(RedisURI.create(host, port));
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        RedisCommands<String, String> sync = connection.sync();
        System.out.println(sync.set("plain:k", "v"));
        System.out.println(sync.get("plain:k"));
        System.out.println(sync.get("plain:absent"));
      }
      client.shutdown();
    }
    System.out.println("done");
    Thread.sleep(Long.MAX_VALUE);
  }
}
