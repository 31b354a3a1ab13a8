package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.DbFaultApp;
import dev.cachedb.it.apps.PoolExhaustApp;
import dev.cachedb.it.apps.RedisErrorApp;
import dev.cachedb.it.apps.RedisFaultApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.MariaDbServer;
import dev.cachedb.it.servers.RedisTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a workload: the agent's numbers match what the application saw, the
 * application's own retries and recovery are untouched, and the exceptions it gets carry nothing
 * of the agent.
 */
class FaultsIT {
  private static final Pattern TALLY = Pattern.compile("^TALLY (.+) (\\d+)$", Pattern.MULTILINE);

  private static RedisTestServer redis;
  private static MariaDbServer mariaDb;

  @BeforeAll
  static void startServers() throws Exception {
    redis = RedisTestServer.start();
    mariaDb = MariaDbServer.start();
  }

  @AfterAll
  static void stopServers() {
    redis.close();
    mariaDb.close();
  }

  @Test
  void redisStopAndRestart(@TempDir Path dir) throws Exception {
    Path stop = dir.resolve("stop");
    String server = "127.0.0.1:" + redis.port();
    try (AppProcess app =
        AppProcess.testMain(RedisFaultApp.class, "jedis-8.0.2", "lettuce-7.7.0.RELEASE")
            .agent("host=127.0.0.1,port=0,redis.memory.interval=200ms")
            .args(redis.host(), Integer.toString(redis.port()), stop.toString())
            .start()) {
      app.awaitStdout("RUNNING");
      int port = app.metricsPort();
      // the poller read the server holding the 8 MB value
      awaitMetric(port, "cache_memory_usage_bytes", v -> v > 8e6, "server", server);
      Thread.sleep(500); // the workload runs
      redis.stop();
      Thread.sleep(2500);
      double pollErrorsDown = Scrape.of("127.0.0.1", port)
          .value("cachedb_agent_redis_memory_poll_errors_total", "server", server);
      redis.restart();
      app.awaitStdout("RECOVERED jedis");
      app.awaitStdout("RECOVERED lettuce-sync");
      app.awaitStdout("RECOVERED lettuce-async");
      // the poller came back: it reads the restarted, empty server
      awaitMetric(port, "cache_memory_usage_bytes", v -> v < 4e6, "server", server);
      Thread.sleep(300); // a few more calls on the recovered server
      Files.createFile(stop);
      app.awaitStdout("DONE");

      Map<String, Integer> t = tallies(app.stdout());
      int successes = 0;
      int errors = 0;
      for (String client : new String[] {"jedis", "lettuce-sync", "lettuce-async"}) {
        assertThat(t.getOrDefault(client + " incr error", 0)).as(client + " saw failures")
            .isPositive();
        successes += t.getOrDefault(client + " incr success", 0);
        errors += t.getOrDefault(client + " incr error", 0);
      }
      Scrape s = Scrape.of("127.0.0.1", port);
      assertThat(s.value("cache_operations_total", "operation", "incr", "result", "error"))
          .as(app.dump()).isEqualTo((double) errors);
      assertThat(s.value("cache_operations_total", "operation", "incr", "result", "success"))
          .isEqualTo((double) successes);
      assertThat(s.value("cache_operations_total", "operation", "set", "result", "success"))
          .isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "flushall", "result", "success"))
          .isEqualTo(1.0);
      assertThat(s.value("cache_operation_duration_seconds_count", "operation", "incr"))
          .isEqualTo((double) (successes + errors));

      // back-off: polling every 200 ms, a 2.5 s outage would fail about 12 times without it;
      // with 1 s, 2 s, 4 s ... between attempts it fails 2 or 3 times (a slow restart: one more)
      double pollErrors = s.value("cachedb_agent_redis_memory_poll_errors_total", "server", server);
      assertThat(pollErrorsDown).isBetween(1.0, 3.0);
      assertThat(pollErrors).isBetween(pollErrorsDown, 5.0);
      Thread.sleep(1000);
      assertThat(Scrape.of("127.0.0.1", port)
              .value("cachedb_agent_redis_memory_poll_errors_total", "server", server))
          .as("no poll fails once the server is back").isEqualTo(pollErrors);

