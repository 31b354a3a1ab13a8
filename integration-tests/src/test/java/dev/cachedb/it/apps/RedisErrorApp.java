package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.ExecutionException;
import redis.clients.jedis.Jedis;

/**
 * Redis calls that fail the same way every run, for comparing what the application catches with
 * and without the agent: a Jedis GET to a port nothing listens on (connection refused), and an
 * INCR of a non-number (an error reply) over Jedis, Lettuce sync and Lettuce async. Prints the
 * {@code EXC} and {@code FRAMES} lines of each (see {@link Captured}), {@code AGENT-FRAMES},
 * {@code DONE}, and lingers.
 *
 * <p>Usage: {@code host port deadPort}.
 */
public final class RedisErrorApp {

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int dead = Integer.parseInt(args[2]);

    try (Jedis j = new Jedis(host, dead)) {
      j.get("err:k");
    } catch (RuntimeException e) {
      report("jedis-refused", e);
    }
    try (Jedis j = new Jedis(host, port)) {
      j.set("err:text", "not a number");
      j.incr("err:text");
    } catch (RuntimeException e) {
      report("jedis-error-reply", e);
    }
    RedisClient lettuce = RedisClient.create(RedisURI.create("redis://" + host + ":" + port));
    try (StatefulRedisConnection<String, String> c = lettuce.connect()) {
      try {
        c.sync().incr("err:text");
      } catch (RuntimeException e) {
        report("lettuce-sync-error-reply", e);
      }
      try {
        c.async().incr("err:text").get();
      } catch (ExecutionException e) {
        report("lettuce-async-error-reply", e);
      }
    }
    lettuce.shutdown();
    Captured.printSummary();
    System.out.println("DONE");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void report(String where, Throwable e) {
    Captured.caught(where, e);
    Captured.printFrames(where, e);
  }
}
