package dev.cachedb.testapp;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.Statement;
import redis.clients.jedis.Jedis;

/**
 * Clients that come and go, as in a service that reconfigures itself or opens a client per job
 * ({@code --churn}): every round a fresh {@link Jedis} connection does one GET and is closed;
 * every 5th round a new HikariCP pool (a new name each time, {@code churn-<n>}) runs one query
 * and is closed; every 20th round a new Lettuce client connects, does one GET and shuts down.
 * The soak uses it to show that what the agent keeps per pool and per client is let go.
 */
final class ChurnWorkload implements Workload {
  private final String jdbcUrl;
  private final String redisHost;
  private final int redisPort;
  private long round;

  ChurnWorkload(String jdbcUrl, String redisHost, int redisPort) {
    this.jdbcUrl = jdbcUrl;
    this.redisHost = redisHost;
    this.redisPort = redisPort;
  }

  @Override
  public String name() {
    return "churn";
  }

  @Override
  public void setUp() {}

  @Override
  public void runOnce() throws Exception {
    long n = round++;
    try (Jedis jedis = new Jedis(redisHost, redisPort)) {
      jedis.get("testapp:churn:absent");
    }
    if (n % 5 == 0) {
      try (HikariDataSource pool = new HikariDataSource()) {
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setPoolName("churn-" + n);
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        try (Connection c = pool.getConnection();
            Statement s = c.createStatement()) {
          s.execute("SELECT 1");
        }
      }
    }
    if (n % 20 == 0) {
      RedisClient client = RedisClient.create(RedisURI.create(redisHost, redisPort));
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        c.sync().get("testapp:churn:absent");
      } finally {
        client.shutdown();
      }
    }
  }

  @Override
  public void close() {}
}