      assertThat(app.stdout()).contains("AGENT-FRAMES 0");
      assertLibraryExceptionsOnly(app.stdout(), "java.", "redis.clients.jedis.", "io.lettuce.core.");
      System.out.println("agent lines: " + agentLines(app.stderr()));
      System.out.println("FAULT redis: incr_errors=" + errors + " incr_successes=" + successes
          + " jedis_borrow_errors=" + t.getOrDefault("jedis borrow-error", 0)
          + " memory_poll_errors=" + pollErrors);
      System.out.println(exceptions(app.stdout()));
    }
  }

  @Test
  void redisErrorsAreTheLibrarysOwn() throws Exception {
    int dead;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      dead = free.getLocalPort();
    }
    String[] args = {redis.host(), Integer.toString(redis.port()), Integer.toString(dead)};
    String withAgent;
    try (AppProcess app = AppProcess.testMain(RedisErrorApp.class, "jedis-8.0.2",
            "lettuce-7.7.0.RELEASE").agent("host=127.0.0.1,port=0").args(args).start()) {
      app.awaitStdout("DONE");
      Scrape s = app.scrape();
      // the refused GET and the three failed INCRs, and nothing else failed
      assertThat(s.value("cache_operations_total", "operation", "get", "result", "error"))
          .as(app.dump()).isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "incr", "result", "error"))
          .isEqualTo(3.0);
      assertThat(s.value("cache_operations_total", "operation", "set", "result", "success"))
          .isEqualTo(1.0);
      assertThat(app.stdout()).contains("AGENT-FRAMES 0");
      withAgent = caught(app.stdout());
    }
    String without;
    try (AppProcess app = AppProcess.testMain(RedisErrorApp.class, "jedis-8.0.2",
            "lettuce-7.7.0.RELEASE").args(args).start()) {
      app.awaitStdout("DONE");
      without = caught(app.stdout());
    }
    assertThat(withAgent.lines().filter(l -> l.startsWith("EXC "))).hasSize(4);
    assertThat(withAgent).isEqualTo(without);
    System.out.println("FAULT redis-errors: identical with and without the agent\n" + withAgent);
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
  void poolExhausted() throws Exception {
    String pool = "tiny-pool";
    String withAgent;
    try (AppProcess app = AppProcess.testMain(PoolExhaustApp.class, "jdbc-hikaricp", "jdbc-h2")
        .agent("host=127.0.0.1,port=0").start()) {
      int port = app.metricsPort();
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

  /** The EXC and FRAMES lines. */
  static String caught(String stdout) {
    StringBuilder sb = new StringBuilder();
    stdout.lines().filter(l -> l.startsWith("EXC ") || l.startsWith("FRAMES "))
        .forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  /** Every exception class in every chain the app caught belongs to one of these packages. */
  static void assertLibraryExceptionsOnly(String stdout, String... packages) {
    Pattern cls = Pattern.compile("(?:^EXC \\S+ |<- )([\\w.$]+):", Pattern.MULTILINE);
    Matcher m = cls.matcher(stdout);
    while (m.find()) {
      String c = m.group(1);
      assertThat(java.util.Arrays.stream(packages).anyMatch(c::startsWith))
          .as("exception class " + c).isTrue();
    }
  }

  static java.util.List<String> agentLines(String stderr) {
    return stderr.lines().filter(l -> l.startsWith("[cachedb-agent]")).toList();
  }

  static String exceptions(String stdout) {
    StringBuilder sb = new StringBuilder();
    stdout.lines().filter(l -> l.startsWith("EXC ")).forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  static Map<String, Integer> tallies(String stdout) {
    Map<String, Integer> m = new TreeMap<>();
    Matcher matcher = TALLY.matcher(stdout);
    while (matcher.find()) {
      m.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
    return m;
  }

  static double awaitMetric(int port, String name, Predicate<Double> ok, String... labels)
      throws Exception {
    long end = System.currentTimeMillis() + 30_000;
    Double v = null;
    while (System.currentTimeMillis() < end) {
      v = Scrape.of("127.0.0.1", port).value(name, labels);
      if (v != null && ok.test(v)) {
        return v;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " never as expected; last " + v);
  }
}
