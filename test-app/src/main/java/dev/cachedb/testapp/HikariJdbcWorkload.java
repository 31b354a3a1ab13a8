package dev.cachedb.testapp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;

/**
 * The same queries through a HikariCP pool, a connection borrowed per round, on {@code orders}:
 * the statements run on Hikari's proxies, and still count once each.
 */
final class HikariJdbcWorkload implements Workload {
  private final String url;
  private final QueryRound queries = new QueryRound("orders");
  private HikariDataSource pool;
  private int round;

  HikariJdbcWorkload(String url) {
    this.url = url;
  }

  @Override
  public String name() {
    return "jdbc-hikari";
  }

  @Override
  public void setUp() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(2);
    config.setPoolName("test-app-queries");
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection()) {
      queries.createTable(c);
    }
  }

  @Override
  public void runOnce() throws Exception {
    try (Connection c = pool.getConnection()) {
      queries.run(c, round++);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
