package dev.cachedb.it.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** A real PostgreSQL server (zonky's bundled binaries) on a free port. One per IT class. */
public final class PostgresServer implements AutoCloseable {
  private final EmbeddedPostgres pg;

  private PostgresServer(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  public static PostgresServer start() throws Exception {
    return new PostgresServer(EmbeddedPostgres.builder().start());
  }

  /** A pgjdbc URL of {@code database}, created if missing. */
  public String jdbcUrl(String database) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
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
    return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database;
  }

  public String user() {
    return "postgres";
  }

  public String password() {
    return "";
  }

  public int port() {
    return pg.getPort();
  }

  @Override
  public void close() throws Exception {
    pg.close();
  }
}
