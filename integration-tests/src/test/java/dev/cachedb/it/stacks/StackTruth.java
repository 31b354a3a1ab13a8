package dev.cachedb.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.PostgresServer;
import dev.cachedb.it.servers.RedisTestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sets the agent's counts beside the servers' own: Redis's {@code INFO commandstats} and
 * {@code keyspace_hits/misses}, PostgreSQL's {@code pg_stat_statements}, Hikari's MXBean. Each
 * check prints the figures it compared, so a CI log shows them.
 */
final class StackTruth {
  /**
   * Commands Redis counts that the application never sent: INFO from the agent's memory poller
   * and the test, CONFIG from the test's RESETSTAT.
   */
  private static final Set<String> NOT_THE_APPLICATIONS = Set.of("info", "config");

  /** Both apps' hibernate.jdbc.batch_size. */
  private static final int BATCH_SIZE = 20;

  /**
   * Sent by pgjdbc itself to implement Connection methods (BEGIN with the first statement of a
   * transaction, commit(), rollback(), getTransactionIsolation() through executeWithFlags): not
   * the application's statements, and not counted by the agent. One more is not in
   * pg_stat_statements at all, which records no empty statement: pgjdbc 42.3 (Spring Boot 2.7's)
   * implements isValid() with {@code prepareStatement("").executeUpdate()} (42.7 goes through
   * executeWithFlags), and Hikari calls isValid() on lending a connection idle for over 500 ms.
   * The agent must not count it either, so no shape covers it: counted, it shows as
   * {@code OTHER none}.
   */
  private static final Set<String> PGJDBC_OWN_STATEMENTS =
      Set.of("BEGIN", "BEGIN READ ONLY", "COMMIT", "ROLLBACK", "SHOW TRANSACTION ISOLATION LEVEL");

  private StackTruth() {}

  /**
   * Brings the app to rest (shared Redis connection open, pool full and idle), zeroes both
   * servers' statistics and returns the agent's scrape to subtract from the one after the work.
   */
  static Scrape reset(StackApp app, RedisTestServer redis, PostgresServer postgres)
      throws Exception {
    assertThat(app.get("/warm-up")).isEqualTo("PONG");
    app.awaitIdleFullPool();
    redis.resetStatistics();
    postgres.resetStatementStatistics();
    return app.scrape();
  }

  /** Every check, after the workload: Redis, then the pool, then the queries of {@code database}. */
  static void matchAll(
      String stack,
      StackApp app,
      RedisTestServer redis,
      PostgresServer postgres,
      String database,
      List<Shape> shapes,
      Set<String> redisCommands,
      Scrape before)
      throws Exception {
    Map<String, Long> statements = postgres.statementCalls(database);
    Scrape after = Scrape.until(app.metricsPort(), s -> s.has("db_query_errors_total"), 5000);
    redisMatches(stack, redis, redisCommands, before, after);
    poolMatchesBusyAndIdle(stack, app);
    // queries last, so a mismatch there does not hide the Redis and pool figures
    queriesMatch(stack, statements, shapes, before, after);
  }

  /** A statement shape as pg_stat_statements normalises it, and the labels the agent must give. */
  record Shape(String prefix, String type, String table, boolean batched) {
    static Shape of(String prefix, String type, String table) {
      return new Shape(prefix, type, table, false);
    }

    static Shape batched(String prefix, String type, String table) {
      return new Shape(prefix, type, table, true);
    }
  }

