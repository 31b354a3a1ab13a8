package dev.cachedb.testapp;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One connection pool of a given kind, as a service would hold it: five connections at most, and
 * each round borrows two, runs a query on each, and returns them. The pool's name is
 * {@code testapp-<kind>} where the library has a name (DBCP 1.4 has none).
 */
final class PoolWorkload implements Workload {
  /** Every kind {@code --pools=all} means. */
  static final String[] KINDS = {"hikari", "dbcp2", "dbcp", "c3p0", "tomcat"};
  private static final int MAX = 5;

  private final String kind;
  private final String url;
  private DataSource pool;

  PoolWorkload(String kind, String url) {
    this.kind = kind;
    this.url = url;
  }

  @Override
  public String name() {
    return "pool-" + kind;
  }

  @Override
  public void setUp() throws Exception {
    pool = create();
  }

  @Override
  public void runOnce() throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Connection c = pool.getConnection();
        held.add(c);
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1");
        }
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (pool instanceof AutoCloseable) {
      ((AutoCloseable) pool).close();
    } else if (pool instanceof org.apache.commons.dbcp.BasicDataSource) {
      ((org.apache.commons.dbcp.BasicDataSource) pool).close();
    }
  }

  private DataSource create() {
    String name = "testapp-" + kind;
    switch (kind) {
      case "hikari":
        HikariDataSource h = new HikariDataSource();
        h.setJdbcUrl(url);
        h.setUsername("sa");
        h.setPassword("");
        h.setPoolName(name);
        h.setMaximumPoolSize(MAX);
        return h;
      case "dbcp2":
        org.apache.commons.dbcp2.BasicDataSource d2 = new org.apache.commons.dbcp2.BasicDataSource();
        d2.setUrl(url);
        d2.setUsername("sa");
        d2.setPassword("");
        d2.setMaxTotal(MAX);
        d2.setJmxName("dev.cachedb.testapp:name=" + name);
        return d2;
      case "dbcp":
        org.apache.commons.dbcp.BasicDataSource d1 = new org.apache.commons.dbcp.BasicDataSource();
        d1.setUrl(url);
        d1.setUsername("sa");
        d1.setPassword("");
        d1.setMaxActive(MAX);
        return d1;
      case "c3p0":
        ComboPooledDataSource c = new ComboPooledDataSource();
        c.setJdbcUrl(url);
        c.setUser("sa");
        c.setPassword("");
        c.setDataSourceName(name);
        c.setMaxPoolSize(MAX);
        return c;
      case "tomcat":
        org.apache.tomcat.jdbc.pool.DataSource t = new org.apache.tomcat.jdbc.pool.DataSource();
        t.setUrl(url);
        t.setUsername("sa");
        t.setPassword("");
        t.setName(name);
        t.setMaxActive(MAX);
        return t;
      default:
        throw new IllegalArgumentException(
            "unknown pool " + kind + "; pools: hikari, dbcp2, dbcp, c3p0, tomcat, all");
    }
  }
}
