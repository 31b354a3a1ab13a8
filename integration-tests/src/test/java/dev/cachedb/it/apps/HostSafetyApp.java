package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Every workload once, printing each call's result on stdout, so a test can compare a run with
 * the agent to one without it: Jedis (pool, pipeline), Lettuce (sync, async), JDBC through a
 * HikariCP pool (DDL, insert, select, prepared, batch, a slow query, a failing query) and through
 * DriverManager, on H2 or MariaDB. Keys, values and SQL literals all carry TAG, so a test can look
 * for TAG in everything the agent exposes. Then prints "done" and lingers.
 *
 * <pre>
 * HostSafetyApp REDIS_PORT REDIS_PASSWORD|- JDBC_URL DB_USER DB_PASSWORD TAG SLOW_MS
 * </pre>
 */
public final class HostSafetyApp {

  public static void main(String[] args) throws Exception {
    int redisPort = Integer.parseInt(args[0]);
    String redisPassword = args[1].equals("-") ? null : args[1];
    String url = args[2];
    String user = args[3];
    String password = args[4];
    String tag = args[5];
    long slowMs = Long.parseLong(args[6]);

    jedis(redisPort, redisPassword, tag);
    lettuce(redisPort, redisPassword, tag);
    pooled(url, user, password, tag, slowMs);
    direct(url, user, password, tag);
    out("done");
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void jedis(int port, String password, String tag) {
    try (JedisPool pool =
        new JedisPool(new JedisPoolConfig(), "127.0.0.1", port, 2000, password)) {
      try (Jedis j = pool.getResource()) {
        out("jedis set " + j.set("key-" + tag, "value-" + tag));
        out("jedis get " + j.get("key-" + tag));
        out("jedis miss " + j.get("absent-" + tag));
        out("jedis mget " + j.mget("key-" + tag, "absent-" + tag));
        Pipeline p = j.pipelined();
        Response<String> set = p.set("piped-" + tag, "piped-value-" + tag);
        Response<String> get = p.get("piped-" + tag);
        p.sync();
        out("jedis pipeline " + set.get() + " " + get.get());
        out("jedis del " + j.del("piped-" + tag));
      }
    }
  }

  private static void lettuce(int port, String password, String tag) throws Exception {
    RedisURI.Builder uri = RedisURI.builder().withHost("127.0.0.1").withPort(port);
    if (password != null) {
      uri.withPassword(password.toCharArray());
    }
    RedisClient client = RedisClient.create(uri.build());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      out("lettuce set " + c.sync().set("lettuce-key-" + tag, "lettuce-value-" + tag));
      out("lettuce get " + c.sync().get("lettuce-key-" + tag));
      out("lettuce async miss " + c.async().get("absent-" + tag).get(5, TimeUnit.SECONDS));
      out("lettuce reactive " + c.reactive().get("key-" + tag).block());
    } finally {
      client.shutdown();
    }
  }

  private static void pooled(String url, String user, String password, String tag, long slowMs)
      throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(2);
    config.setPoolName("safety-pool"); // a pool's name is a label by design: no TAG in it
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))");
        boolean h2 = url.startsWith("jdbc:h2:");
        if (h2) {
          s.execute("CREATE ALIAS SLEEP_MS FOR 'dev.cachedb.it.apps.QueryWorkloadApp.sleepMs'");
        }
        String sleep = h2 ? "SLEEP_MS(" + slowMs + ")" : "SLEEP(" + slowMs / 1000.0 + ")";
        out("jdbc insert " + s.executeUpdate(
            "INSERT INTO items VALUES (1, 'literal-" + tag + "'), (2, 'other-" + tag + "')"));
        try (ResultSet rs = s.executeQuery(
            "SELECT COUNT(*) FROM items WHERE name <> 'literal-" + tag + "-x'")) {
          rs.next();
          out("jdbc count " + rs.getInt(1));
        }
        try (ResultSet rs = s.executeQuery(
            "SELECT " + sleep + ", name FROM items WHERE name = 'literal-" + tag + "'")) {
          rs.next();
          out("jdbc slow " + rs.getString(2));
        }
        try {
          s.executeQuery("SELECT * FROM missing_table WHERE secret = 'literal-" + tag + "'");
          out("jdbc failing query did not fail");
        } catch (SQLException e) {
          out("jdbc error " + e.getErrorCode() + " suppressed=" + e.getSuppressed().length
              + " cause=" + e.getCause() + " agentFrames=" + agentFrames(e));
        }
      }
      try (Connection c = pool.getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT name FROM items WHERE id = ?")) {
        ps.setInt(1, 2);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          out("jdbc prepared " + rs.getString(1));
        }
      }
      try (Connection c = pool.getConnection();
          PreparedStatement ps = c.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
        for (int i = 3; i <= 4; i++) {
          ps.setInt(1, i);
          ps.setString(2, "bound-" + tag);
          ps.addBatch();
        }
        out("jdbc batch " + Arrays.toString(ps.executeBatch()));
      }
    }
    out("pool closed");
  }

  private static void direct(String url, String user, String password, String tag)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT COUNT(*) FROM items WHERE name = 'bound-" + tag + "'")) {
      rs.next();
      out("direct count " + rs.getInt(1));
    }
  }

  private static long agentFrames(Throwable t) {
    return Arrays.stream(t.getStackTrace())
        .filter(f -> f.getClassName().startsWith("dev.cachedb.agent"))
        .count();
  }

  private static void out(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
