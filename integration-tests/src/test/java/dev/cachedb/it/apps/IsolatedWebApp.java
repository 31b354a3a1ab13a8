package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;

/**
 * A web application as a servlet container holds it: loaded, with its own Jedis, Lettuce, HikariCP
 * and H2, by a class loader of its own that never asks the application class loader (see {@link
 * ClassLoaderIsolationApp}), started, sent requests, and stopped. The container talks to it by
 * reflection with JDK types only.
 *
 * <p>One {@link #handle()} is, in the agent's metrics:
 *
 * <pre>
 * cache_operations_total  set success 2, get hit 7, get miss 3, del success 1
 * db_queries_total        INSERT 3, SELECT 2, DELETE 1 on items_&lt;x&gt;; start() adds CREATE 1
 * pool webapp-&lt;x&gt;         one borrow per handle(), one in start()
 * </pre>
 */
public final class IsolatedWebApp {
  private final String name;
  private final String table;
  private final HikariDataSource pool;
  private final RedisClient lettuce;
  private final StatefulRedisConnection<String, String> connection;
  private final Object jedis;
  private int requests;

  /** Starts the application {@code name} ({@code webapp-a}); its table is {@code items_a}. */
  public IsolatedWebApp(String name, String redisHost, int redisPort) throws Exception {
    this.name = name;
    this.table = "items_" + name.substring(name.lastIndexOf('-') + 1);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:" + name);
    // DriverManager reads drivers' service files once per JVM, with the first caller's context
    // loader: the second web application's H2 is found only when named.
    config.setDriverClassName("org.h2.Driver");
    config.setUsername("sa");
    config.setPassword("");
    config.setPoolName(name);
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(32))");
    }
    lettuce = RedisClient.create("redis://" + redisHost + ":" + redisPort);
    connection = lettuce.connect();
    // Jedis by reflection: this module compiles against no Jedis of its own.
    jedis = JedisWorkloadApp.construct(
        "redis.clients.jedis.Jedis", new Class<?>[] {String.class, int.class}, redisHost, redisPort);
  }

  /** One request. Returns the name of the class loader that defined the libraries it used. */
  public String handle() throws Exception {
    int base = 10 * requests++;
    String key = "iso:" + name + ":";
    JedisWorkloadApp.call(jedis, "set", key + "jedis", "v");
    for (int i = 0; i < 4; i++) {
      JedisWorkloadApp.call(jedis, "get", key + "jedis");
    }
    for (int i = 0; i < 2; i++) {
      JedisWorkloadApp.call(jedis, "get", "iso:absent:jedis");
    }
    JedisWorkloadApp.call(jedis, "del", key + "jedis");
    RedisCommands<String, String> redis = connection.sync();
    redis.set(key + "lettuce", "v");
    for (int i = 0; i < 3; i++) {
      redis.get(key + "lettuce");
    }
    redis.get("iso:absent:lettuce");

    try (Connection c = pool.getConnection()) {
      for (int i = 0; i < 3; i++) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
          ps.setInt(1, base + i);
          ps.setString(2, "item-" + i);
          ps.executeUpdate();
        }
      }
      for (int i = 0; i < 2; i++) {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
          ps.setInt(1, base + i);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
    // The container names its loaders by toString() (ClassLoader.getName() is Java 9).
    return RedisClient.class.getClassLoader() + "/"
        + jedis.getClass().getClassLoader() + "/"
        + HikariDataSource.class.getClassLoader() + "/"
        + org.h2.Driver.class.getClassLoader();
  }

  /**
   * Undeploy: close everything, and deregister the JDBC driver this loader registered, as Tomcat's
   * leak prevention does (DriverManager would otherwise hold the loader forever).
   */
  public void stop() throws Exception {
    JedisWorkloadApp.call(jedis, "close");
    connection.close();
    lettuce.shutdown();
    pool.close();
    Enumeration<Driver> drivers = DriverManager.getDrivers();
    while (drivers.hasMoreElements()) {
      Driver d = drivers.nextElement();
      if (d.getClass().getClassLoader() == IsolatedWebApp.class.getClassLoader()) {
        try {
          DriverManager.deregisterDriver(d);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
