package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Three clients doing INCRs with the application's own retry loop (retry a failed call after
 * 50 ms until it succeeds) while the test stops and restarts the Redis server: Jedis over
 * JedisPool, Lettuce sync and Lettuce async, each with a 500 ms timeout. Tallies every attempt as
 * the application saw it ({@code <client> incr success|error}, and {@code jedis borrow-error} for
 * a pool that could not even hand out a connection: no command was sent), prints
 * {@code RECOVERED <client>} the first time a call succeeds after failures, and, once
 * {@code stopFile} exists, the tallies, the exceptions it caught, {@code DONE}, and lingers.
 *
 * <p>Usage: {@code host port stopFile}. Before the clients start: FLUSHALL and one 8 MB SET, so the
 * memory poller's reading before and after the restart (an empty server) differ.
 */
public final class RedisFaultApp {
  static final Captured.Tally TALLY = new Captured.Tally();
  private static final long TIMEOUT_MS = 500;

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    Path stop = Paths.get(args[2]);

    JedisPoolConfig jc = new JedisPoolConfig();
    jc.setMaxTotal(4);
    JedisPool pool = new JedisPool(jc, host, port, (int) TIMEOUT_MS * 4);
    try (Jedis j = pool.getResource()) {
      j.flushAll();
      j.set("fault:big", new String(new char[8 << 20]).replace('\0', 'x'));
    }
    RedisClient lettuce = RedisClient.create(RedisURI.builder().withHost(host).withPort(port)
        .withTimeout(Duration.ofMillis(TIMEOUT_MS)).build());
    StatefulRedisConnection<String, String> sync = lettuce.connect();
    StatefulRedisConnection<String, String> async = lettuce.connect();

    Thread[] workers = {
      worker("jedis", stop, () -> {
        Jedis j;
        try {
          j = pool.getResource();
        } catch (RuntimeException e) {
          TALLY.add("jedis borrow-error");
          Captured.caught("jedis-borrow", e);
          return false;
        }
        try (Jedis held = j) {
          held.incr("fault:jedis");
          return true;
        }
      }),
      worker("lettuce-sync", stop, () -> {
        sync.sync().incr("fault:sync");
        return true;
      }),
      worker("lettuce-async", stop, () -> {
        RedisFuture<Long> f = async.async().incr("fault:async");
        try {
          f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
          return true;
        } catch (TimeoutException e) {
          if (f.cancel(true)) {
            throw e; // the application gave up on it
          }
          f.get(); // completed after all
          return true;
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
      }),
    };
    System.out.println("RUNNING");
    System.out.flush();
    for (Thread w : workers) {
      w.join();
    }
    TALLY.print();
    Captured.printSummary();
    System.out.println("DONE");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  interface Attempt {
    /** True when the call succeeded; false when it failed before any command was sent. */
    boolean run() throws Exception;
  }

  private static Thread worker(String client, Path stop, Attempt attempt) {
    Thread t = new Thread(() -> {
      boolean failedSinceSuccess = false;
      boolean recovered = false;
      while (!Files.exists(stop)) {
        boolean ok;
        try {
          ok = attempt.run();
          if (ok) {
            TALLY.add(client + " incr success");
          }
        } catch (Exception e) {
          TALLY.add(client + " incr error");
          Captured.caught(client, e);
          ok = false;
        }
        if (!ok) {
          failedSinceSuccess = true;
          sleep(50); // the application's own retry
        } else {
          if (failedSinceSuccess && !recovered) {
            recovered = true;
            System.out.println("RECOVERED " + client);
            System.out.flush();
          }
          failedSinceSuccess = false;
          sleep(5);
        }
      }
    }, client);
    t.start();
    return t;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
