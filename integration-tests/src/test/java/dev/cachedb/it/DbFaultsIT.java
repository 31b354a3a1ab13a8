package dev.cachedb.it;

import static dev.cachedb.it.FaultChecks.assertLibraryExceptionsOnly;
import static dev.cachedb.it.FaultChecks.caught;
import static dev.cachedb.it.FaultChecks.exceptions;
import static dev.cachedb.it.FaultChecks.tallies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.DbFaultApp;
import dev.cachedb.it.apps.PoolExhaustApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.MariaDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database faults in the middle of a workload: query and acquire errors counted exactly as the
 * application saw them, the pool's gauges right again after recovery, pending and timeouts of an
 * exhausted pool, and the application's exceptions untouched.
 */
class DbFaultsIT {
  private static MariaDbServer mariaDb;

  @BeforeAll
  static void startMariaDb() throws Exception {
    mariaDb = MariaDbServer.start();
  }

  @AfterAll
  static void stopMariaDb() {
    mariaDb.close();
  }

  @Test
  void databaseStopAndRestart(@TempDir Path dir) throws Exception {
    String url = mariaDb.jdbcUrl("faults");
    try (Connection c = DriverManager.getConnection(url, mariaDb.user(), mariaDb.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE stock (id INT PRIMARY KEY, qty INT)");
      st.execute("INSERT INTO stock VALUES (1,0),(2,0),(3,0),(4,0),(5,0),(6,0),(7,0),(8,0),(9,0),(10,0)");
      st.execute("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, item INT)");
    }
    Path stop = dir.resolve("stop");
    try (AppProcess app =
        AppProcess.testMain(DbFaultApp.class, "jdbc-hikaricp", "jdbc-mariadb")
            .agent("host=127.0.0.1,port=0")
            // Hikari refills an emptied pool from its housekeeper, every 30 s by default
            .jvmOption("-Dcom.zaxxer.hikari.housekeeping.periodMs=500")
            .args(url, mariaDb.user(), mariaDb.password(), stop.toString())
            .start()) {
      app.awaitStdout("RUNNING");
      int port = app.metricsPort();
      Thread.sleep(700); // the workload runs
      long t0 = System.nanoTime();
      mariaDb.stopServer();
      long t1 = System.nanoTime();
      Thread.sleep(2000);
      mariaDb.startAgain();
      long t2 = System.nanoTime();
      app.awaitStdout("RECOVERED w0");
      app.awaitStdout("RECOVERED w1");
      long t3 = System.nanoTime();
      Thread.sleep(300);
      Files.createFile(stop);
      app.awaitStdout("DONE");
      System.out.printf("TIMING stop=%dms start=%dms recover=%dms settle=%dms%n",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000 - 2000, (t3 - t2) / 1_000_000,
          (System.nanoTime() - t3) / 1_000_000 - 300);

      Map<String, Integer> t = tallies(app.stdout());
      Scrape s = Scrape.of("127.0.0.1", port);
      String pool = "fault-pool";
      assertThat(t.getOrDefault("borrow error", 0)).as(app.dump()).isPositive();
      assertThat(s.value("db_connection_acquire_errors_total", "pool", pool))
          .as(app.dump()).isEqualTo((double) t.getOrDefault("borrow error", 0));
      assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", pool))
          .isEqualTo((double) t.get("borrow success"));
      int queryErrors = 0;
      int queries = 0;
      for (String[] q : new String[][] {{"SELECT", "stock"}, {"UPDATE", "stock"}, {"INSERT", "orders"}}) {
        int ok = t.getOrDefault(q[0] + " " + q[1] + " success", 0);
        int failed = t.getOrDefault(q[0] + " " + q[1] + " error", 0);
        queryErrors += failed;
        queries += ok + failed;
        assertThat(s.value("db_queries_total", "query_type", q[0], "table", q[1]))
            .as(q[0] + " " + q[1]).isEqualTo((double) (ok + failed));
        assertThat(s.value("db_query_errors_total", "query_type", q[0], "table", q[1]))
            .as(q[0] + " " + q[1] + " errors").isEqualTo((double) failed);
      }
      // a connection handed out right after the kill fails in execute: Hikari skips the
      // liveness test for a connection used in the last 500 ms, and the workers borrow every 5 ms
      assertThat(queryErrors).isPositive();
      // the pool is whole again, and the gauges say what Hikari itself says
      Matcher pm = Pattern.compile("^POOL (\\d+) (\\d+) (\\d+) (\\d+)$", Pattern.MULTILINE)
          .matcher(app.stdout());
      assertThat(pm.find()).isTrue();
      assertThat(pm.group(0)).isEqualTo("POOL 3 3 0 0");
      assertThat(s.value("db_connection_pool_size", "pool", pool)).isEqualTo(3.0);
      assertThat(s.value("db_connection_pool_available", "pool", pool)).isEqualTo(3.0);
      assertThat(s.value("db_connection_pool_active", "pool", pool)).isEqualTo(0.0);
      assertThat(s.value("db_connection_pool_pending", "pool", pool)).isEqualTo(0.0);
      assertThat(s.value("db_connection_pool_max", "pool", pool)).isEqualTo(3.0);

      assertThat(app.stdout()).contains("AGENT-FRAMES 0");
      assertLibraryExceptionsOnly(app.stdout(), "java.", "com.zaxxer.hikari.", "org.mariadb.jdbc.");
      System.out.println("FAULT db: borrows=" + t.get("borrow success") + " acquire_errors="
          + t.getOrDefault("borrow error", 0) + " queries=" + queries + " query_errors="
          + queryErrors + " prepare_errors=" + t.getOrDefault("prepare-error", 0));
      System.out.println(exceptions(app.stdout()));
    }
  }

  @Test
  void poolExhausted(@TempDir Path dir) throws Exception {
    String pool = "tiny-pool";
    String withAgent;
    Path go = dir.resolve("go");
    try (AppProcess app = AppProcess.testMain(PoolExhaustApp.class, "jdbc-hikaricp", "jdbc-h2")
        .agent("host=127.0.0.1,port=0").args(go.toString()).start()) {
      int port = app.metricsPort();
      app.awaitStdout("READY");
      Scrape.of("127.0.0.1", port); // warm: the first scrape builds the JVM metrics
      Files.createFile(go);
      app.awaitStdout("WAITING");
      Scrape s = Scrape.of("127.0.0.1", port);
      assertThat(s.value("db_connection_pool_pending", "pool", pool)).as(s.text()).isEqualTo(1.0);
      assertThat(s.value("db_connection_pool_active", "pool", pool)).isEqualTo(2.0);
      assertThat(s.value("db_connection_pool_available", "pool", pool)).isEqualTo(0.0);
      assertThat(s.value("db_connection_pool_size", "pool", pool)).isEqualTo(2.0);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", pool)).isEqualTo(0.0);
      app.awaitStdout("TIMED-OUT");
      s = Scrape.of("127.0.0.1", port);
      assertThat(s.value("db_connection_pool_pending", "pool", pool)).isEqualTo(0.0);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", pool)).isEqualTo(1.0);
      app.awaitStdout("RELEASED");
      s = Scrape.of("127.0.0.1", port);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", pool)).isEqualTo(1.0);
      assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", pool))
          .isEqualTo(2.0);
      assertThat(s.value("db_connection_pool_active", "pool", pool)).isEqualTo(0.0);
      assertThat(s.value("db_connection_pool_available", "pool", pool)).isEqualTo(2.0);
      assertThat(app.stdout()).contains("AGENT-FRAMES 0");
      withAgent = caught(app.stdout());
    }
    String without;
    try (AppProcess app =
        AppProcess.testMain(PoolExhaustApp.class, "jdbc-hikaricp", "jdbc-h2").start()) {
      app.awaitStdout("RELEASED");
      without = caught(app.stdout());
    }
    // the same exception, message and frames (class, method, line) as without the agent
    assertThat(withAgent).contains("EXC timeout java.sql.SQLTransientConnectionException")
        .contains("FRAMES timeout ");
    assertThat(withAgent).isEqualTo(without);
    System.out.println("FAULT pool-exhausted: pending=1 acquire_errors=1\n" + withAgent);
  }
}
