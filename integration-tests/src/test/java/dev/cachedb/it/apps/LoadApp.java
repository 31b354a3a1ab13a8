package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * {@link LoadPlan}'s workload on {@value LoadPlan#THREADS} threads at once: Jedis over JedisPool,
 * Lettuce sync and async, HikariCP over in-memory H2. Tallies what each call actually returned
 * (a GET that found its value is a hit), prints {@code TALLY <series> <n>} lines, then
 * {@code DONE <millis>}, and lingers for the test's last scrape.
 *
 * <p>Usage: {@code redisHost redisPort opsPerThread goFile}. Prints {@code READY} before the
 * threads start, and waits for {@code goFile} to exist: the test starts its scraper in between.
 */
public final class LoadApp {
  private static final Map<String, LongAdder> TALLY = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int ops = Integer.parseInt(args[2]);

    JedisPoolConfig jc = new JedisPoolConfig();
    jc.setMaxTotal(LoadPlan.THREADS);
    JedisPool jedisPool = new JedisPool(jc, host, port, 10_000);
    RedisClient lettuce =
        RedisClient.create(RedisURI.builder().withHost(host).withPort(port).build());
    StatefulRedisConnection<String, String> syncConn = lettuce.connect();
    StatefulRedisConnection<String, String> asyncConn = lettuce.connect();

    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl("jdbc:h2:mem:load;DB_CLOSE_DELAY=-1");
    hc.setUsername("sa");
    hc.setPassword("");
    hc.setPoolName(LoadPlan.POOL);
    hc.setMaximumPoolSize(8);
    hc.setMinimumIdle(8);
    HikariDataSource db = new HikariDataSource(hc);

    setup(jedisPool, db);
    System.out.println("READY");
    System.out.flush();
    Signal.awaitFile(Paths.get(args[3])); // until the test's scraper runs

    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[LoadPlan.THREADS];
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      threads[t] = new Thread(() -> {
        try {
          start.await();
          RedisCommands<String, String> sync = syncConn.sync();
          RedisAsyncCommands<String, String> async = asyncConn.async();
          for (int i = 0; i < ops; i++) {
            jedis(jedisPool, id, i);
            if (id % 2 == 0) {
              lettuceSync(sync, id, i);
            } else {
              lettuceAsync(async, id, i);
            }
            sql(db, id, i);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "load-" + t);
      threads[t].start();
    }
    long began = System.nanoTime();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    if (failure.get() != null) {
      failure.get().printStackTrace(System.out);
      System.out.println("FAILED");
    }
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(TALLY).entrySet()) {
      System.out.println("TALLY " + e.getKey() + " " + e.getValue().sum());
    }
    System.out.println("DONE " + millis);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void setup(JedisPool pool, HikariDataSource db) throws SQLException {
    try (Jedis j = pool.getResource()) {
      j.flushAll();
      tally(LoadPlan.cache("flushall", "success"));
      for (int k = 0; k < LoadPlan.SEEDED; k++) {
        j.set("load:hit:" + k, "v" + k);
        tally(LoadPlan.cache("set", "success"));
      }
    }
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      tally(LoadPlan.borrows());
      s.execute("CREATE TABLE items (id INT PRIMARY KEY, qty INT)");
      tally(LoadPlan.query("CREATE", "items"));
      s.execute("CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, t INT, seq INT)");
      tally(LoadPlan.query("CREATE", "events"));
      try (PreparedStatement p = c.prepareStatement("INSERT INTO items (id, qty) VALUES (?, 0)")) {
        for (int k = 0; k < LoadPlan.SEEDED; k++) {
          p.setInt(1, k);
          p.executeUpdate();
          tally(LoadPlan.query("INSERT", "items"));
        }
      }
    }
  }

  private static void jedis(JedisPool pool, int t, int i) {
    try (Jedis j = pool.getResource()) {
      switch (LoadPlan.jedisOp(i)) {
        case 0:
          j.set("load:j:" + t + ":" + i, "x");
          tally(LoadPlan.cache("set", "success"));
          break;
        case 3:
          read("get", j.get(LoadPlan.absent(t, i)));
          break;
        default:
          read("get", j.get(LoadPlan.seeded(t, i)));
      }
    }
  }

  private static void lettuceSync(RedisCommands<String, String> r, int t, int i) {
    switch (LoadPlan.lettuceOp(i)) {
      case 0:
        r.set("load:l:" + t + ":" + i, "y");
        tally(LoadPlan.cache("set", "success"));
        break;
      case 1:
        read("get", r.get(LoadPlan.seeded(t, i)));
        break;
      case 2:
        read("get", r.get(LoadPlan.absent(t, i)));
        break;
      case 3:
        mget(r.mget(LoadPlan.seeded(t, i), LoadPlan.absent(t, i)));
        break;
      default:
        r.incr("load:ctr:" + t);
        tally(LoadPlan.cache("incr", "success"));
    }
  }

  private static void lettuceAsync(RedisAsyncCommands<String, String> r, int t, int i)
      throws Exception {
    switch (LoadPlan.lettuceOp(i)) {
      case 0:
        r.set("load:l:" + t + ":" + i, "y").get();
        tally(LoadPlan.cache("set", "success"));
        break;
      case 1:
        read("get", r.get(LoadPlan.seeded(t, i)).get());
        break;
      case 2:
        read("get", r.get(LoadPlan.absent(t, i)).get());
        break;
      case 3:
        RedisFuture<List<KeyValue<String, String>>> f =
            r.mget(LoadPlan.seeded(t, i), LoadPlan.absent(t, i));
        mget(f.get());
        break;
      default:
        r.incr("load:ctr:" + t).get();
        tally(LoadPlan.cache("incr", "success"));
    }
  }

  private static void sql(HikariDataSource db, int t, int i) throws SQLException {
    try (Connection c = db.getConnection()) {
      tally(LoadPlan.borrows());
      switch (LoadPlan.sqlOp(i)) {
        case 0:
          try (PreparedStatement p = c.prepareStatement("SELECT qty FROM items WHERE id = ?")) {
            p.setInt(1, (t + i) % LoadPlan.SEEDED);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
            }
          }
          tally(LoadPlan.query("SELECT", "items"));
          break;
        case 1:
          try (PreparedStatement p = c.prepareStatement("INSERT INTO events (t, seq) VALUES (?, ?)")) {
            p.setInt(1, t);
            p.setInt(2, i);
            p.executeUpdate();
          }
          tally(LoadPlan.query("INSERT", "events"));
          break;
        default:
          try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE items SET qty = qty + 1 WHERE id = " + (i % LoadPlan.SEEDED));
          }
          tally(LoadPlan.query("UPDATE", "items"));
      }
    }
  }

  private static void read(String op, Object value) {
    tally(LoadPlan.cache(op, value != null ? "hit" : "miss"));
  }

  private static void mget(List<KeyValue<String, String>> values) {
    for (KeyValue<String, String> kv : values) {
      tally(LoadPlan.cache("mget", kv.hasValue() ? "hit" : "miss"));
    }
  }

  private static void tally(String key) {
    TALLY.computeIfAbsent(key, k -> new LongAdder()).increment();
  }
}
