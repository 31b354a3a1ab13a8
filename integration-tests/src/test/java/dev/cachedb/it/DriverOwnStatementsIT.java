package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.DriverOwnStatementsApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.harness.SetUpConnection;
import dev.cachedb.it.servers.MariaDbServer;
import dev.cachedb.it.servers.PostgresServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule for statements a driver sends by itself: only statements run through a Statement's
 * execute methods by the application (or a pool or framework acting for it) count; what a driver
 * sends to implement another JDBC method (isolation, read-only, savepoints, catalog and schema,
 * validity, metadata, connecting) never does. Each driver, on its real database, directly and
 * through HikariCP: N calls of every such method add nothing, M statements add exactly M.
 */
class DriverOwnStatementsIT {
  private static final int N = 7;
  private static final int M = 5;

  private static MariaDbServer mariaDb;
  private static PostgresServer postgres;

  @BeforeAll
  static void startServers() throws Exception {
    mariaDb = MariaDbServer.start();
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (mariaDb != null) {
      mariaDb.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void mariaDbConnectorDirect() throws Exception {
    scenario("jdbc-mariadb", mariaDb.jdbcUrl("own_mariadb"), mariaDb.user(), mariaDb.password(),
        false);
  }

  @Test
  void mariaDbConnectorThroughHikari() throws Exception {
    scenario("jdbc-mariadb", mariaDb.jdbcUrl("own_mariadb_pool"), mariaDb.user(),
        mariaDb.password(), true);
  }

  @Test
  void mysqlConnectorDirect() throws Exception {
    mysqlScenario("own_mysql", false);
  }

  @Test
  void mysqlConnectorThroughHikari() throws Exception {
    mysqlScenario("own_mysql_pool", true);
  }

  @Test
  void postgresDirect() throws Exception {
    scenario("jdbc-postgresql", postgres.jdbcUrl("own_pg"), postgres.user(), postgres.password(),
        false);
  }

  @Test
  void postgresThroughHikari() throws Exception {
    scenario("jdbc-postgresql", postgres.jdbcUrl("own_pg_pool"), postgres.user(),
        postgres.password(), true);
  }

  @Test
  void h2Direct() throws Exception {
    scenario("jdbc-h2", h2Url("own_h2"), "sa", "", false);
  }

  @Test
  void h2ThroughHikari() throws Exception {
    scenario("jdbc-h2", h2Url("own_h2_pool"), "sa", "", true);
  }

  /** MySQL Connector/J on the MariaDB server; this JVM makes the schema with MariaDB's driver. */
  private void mysqlScenario(String database, boolean pool) throws Exception {
    createSchema(mariaDb.jdbcUrl(database), mariaDb.user(), mariaDb.password());
    scenario("jdbc-mysql", mariaDb.mysqlJdbcUrl(database), mariaDb.user(), mariaDb.password(),
        pool);
  }

  private static String h2Url(String name) {
    Path file = Paths.get("target", "h2-it", name + "-" + System.nanoTime()).toAbsolutePath();
    return "jdbc:h2:file:" + file;
  }

  /** In this JVM, which has no agent: the schema is not counted. */
  private static void createSchema(String url, String user, String password) throws Exception {
    SetUpConnection.run(url, user, password, c -> {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS customers");
        s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(64))");
        s.execute("INSERT INTO customers (id, name) VALUES (1, 'a'), (2, 'b')");
      }
    });
  }

  private void scenario(String driver, String url, String user, String password, boolean pool)
      throws Exception {
    if (!driver.equals("jdbc-mysql")) {
      createSchema(url, user, password);
    }
    int port = freePort();
    try (AppProcess app =
        AppProcess.testMain(DriverOwnStatementsApp.class, driver, "jdbc-hikaricp")
            .agent("port=" + port + ",host=127.0.0.1")
            .args(url, user, password, pool ? "pool" : "direct", Integer.toString(N),
                Integer.toString(M), Integer.toString(port))
            .start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      String why = driver + (pool ? " via HikariCP" : " direct") + "\n" + app.dump()
          + String.join("\n", s.keysStartingWith("db_queries_total"));

      List<String> steps = new ArrayList<>();
      for (String line : app.stdout().split("\n")) {
        if (line.startsWith("step ")) {
          steps.add(line.trim());
        }
      }
      List<String> expected = new ArrayList<>();
      for (String name : new String[] {"start", "getTransactionIsolation",
          "setTransactionIsolation", "setReadOnly", "isReadOnly", "getAutoCommit",
          "setAutoCommit+commit+rollback", "setSavepoint+releaseSavepoint",
          "getCatalog+setCatalog", "getSchema+setSchema", "isValid", "prepareStatement",
          "getMetaData", "connect"}) {
        expected.add("step " + name + " +0");
      }
      expected.add("step statement +" + M);
      assertThat(steps).as(why).containsExactlyElementsOf(expected);

      String[] labels = {"query_type", "SELECT", "table", "customers"};
      assertThat(s.value("db_queries_total", labels)).as(why).isEqualTo((double) M);
      assertThat(s.value("db_query_duration_seconds_count", labels)).as(why).isEqualTo((double) M);
      assertThat(s.keysStartingWith("db_queries_total{")).as("no other series: " + why)
          .hasSize(1);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
