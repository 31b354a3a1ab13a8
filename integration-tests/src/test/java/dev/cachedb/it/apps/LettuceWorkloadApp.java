package dev.cachedb.it.apps;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A known Lettuce workload, through one API ({@code sync}, {@code async} or {@code reactive}),
 * compiled against Lettuce 5.0 and run against 5.x to 7.x (only API whose binary form is the same
 * in all of them; reactive {@code hgetall}, whose return type changed in 6.0, goes by reflection).
 *
 * <p>Args: {@code mode host port password|- keyPrefix stopFlagFile [cluster]}; with
 * {@code cluster}, host:port is a seed node of a Redis cluster. The API types used are the
 * cluster interfaces, which the standalone ones extend, so one implementation serves both. After the error reply it
 * prints {@code waiting-for-stop}, waits for the test to stop the server and create the flag
 * file, sends one more command (an error), prints {@code done} and lingers to be scraped.
 *
 * <p>Expected figures: get hit 70, miss 30, error 2; mget hit 2, miss 1; exists hit 5, miss 2;
 * one hit each for hget, hgetall, lrange, smembers, zrange, zscore, lindex; one miss each for
 * hget, hgetall, lrange; set success 70, del success 5, lpush/hset/sadd/zadd success 1.
 * Hits 84, misses 36: hit rate exactly 70.
 */
public final class LettuceWorkloadApp {

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String pw = args[3].equals("-") ? "" : ":" + args[3] + "@";
    boolean cluster = args.length > 6 && args[6].equals("cluster");
    // In a cluster, one hash tag keeps every key in one slot, so no multi-key command is split.
    String p = cluster ? "{" + args[4] + "}" : args[4];
    RedisURI uri = RedisURI.create("redis://" + pw + args[1] + ":" + args[2]);
    uri.setTimeout(Duration.ofSeconds(2));
    StatefulConnection<String, String> connection;
    Api api;
    if (cluster) {
      // Default options: node connections open lazily (7.x), and the cluster is never stopped.
      RedisClusterClient client = RedisClusterClient.create(uri);
      StatefulRedisClusterConnection<String, String> c = client.connect();
      connection = c;
      api = mode.equals("sync")
          ? new SyncApi(c.sync())
          : mode.equals("async") ? new AsyncApi(c.async()) : new ReactiveApi(c.reactive());
    } else {
      RedisClient client = RedisClient.create(uri);
      // A command sent after the server went away must fail at once, not wait for a reconnect.
      client.setOptions(
          ClientOptions.builder()
              .autoReconnect(false)
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .build());
      StatefulRedisConnection<String, String> c = client.connect();
      connection = c;
      api = mode.equals("sync")
          ? new SyncApi(c.sync())
          : mode.equals("async") ? new AsyncApi(c.async()) : new ReactiveApi(c.reactive());
    }

    workload(api, p);
    Thread.sleep(200);
    System.out.println("waiting-for-stop");
    Signal.awaitFile(Paths.get(args[5]));
    // A cluster connection stays open while its node connections fail: bound the wait.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(cluster ? 2 : 20);
    while (connection.isOpen() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (cluster) {
      check(api.get(p + "k5") != null); // the cluster stays up: a hit
    } else {
      expectError(() -> api.get(p + "k5"));
    }
    Thread.sleep(200);
    System.out.println("done");
    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
  }