  /** Every Redis command of the workload, counted by the agent as by Redis; hits and misses too. */
  private static void redisMatches(
      String stack, RedisTestServer redis, Set<String> commands, Scrape before, Scrape after) {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : redis.info("commandstats").split("\r\n")) {
      if (line.startsWith("cmdstat_")) {
        String command = line.substring("cmdstat_".length(), line.indexOf(':'));
        long n = Long.parseLong(line.replaceAll(".*[:,]calls=(\\d+),.*", "$1"));
        if (!NOT_THE_APPLICATIONS.contains(command)) {
          calls.put(command, n);
        }
      }
    }
    Map<String, Long> counted = new TreeMap<>();
    long hits = 0;
    long misses = 0;
    for (Map.Entry<String, Long> e : delta(before, after, "cache_operations_total").entrySet()) {
      String operation = label(e.getKey(), "operation");
      String result = label(e.getKey(), "result");
      counted.merge(operation, e.getValue(), Long::sum);
      hits += result.equals("hit") ? e.getValue() : 0;
      misses += result.equals("miss") ? e.getValue() : 0;
    }
    counted.values().removeIf(n -> n == 0);
    long serverHits = Long.parseLong(redis.infoValue("stats", "keyspace_hits"));
    long serverMisses = Long.parseLong(redis.infoValue("stats", "keyspace_misses"));
    System.out.printf(
        "%s redis: commandstats %s, agent %s; keyspace hits/misses %d/%d, agent %d/%d%n",
        stack, calls, counted, serverHits, serverMisses, hits, misses);
    assertThat(calls.keySet()).as("the commands the workload sends").isEqualTo(commands);
    assertThat(counted).as("agent's cache_operations_total against INFO commandstats")
        .isEqualTo(calls);
    assertThat(new long[] {hits, misses}).as("agent's hits and misses against INFO stats")
        .containsExactly(serverHits, serverMisses);
  }

  /**
   * Every statement the application ran, counted by the agent under the labels of its shape.
   * pg_stat_statements counts each row of a JDBC batch; the agent counts one per executeBatch, so
   * a batched shape of one flush expects ceil(rows / batch size). Statements pgjdbc issues by
   * itself to implement Connection methods are not counted by the agent, by the project's rule:
   * they are named in {@link #PGJDBC_OWN_STATEMENTS} and must be the only ones no shape covers.
   */
  private static void queriesMatch(
      String stack, Map<String, Long> statements, List<Shape> shapes, Scrape before, Scrape after) {
    Map<String, Long> expected = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    Set<Shape> unused = new HashSet<>(shapes);
    for (Map.Entry<String, Long> e : statements.entrySet()) {
      String sql = e.getKey().trim();
      if (PGJDBC_OWN_STATEMENTS.contains(sql)) {
        continue;
      }
      Shape shape = shapes.stream().filter(s -> sql.startsWith(s.prefix())).findFirst().orElse(null);
      if (shape == null) {
        unknown.add(sql);
        continue;
      }
      unused.remove(shape);
      long n = shape.batched() ? (e.getValue() + BATCH_SIZE - 1) / BATCH_SIZE : e.getValue();
      expected.merge(shape.type() + " " + shape.table(), n, Long::sum);
    }
    Map<String, Long> counted = new TreeMap<>();
    for (Map.Entry<String, Long> e : delta(before, after, "db_queries_total").entrySet()) {
      if (e.getValue() != 0) {
        counted.put(label(e.getKey(), "query_type") + " " + label(e.getKey(), "table"), e.getValue());
      }
    }
    System.out.printf("%s postgres: pg_stat_statements %s%n", stack, statements);
    System.out.printf("%s postgres: expected %s, agent %s%n", stack, expected, counted);
    assertThat(unknown).as("statements no shape of the test covers").isEmpty();
    assertThat(unused).as("shapes the workload never ran").isEmpty();
    // The failing statement never finished, so PostgreSQL has no row for it.
    expected.put("SELECT missing_table", 1L);
    assertThat(counted).as("agent's db_queries_total against pg_stat_statements")
        .isEqualTo(expected);
    assertThat(delta(before, after, "db_query_errors_total"))
        .as("the one failing query")
        .containsExactly(Map.entry("{query_type=\"SELECT\",table=\"missing_table\"}", 1L));
  }

  /**
   * The pool gauges against Hikari at rest, with 3 of 10 connections out, with all out and one
   * borrower waiting, and at rest again.
   */
  private static void poolMatchesBusyAndIdle(String stack, StackApp app) throws Exception {
    poolMatches(stack + " at rest", app.awaitIdleFullPool(), app.scrape());
    assertThat(app.post("/hold?count=3")).isEqualTo("3");
    poolMatches(stack + " 3 held", app.pool(), app.scrape());
    assertThat(app.post("/hold?count=7")).isEqualTo("7");
    CompletableFuture<HttpResponse<String>> waiting = app.postAsync("/hold?count=1");
    Map<String, String> full = app.awaitPool(v -> v.get("waiting").equals("1"));
    poolMatches(stack + " 10 held, 1 waiting", full, app.scrape());
    assertThat(app.post("/release")).isEqualTo("10");
    assertThat(waiting.get(30, TimeUnit.SECONDS).body()).isEqualTo("1");
    assertThat(app.post("/release")).isEqualTo("1");
    poolMatches(stack + " released", app.awaitIdleFullPool(), app.scrape());
  }

  /** The agent's pool gauges equal what Hikari's own MXBean says. */
  private static void poolMatches(String stack, Map<String, String> hikari, Scrape s) {
    String pool = hikari.get("name");
    long[] agent = {
      gauge(s, "db_connection_pool_size", pool),
      gauge(s, "db_connection_pool_available", pool),
      gauge(s, "db_connection_pool_active", pool),
      gauge(s, "db_connection_pool_pending", pool),
      gauge(s, "db_connection_pool_max", pool)
    };
    long[] own = {
      Long.parseLong(hikari.get("total")),
      Long.parseLong(hikari.get("idle")),
      Long.parseLong(hikari.get("active")),
      Long.parseLong(hikari.get("waiting")),
      Long.parseLong(hikari.get("max"))
    };
    System.out.printf(
        "%s pool %s: HikariPoolMXBean total/idle/active/waiting/max %s, agent %s%n",
        stack, pool, java.util.Arrays.toString(own), java.util.Arrays.toString(agent));
    assertThat(agent).as("agent's pool gauges against HikariPoolMXBean").containsExactly(own);
  }

  private static long gauge(Scrape s, String name, String pool) {
    Double v = s.value(name, "pool", pool);
    assertThat(v).as(name + " of pool " + pool + "\n" + s.text()).isNotNull();
    return v.longValue();
  }

  /** after - before of every series of {@code metric}, keyed by its label text. */
  private static Map<String, Long> delta(Scrape before, Scrape after, String metric) {
    Map<String, Long> d = new TreeMap<>();
    for (String key : after.keysStartingWith(metric + "{")) {
      String labels = key.substring(metric.length());
      Double was = before.value(metric + labels);
      long n = (long) (after.value(metric + labels) - (was == null ? 0 : was));
      if (n != 0) {
        d.put(labels, n);
      }
    }
    return d;
  }

  private static String label(String labels, String name) {
    int at = labels.indexOf(name + "=\"");
    int from = at + name.length() + 2;
    return labels.substring(from, labels.indexOf('"', from));
  }
}
