package dev.cachedb.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Scrape;
import java.util.Map;
import java.util.TreeMap;

/** TomcatIT's checks: the agent's figures against the servers' and the pools' own. */
final class AgentVersusTruth {
  /** Named after its JNDI resource: Tomcat registers its DBCP pools in JMX under that name. */
  static final String ORDERS_POOL = "jdbc/orders";

  private AgentVersusTruth() {}

  /**
   * The agent's counts over a window against the servers' own: per statement and table as the
   * workload made them, and in total as MariaDB counted them; per Redis command, hit and miss.
   * {@code poolStarts}: how many times jdbc/orders started in the window. Returns how many
   * statements the driver sent on its own in the window.
   */
  static long assertCounts(
      Scrape before, Scrape after, ServerCounts truthBefore, ServerCounts truth, int requests,
      int deletes, int poolStarts) {
    Map<String, Double> queries = MetricDeltas.delta(before, after, "db_queries_total");
    double n = requests;
    assertThat(queries)
        .as(after.text())
        .isEqualTo(
            Map.of(
                "INSERT orders", n, "SELECT orders", n, "UPDATE orders", n,
                "DELETE orders", (double) deletes, "SELECT catalog", n, "UPDATE catalog", n));

    // MariaDB's view, minus what the application did not issue. The agent does not count what a
    // driver sends on its own to implement a Connection method (docs/jdbc.md): here `SELECT
    // @@SESSION.transaction_isolation` (`@@tx_isolation` on older servers), MariaDB
    // Connector/J's answer to getTransactionIsolation on a connection not asked before (DBCP asks
    // on every borrow, as jdbc/orders sets the isolation level). This test's own reads of
    // performance_schema are SELECTs too. The digests tell both apart.
    // Other counters that move: Com_admin_commands is the COM_PING of Connection.isValid, DBCP's
    // validation on every borrow; Com_set_option is the driver's session set-up and isolation
    // level on each new connection; Com_show_status is this test reading.
    Map<String, Long> moved = truth.movedSince(truthBefore);
    Map<String, Long> notTheApplication = new TreeMap<>();
    truth.digestsSince(truthBefore).forEach(
        (digest, count) -> {
          if (digest.startsWith("SELECT @@") || digest.contains("performance_schema")) {
            notTheApplication.put(digest, count);
          }
        });
    System.out.printf(
        "TomcatIT truth: MariaDB moved %s, of which not the application's %s; agent queries %s;"
            + " Redis commandstats %s, keyspace_hits %d, keyspace_misses %d;"
            + " agent cache operations %s%n",
        moved, notTheApplication, queries, truth.commands, truth.keyspaceHits,
        truth.keyspaceMisses, MetricDeltas.delta(before, after, "cache_operations_total"));
    long driverSelects =
        notTheApplication.entrySet().stream()
            .filter(e -> e.getKey().startsWith("SELECT @@"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long otherSelects = notTheApplication.values().stream().mapToLong(Long::longValue).sum();
    assertThat(truth.statementsSince(truthBefore, "select") - otherSelects)
        .as("Com_select minus %s; all that moved: %s", notTheApplication, moved)
        .isEqualTo((long) MetricDeltas.sumByType(queries, "SELECT"));
    for (String kind : new String[] {"insert", "update", "delete"}) {
      assertThat(truth.statementsSince(truthBefore, kind))
          .as("Com_%s; all that moved: %s", kind, moved)
          .isEqualTo((long) MetricDeltas.sumByType(queries, kind.toUpperCase()));
    }
    // DBCP also validates the first connection it makes when the pool starts.
    assertThat(truth.statementsSince(truthBefore, "admin_commands"))
        .as("one validation ping per borrow from jdbc/orders, and one per pool start")
        .isEqualTo(requests + poolStarts);

    Map<String, Double> ops = MetricDeltas.delta(before, after, "cache_operations_total");
    assertThat(ops)
        .as(after.text())
        .isEqualTo(
            Map.of(
                "set success", n, "get hit", n, "get miss", n, "mget hit", n, "mget miss", n,
                "del success", n));

    // Commands, not outcomes: an MGET of two keys is one command with a hit and a miss. Redis
    // also counts what the application did not issue: CLIENT (Jedis's set-up of each new
    // connection), INFO (the agent's memory poll, this test) and CONFIG (this test's reset).
    Map<String, Double> perCommand =
        MetricDeltas.delta(before, after, "cache_operation_duration_seconds_count");
    assertThat(perCommand.keySet()).containsExactlyInAnyOrder("set", "get", "mget", "del");
    perCommand.forEach(
        (command, calls) ->
            assertThat(truth.commands.get(command))
                .as("cmdstat_%s; all: %s", command, truth.commands)
                .isEqualTo(calls.longValue()));
    assertThat(truth.keyspaceHits).isEqualTo((long) MetricDeltas.sumByResult(ops, "hit"));
    assertThat(truth.keyspaceMisses).isEqualTo((long) MetricDeltas.sumByResult(ops, "miss"));

    return driverSelects;
  }

  /** Every gauge of {@code pool} equals the pool's own figure; acquires equal the borrows. */
  static void assertPool(Scrape s, String pool, Map<String, String> own) {
    assertPool(s, pool, own, Long.parseLong(own.get("borrows")));
  }

  static void assertPool(Scrape s, String pool, Map<String, String> own, long acquires) {
    assertThat(own).as("the pool's own figures").isNotNull();
    for (String gauge : new String[] {"size", "available", "active", "max", "pending"}) {
      // DBCP does not publish its waiters; at rest there are none
      double expected = Double.parseDouble(own.getOrDefault(gauge, "0"));
      assertThat(s.value("db_connection_pool_" + gauge, "pool", pool))
          .as("db_connection_pool_%s{pool=%s}; the pool says %s%n%s", gauge, pool, own, s.text())
          .isEqualTo(expected);
    }
    assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", pool))
        .as("acquires of %s", pool)
        .isEqualTo((double) acquires);
    System.out.printf(
        "TomcatIT pool %s: %s; agent acquire count %.0f%n",
        pool, own, s.value("db_connection_acquire_duration_seconds_count", "pool", pool));
  }
}