  /**
   * The commands whose figures the class comment gives, under key prefix {@code p}, without the
   * last GET: one error (WRONGTYPE) so far. The version sweep runs it once per API.
   */
  static void workload(Api api, String p) throws Exception {
    for (int i = 0; i < 70; i++) {
      api.set(p + "k" + i, p + "v" + i);
    }
    for (int i = 0; i < 70; i++) {
      check(api.get(p + "k" + i) != null);
    }
    for (int i = 0; i < 30; i++) {
      check(api.get(p + "a" + i) == null);
    }
    check(api.mget(p + "k0", p + "k1", p + "a0").size() == 3);
    check(api.exists(p + "k0", p + "k1", p + "k2", p + "k3", p + "k4", p + "a0", p + "a1") == 5);
    api.lpush(p + "list", p + "x");
    api.hset(p + "h", "f1", p + "hv");
    api.sadd(p + "s", p + "m");
    api.zadd(p + "z", 1.0, p + "m");
    check(api.hget(p + "h", "f1") != null);
    check(api.hgetall(p + "h") == 1);
    check(api.lrange(p + "list") == 1);
    check(api.smembers(p + "s") == 1);
    check(api.zrange(p + "z") == 1);
    check(api.zscore(p + "z", p + "m") != null);
    check(api.lindex(p + "list", 0) != null);
    check(api.hget(p + "h", "nofield") == null);
    check(api.hgetall(p + "nohash") == 0);
    check(api.lrange(p + "nolist") == 0);
    expectError(() -> api.get(p + "list")); // WRONGTYPE
    for (int i = 0; i < 5; i++) {
      api.del(p + "k" + i);
    }
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("unexpected reply");
    }
  }

  private static void expectError(Callable<?> call) {
    try {
      call.call();
    } catch (Exception expected) {
      return;
    }
    throw new IllegalStateException("expected an error");
  }

  /** The commands of the workload, one implementation per Lettuce API. */
  interface Api {
    void set(String k, String v) throws Exception;

    String get(String k) throws Exception;

    List<?> mget(String... keys) throws Exception;

    long exists(String... keys) throws Exception;

    void lpush(String k, String v) throws Exception;

    void hset(String k, String f, String v) throws Exception;

    void sadd(String k, String m) throws Exception;

    void zadd(String k, double score, String m) throws Exception;

    String hget(String k, String f) throws Exception;

    int hgetall(String k) throws Exception;

    int lrange(String k) throws Exception;

    int smembers(String k) throws Exception;

    int zrange(String k) throws Exception;

    Double zscore(String k, String m) throws Exception;

    String lindex(String k, long i) throws Exception;

    void del(String k) throws Exception;
  }

  static final class SyncApi implements Api {
    private final RedisClusterCommands<String, String> c;

    SyncApi(RedisClusterCommands<String, String> c) {
      this.c = c;
    }

    public void set(String k, String v) { c.set(k, v); }
    public String get(String k) { return c.get(k); }
    public List<?> mget(String... keys) { return c.mget(keys); }
    public long exists(String... keys) { return c.exists(keys); }
    public void lpush(String k, String v) { c.lpush(k, v); }
    public void hset(String k, String f, String v) { c.hset(k, f, v); }
    public void sadd(String k, String m) { c.sadd(k, m); }
    public void zadd(String k, double s, String m) { c.zadd(k, s, m); }
    public String hget(String k, String f) { return c.hget(k, f); }
    public int hgetall(String k) { return c.hgetall(k).size(); }
    public int lrange(String k) { return c.lrange(k, 0, -1).size(); }
    public int smembers(String k) { return c.smembers(k).size(); }
    public int zrange(String k) { return c.zrange(k, 0, -1).size(); }
    public Double zscore(String k, String m) { return c.zscore(k, m); }
    public String lindex(String k, long i) { return c.lindex(k, i); }
    public void del(String k) { c.del(k); }
  }

  static final class AsyncApi implements Api {
    private final RedisClusterAsyncCommands<String, String> c;

    AsyncApi(RedisClusterAsyncCommands<String, String> c) {
      this.c = c;
    }

    private static <T> T await(Future<T> f) throws Exception {
      return f.get(5, TimeUnit.SECONDS);
    }

    public void set(String k, String v) throws Exception { await(c.set(k, v)); }
    public String get(String k) throws Exception { return await(c.get(k)); }
    public List<?> mget(String... keys) throws Exception { return await(c.mget(keys)); }
    public long exists(String... keys) throws Exception { return await(c.exists(keys)); }
    public void lpush(String k, String v) throws Exception { await(c.lpush(k, v)); }
    public void hset(String k, String f, String v) throws Exception { await(c.hset(k, f, v)); }
    public void sadd(String k, String m) throws Exception { await(c.sadd(k, m)); }
    public void zadd(String k, double s, String m) throws Exception { await(c.zadd(k, s, m)); }
    public String hget(String k, String f) throws Exception { return await(c.hget(k, f)); }
    public int hgetall(String k) throws Exception { return await(c.hgetall(k)).size(); }
    public int lrange(String k) throws Exception { return await(c.lrange(k, 0, -1)).size(); }
    public int smembers(String k) throws Exception { return await(c.smembers(k)).size(); }
    public int zrange(String k) throws Exception { return await(c.zrange(k, 0, -1)).size(); }
    public Double zscore(String k, String m) throws Exception { return await(c.zscore(k, m)); }
    public String lindex(String k, long i) throws Exception { return await(c.lindex(k, i)); }
    public void del(String k) throws Exception { await(c.del(k)); }
  }

  static final class ReactiveApi implements Api {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final RedisClusterReactiveCommands<String, String> c;

    ReactiveApi(RedisClusterReactiveCommands<String, String> c) {
      this.c = c;
    }

    private static int count(Flux<?> f) {
      return f.collectList().block(WAIT).size();
    }

    public void set(String k, String v) { c.set(k, v).block(WAIT); }
    public String get(String k) { return c.get(k).block(WAIT); }
    public List<?> mget(String... keys) { return c.mget(keys).collectList().block(WAIT); }
    public long exists(String... keys) { return c.exists(keys).block(WAIT); }
    public void lpush(String k, String v) { c.lpush(k, v).block(WAIT); }
    public void hset(String k, String f, String v) { c.hset(k, f, v).block(WAIT); }
    public void sadd(String k, String m) { c.sadd(k, m).block(WAIT); }
    public void zadd(String k, double s, String m) { c.zadd(k, s, m).block(WAIT); }
    public String hget(String k, String f) { return c.hget(k, f).block(WAIT); }

    /** Mono of a Map in 5.x, Flux of KeyValue from 6.0: called by reflection. */
    public int hgetall(String k) throws Exception {
      Object publisher = RedisClusterReactiveCommands.class.getMethod("hgetall", Object.class).invoke(c, k);
      if (publisher instanceof Mono) {
        Object value = ((Mono<?>) publisher).block(WAIT);
        return value == null ? 0 : ((Map<?, ?>) value).size();
      }
      return count((Flux<?>) publisher);
    }

    public int lrange(String k) { return count(c.lrange(k, 0, -1)); }
    public int smembers(String k) { return count(c.smembers(k)); }
    public int zrange(String k) { return count(c.zrange(k, 0, -1)); }
    public Double zscore(String k, String m) { return c.zscore(k, m).block(WAIT); }
    public String lindex(String k, long i) { return c.lindex(k, i).block(WAIT); }
    public void del(String k) { c.del(k).block(WAIT); }
  }
}
