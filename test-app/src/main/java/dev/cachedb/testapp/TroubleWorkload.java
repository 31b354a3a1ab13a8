package dev.cachedb.testapp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What goes wrong in a real service, once per round, so every panel of the dashboard and every
 * alert rule has something to show ({@code --trouble}):
 *
 * <pre>
 * a failing INSERT (duplicate key) on testapp_trouble   db_query_errors_total{INSERT,testapp_trouble} +1
 * a slow SELECT on testapp_trouble (sleeps 150 ms)      db_slow_queries_total{SELECT,testapp_trouble} +1
 *                                                       when jdbc.slow_query_threshold is below 150ms
 * a borrow from the exhausted pool testapp-exhausted   db_connection_acquire_errors_total +1, and
 *   (max 1, held, 250 ms timeout)                       db_connection_pool_pending 1 while it waits
 * </pre>
 *
 * <p>Public only so H2 may call {@link #sleepMillis} by reflection.
 */
public final class TroubleWorkload implements Workload {
  static final int SLOW_MILLIS = 150;

  private final String url;
  private HikariDataSource exhausted;
  private Connection connection;

  TroubleWorkload(String url) {
    this.url = url;
  }

  @Override
  public String name() {
    return "trouble";
  }

  @Override
  public void setUp() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(1);
    // Hikari's smallest allowed timeout: each round's starved borrow fails after 250 ms.
    config.setConnectionTimeout(250);
    config.setPoolName("testapp-exhausted");
    exhausted = new HikariDataSource(config);
    connection = exhausted.getConnection();
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS testapp_trouble (id INT PRIMARY KEY, name VARCHAR(64))");
      s.execute("MERGE INTO testapp_trouble (id, name) KEY (id) VALUES (1, 'one')");
      s.execute(
          "CREATE ALIAS IF NOT EXISTS TESTAPP_SLEEP FOR '" + TroubleWorkload.class.getName()
              + ".sleepMillis'");
    }
  }

  @Override
  public void runOnce() throws Exception {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("INSERT INTO testapp_trouble (id, name) VALUES (1, 'again')");
      throw new IllegalStateException("duplicate key was accepted");
    } catch (SQLException expected) {
      // the failed execution is what the round is for
    }
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT TESTAPP_SLEEP(?) FROM testapp_trouble WHERE id = 1")) {
      ps.setInt(1, SLOW_MILLIS);
      ps.executeQuery().close();
    }
    // The pool's only connection is held by this workload, so this borrow waits and times out.
    try (Connection starved = exhausted.getConnection()) {
      throw new IllegalStateException("exhausted pool lent a second connection: " + starved);
    } catch (SQLException expected) {
      // counted by the agent as an acquire error
    }
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (exhausted != null) {
      exhausted.close();
    }
  }

  /** The slow statement's body, called by H2 through the alias {@code TESTAPP_SLEEP}. */
  public static int sleepMillis(int millis) throws InterruptedException {
    Thread.sleep(millis);
    return millis;
  }
}
