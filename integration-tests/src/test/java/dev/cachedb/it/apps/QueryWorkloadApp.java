package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Paths;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A child JVM doing an exactly known JDBC workload, then lingering so the test can scrape.
 *
 * <pre>
 * QueryWorkloadApp run    URL USER PASSWORD pool|direct ROUNDS SLOW_SQL
 * QueryWorkloadApp attach URL USER PASSWORD pool|direct ROUNDS TRIGGER_FILE
 * </pre>
 *
 * {@code run} executes, on schema customers/orders/audit_log (created by the test): per round an
 * INSERT, SELECT and UPDATE on customers (prepared) and a SELECT on orders (plain statement);
 * then once: a prepared batch into orders, a plain batch into audit_log, a plain DELETE on
 * orders, a plain executeLargeUpdate on orders, a plain execute(sql) UPDATE on audit_log, a
 * CallableStatement CALL of touch_customers (a procedure the test creates), a prepared DELETE on
 * customers, a failing SELECT on missing_table and SLOW_SQL.
 * Every literal holds "secret", so the test can check that none reaches a scrape or a log line.
 *
 * <p>{@code attach} does ROUNDS rounds of a prepared SELECT and a plain UPDATE on customers,
 * prints "ready", waits until TRIGGER_FILE exists (the test attaches the agent, then creates it),
 * does ROUNDS rounds again and prints "done".
 */
public final class QueryWorkloadApp {
  private final String url;
  private final String user;
  private final String password;
  private final HikariDataSource pool;
  private Connection direct;

  private QueryWorkloadApp(String url, String user, String password, boolean pooled) {
    this.url = url;
    this.user = user;
    this.password = password;
    pool = pooled ? smallPool(url, user, password, "query-it") : null;
  }

  /** A HikariCP pool of at most two connections, one kept idle. */
  static HikariDataSource smallPool(String url, String user, String password, String name) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(2);
    c.setMinimumIdle(1);
    c.setPoolName(name);
    return new HikariDataSource(c);
  }

  public static void main(String[] args) throws Exception {
    QueryWorkloadApp app = new QueryWorkloadApp(args[1], args[2], args[3], args[4].equals("pool"));
    int rounds = Integer.parseInt(args[5]);
    if (args[0].equals("run")) {
      app.run(rounds, args[6]);
    } else {
      app.attachScenario(rounds, args[6]);
    }
    System.out.println("done");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /**
   * H2's slow statement: {@code CREATE ALIAS SLEEP_MS FOR 'dev.cachedb.it.apps.QueryWorkloadApp.sleepMs'}.
   * Not Thread.sleep itself: JDK 21 added an overload, and H2 refuses ambiguous aliases.
   */
  public static long sleepMs(long millis) throws InterruptedException {
    Thread.sleep(millis);
    return millis;
  }

  /** Work on a pooled connection borrowed for it, or on the one DriverManager connection. */
  private void inConnection(Work work) throws Exception {
    if (pool != null) {
      try (Connection c = pool.getConnection()) {
        work.run(c);
      }
      return;
    }
    if (direct == null) {
      direct = DriverManager.getConnection(url, user, password);
    }
    work.run(direct);
  }

  private interface Work {
    void run(Connection c) throws Exception;
  }

  private void run(int rounds, String slowSql) throws Exception {
    for (int i = 0; i < rounds; i++) {
      int id = 100 + i;
      String name = "alice-secret-" + i;
      inConnection(c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, name) VALUES (?, ?)")) {
          ps.setInt(1, id);
          ps.setString(2, name);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
          ps.setInt(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
          }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET name = ? WHERE id = ?")) {
          ps.setString(1, "carol-secret");
          ps.setInt(2, id);
          ps.executeUpdate();
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders WHERE note = 'dave-secret'")) {
          rs.next();
        }
      });
    }
    inConnection(c -> {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO orders (id, customer_id, note) VALUES (?, ?, ?)")) {
        for (int k = 0; k < 3; k++) {
          ps.setInt(1, k);
          ps.setInt(2, 100);
          ps.setString(3, "bob-secret");
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (Statement s = c.createStatement()) {
        s.addBatch("INSERT INTO audit_log (id, note) VALUES (1, 'erin-secret')");
        s.addBatch("INSERT INTO audit_log (id, note) VALUES (2, 'erin-secret')");
        s.executeBatch();
        s.executeUpdate("DELETE FROM orders WHERE note = 'frank-secret'");
        s.executeLargeUpdate("UPDATE orders SET note = 'ivan-secret' WHERE id = 0");
        s.execute("UPDATE audit_log SET note = 'judy-secret' WHERE id = 1");
      }
      try (CallableStatement cs = c.prepareCall("CALL touch_customers(?)")) {
        cs.setInt(1, 0);
        cs.execute();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM customers WHERE id = ?")) {
        ps.setInt(1, 100 + rounds - 1);
        ps.execute();
      }
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT nope FROM missing_table WHERE note = 'grace-secret'");
        throw new IllegalStateException("missing_table exists?");
      } catch (SQLException expected) {
        // counted as an error
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(slowSql)) {
        rs.next();
      }
    });
  }

  private void attachScenario(int rounds, String trigger) throws Exception {
    selectsAndUpdates(rounds);
    System.out.println("ready");
    System.out.flush();
    Signal.awaitFile(Paths.get(trigger));
    selectsAndUpdates(rounds);
  }

  private void selectsAndUpdates(int rounds) throws Exception {
    for (int i = 0; i < rounds; i++) {
      inConnection(c -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
          ps.setInt(1, 1);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
          }
        }
        try (Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE customers SET name = 'heidi-secret' WHERE id = 1");
        }
      });
    }
  }
}
