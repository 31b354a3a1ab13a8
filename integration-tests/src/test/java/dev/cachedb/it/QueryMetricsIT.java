package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.QueryWorkloadApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.harness.SetUpConnection;
import dev.cachedb.it.servers.MariaDbServer;
import dev.cachedb.it.servers.PostgresServer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Query metrics against real databases through four drivers, each directly (DriverManager) and
 * through a HikariCP pool: one child JVM per scenario does {@link QueryWorkloadApp}'s known
 * workload, and one scrape must show exactly its counts.
 */
class QueryMetricsIT {
  private static final int ROUNDS = 5;
  private static final String AGENT = "port=0,host=127.0.0.1,jdbc.slow_query_threshold=1s";

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
    mariaDbScenario("jdbc-mariadb", "q_mariadb_direct", false);
  }

  @Test
  void mariaDbConnectorThroughHikari() throws Exception {
    mariaDbScenario("jdbc-mariadb", "q_mariadb_pool", true);
  }

  @Test
  void mysqlConnectorDirect() throws Exception {
    mariaDbScenario("jdbc-mysql", "q_mysql_direct", false);
  }

  @Test
  void mysqlConnectorThroughHikari() throws Exception {
    mariaDbScenario("jdbc-mysql", "q_mysql_pool", true);
  }

  @Test
  void postgresDirect() throws Exception {
    postgresScenario(postgres.jdbcUrl("q_pg_direct"), false);
  }

  @Test
  void postgresThroughHikari() throws Exception {
    postgresScenario(postgres.jdbcUrl("q_pg_pool"), true);
  }

  @Test
  void h2Direct() throws Exception {
    h2Scenario("q_h2_direct", false);
  }

  @Test
  void h2ThroughHikari() throws Exception {
    h2Scenario("q_h2_pool", true);
  }

  private void mariaDbScenario(String driver, String database, boolean pool) throws Exception {
    createSchema(mariaDb.jdbcUrl(database), mariaDb.user(), mariaDb.password(), // this JVM: MariaDB's
        "CREATE PROCEDURE touch_customers(IN ms INT) BEGIN SELECT ms; END");
    String url =
        driver.equals("jdbc-mysql") ? mariaDb.mysqlJdbcUrl(database) : mariaDb.jdbcUrl(database);
    scenario(driver, url, mariaDb.user(), mariaDb.password(), pool,
        "SELECT SLEEP(1.2) FROM customers WHERE id = 100",
        "SELECT SLEEP(?) FROM customers WHERE id = ?");
  }

  private void postgresScenario(String url, boolean pool) throws Exception {
    createSchema(url, postgres.user(), postgres.password(),
        "CREATE PROCEDURE touch_customers(ms INT) LANGUAGE SQL AS $$ SELECT ms $$");
    scenario("jdbc-postgresql", url, postgres.user(), postgres.password(), pool,
        "SELECT pg_sleep(1.2) FROM customers WHERE id = 100",
        "SELECT pg_sleep(?) FROM customers WHERE id = ?");
  }

  private void h2Scenario(String name, boolean pool) throws Exception {
    Path file = Paths.get("target", "h2-it", name + "-" + System.nanoTime()).toAbsolutePath();
    String url = "jdbc:h2:file:" + file;
    String sleep = "'" + QueryWorkloadApp.class.getName() + ".sleepMs'";
    createSchema(url, "sa", "", "CREATE ALIAS SLEEP_MS FOR " + sleep,
        "CREATE ALIAS TOUCH_CUSTOMERS FOR " + sleep);
    scenario("jdbc-h2", url, "sa", "", pool,
        "SELECT SLEEP_MS(1200) FROM customers WHERE id = 100",
        "SELECT SLEEP_MS(?) FROM customers WHERE id = ?");
  }

  /** Runs in this JVM, without the agent, so only the workload's statements are counted. */
  static void createSchema(String url, String user, String password, String... extra)
      throws Exception {
    SetUpConnection.run(url, user, password, c -> createTables(c, extra));
  }

  private static void createTables(Connection c, String... extra) throws Exception {
    try (Statement s = c.createStatement()) {
      for (String t : new String[] {"customers", "orders", "audit_log"}) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(64))");
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, note VARCHAR(64))");
      s.execute("CREATE TABLE audit_log (id INT PRIMARY KEY, note VARCHAR(64))");
      s.execute("INSERT INTO customers (id, name) VALUES (1, 'seed')");
      for (String sql : extra) {
        s.execute(sql);
      }
    }
  }

  private void scenario(
      String driver, String url, String user, String password, boolean pool, String slowSql,
      String maskedSlowSql) throws Exception {
    try (AppProcess app =
        AppProcess.testMain(QueryWorkloadApp.class, driver, "jdbc-hikaricp")
            .agent(AGENT)
            .args("run", url, user, password, pool ? "pool" : "direct", Integer.toString(ROUNDS),
                slowSql)
            .start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      String why = driver + (pool ? " via HikariCP" : " direct") + "\n" + app.dump()
          + String.join("\n", s.keysStartingWith("db_queries_total"));

      Map<String, Double> expected = new LinkedHashMap<>();
      expected.put("INSERT customers", (double) ROUNDS);
      expected.put("SELECT customers", ROUNDS + 1.0); // + the slow one
      expected.put("UPDATE customers", (double) ROUNDS);
      expected.put("SELECT orders", (double) ROUNDS);
      expected.put("INSERT orders", 1.0); // one executeBatch of 3 rows
      expected.put("INSERT audit_log", 1.0); // one executeBatch of 2 addBatch(sql)
      expected.put("DELETE orders", 1.0);
      expected.put("UPDATE orders", 1.0); // executeLargeUpdate(sql)
      expected.put("UPDATE audit_log", 1.0); // execute(sql)
      expected.put("DELETE customers", 1.0);
      expected.put("CALL touch_customers", 1.0); // prepareCall + execute()
      expected.put("SELECT missing_table", 1.0);
      // Nothing else: what drivers send by themselves is not counted (DriverOwnStatementsIT),
      // such as MariaDB Connector/J's "SELECT @@tx_isolation" when HikariCP asks a new pool for
      // its isolation, or MySQL Connector/J's "SHOW CREATE PROCEDURE" inside prepareCall.
      double total = 0;
      for (Map.Entry<String, Double> e : expected.entrySet()) {
        String[] typeTable = e.getKey().split(" ");
        String[] labels = {"query_type", typeTable[0], "table", typeTable[1]};
        assertThat(s.value("db_queries_total", labels)).as(e.getKey() + " " + why)
            .isEqualTo(e.getValue());
        assertThat(s.value("db_query_duration_seconds_count", labels)).as(why)
            .isEqualTo(e.getValue());
        assertThat(s.value("db_query_errors_total", labels)).as(e.getKey() + " " + why)
            .isEqualTo(typeTable[1].equals("missing_table") ? 1.0 : 0.0);
        assertThat(s.value("db_slow_queries_total", labels)).as(e.getKey() + " " + why)
            .isEqualTo(e.getKey().equals("SELECT customers") ? 1.0 : 0.0);
        total += e.getValue();
      }
      assertThat(sum(s, "db_queries_total{")).as("no other statement counted: " + why)
          .isEqualTo(total);
      assertThat(s.value("db_query_duration_seconds_bucket",
              "query_type", "SELECT", "table", "customers", "le", "1.0"))
          .as(why).isEqualTo((double) ROUNDS);

      // stderr is drained by its own thread: "done" on stdout does not mean stderr is read yet.
      app.awaitStderr("slow query:");
      String log = app.stderr();
      assertThat(log.lines().filter(l -> l.contains("slow query:")))
          .as(why)
          .singleElement()
          .asString()
          .contains("WARN slow query: ")
          .endsWith(" ms, SELECT customers: " + maskedSlowSql);
      assertThat(s.text()).doesNotContain("secret").doesNotContain("SLEEP").doesNotContain("sleep");
      assertThat(log).doesNotContain("secret");
    }
  }

  private static double sum(Scrape s, String prefix) {
    double total = 0;
    for (String key : s.keysStartingWith(prefix)) {
      total += s.value(key.substring(0, key.indexOf('{')), labelsOf(key));
    }
    return total;
  }

  /** {@code name{a="x",b="y"}} back to {"a","x","b","y"}; values here hold no commas or quotes. */
  private static String[] labelsOf(String key) {
    String inner = key.substring(key.indexOf('{') + 1, key.length() - 1);
    String[] parts = inner.split(",");
    String[] pairs = new String[parts.length * 2];
    for (int i = 0; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      pairs[2 * i] = parts[i].substring(0, eq);
      pairs[2 * i + 1] = parts[i].substring(eq + 2, parts[i].length() - 1);
    }
    return pairs;
  }
}
