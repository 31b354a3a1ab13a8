package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Dashboard;
import dev.cachedb.it.harness.PrometheusServer;
import dev.cachedb.it.harness.PrometheusServer.Sample;
import dev.cachedb.it.harness.PrometheusServer.Series;
import dev.cachedb.it.harness.ScrapedTestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes test-app running with the agent, in the text format: its HTTP API
 * returns exactly the numbers the agent served and the workload caused, and every expression of
 * the shipped Grafana dashboard runs on it and shows data. The native-histogram run is {@link
 * PrometheusNativeHistogramsIT}.
 */
class PrometheusEndToEndIT {
  static final int ROUNDS = 10;
  /** Every series of these in the agent's scrape must be in Prometheus with the same value. */
  private static final String[] COMPARED = {
    "cache_operations_total", "cache_hit_rate", "db_connection_pool_size",
    "db_connection_pool_available", "db_connection_pool_active", "db_connection_pool_max",
    "db_connection_pool_pending", "db_connection_acquire_errors_total", "db_queries_total",
    "db_query_errors_total", "db_slow_queries_total", "db_query_duration_seconds_count",
    "cache_key_prefix_reads_total",
    "cache_gets_total", "cache_puts_total",
  };

  @TempDir static Path dir;
  private static ScrapedTestApp run;

  @BeforeAll
  static void start() throws Exception {
    run = ScrapedTestApp.start(ROUNDS, false, dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void everySeriesInPrometheusEqualsTheAgentsOwnScrape() throws Exception {
    int compared = 0;
    for (String name : COMPARED) {
      List<String> keys = run.agent.keysStartingWith(name);
      assertThat(keys).as(name).isNotEmpty();
      for (String key : keys) {
        if (!key.startsWith(name + "{") && !key.equals(name)) {
          continue; // db_queries_total must not pick up db_queries_totalx
        }
        double inPrometheus = run.prometheus.scalar(key);
        assertThat(inPrometheus).as(key).isEqualTo(run.agent.value(key));
        compared++;
      }
    }
    System.out.println("PROMQL " + compared + " series compared with the agent's /metrics: all equal");
  }

  @Test
  void prometheusHasWhatTheWorkloadDid() throws Exception {
    int n = ROUNDS;
    // Jedis per round: get hit 2, miss 1; mget hit 2, miss 1; set 2; del 1.
    // Lettuce per round: get hit 21, miss 9; mget hit 6, miss 3; set 3; its setUp: set 7, del 3.
    assertPromql("cache_operations_total{operation=\"get\",result=\"hit\"}", 23 * n);
    assertPromql("cache_operations_total{operation=\"get\",result=\"miss\"}", 10 * n);
    assertPromql("cache_operations_total{operation=\"mget\",result=\"hit\"}", 8 * n);
    assertPromql("cache_operations_total{operation=\"mget\",result=\"miss\"}", 4 * n);
    assertPromql("cache_operations_total{operation=\"set\",result=\"success\"}", 5 * n + 7);
    assertPromql("cache_operations_total{operation=\"del\",result=\"success\"}", n + 3);
    assertPromql("sum(cache_operations_total{result=\"error\"})", 0);
    assertPromql("cache_hit_rate", 100.0 * 31 / 45);
    // Every key of test-app starts with testapp:, so its prefix has every read.
    assertPromql("cache_key_prefix_reads_total{prefix=\"testapp\",result=\"hit\"}", 31 * n);
    assertPromql("cache_key_prefix_reads_total{prefix=\"testapp\",result=\"miss\"}", 14 * n);
    for (String table : new String[] {"customers", "orders"}) {
      // per round: INSERT and a batch INSERT, SELECT, UPDATE, DELETE; setUp adds one DELETE
      String t = ",table=\"" + table + "\"}";
      assertPromql("db_queries_total{query_type=\"INSERT\"" + t, 2 * n);
      assertPromql("db_queries_total{query_type=\"SELECT\"" + t, n);
      assertPromql("db_queries_total{query_type=\"UPDATE\"" + t, n);
      assertPromql("db_queries_total{query_type=\"DELETE\"" + t, n + 1);
    }
    assertPromql("db_query_errors_total{query_type=\"INSERT\",table=\"testapp_trouble\"}", n);
    assertPromql("db_slow_queries_total{query_type=\"SELECT\",table=\"testapp_trouble\"}", n);
    assertPromql("db_connection_pool_size{pool=\"test-app-queries\"}", 2);
    assertPromql("db_connection_pool_max{pool=\"test-app-queries\"}", 2);
    assertPromql("db_connection_pool_size{pool=\"testapp-exhausted\"}", 1);
    assertPromql("db_connection_pool_active{pool=\"testapp-exhausted\"}", 1);
    assertPromql("db_connection_acquire_errors_total{pool=\"testapp-exhausted\"}", n);
    // The two JDBC pools above and test-app's JedisPool, named after its Redis server.
    assertPromql("cachedb_agent_pools_tracked", 3);
    assertPromql("count(db_connection_pool_max{pool=~\"jedis-127\\\\.0\\\\.0\\\\.1:[0-9]+\"})", 1);
    // --app-cache per round, JCache cache "customers" on Ehcache: get hit 1, miss 1; put 1.
    String customers = "cache=\"customers\",provider=\"ehcache\"";
    assertPromql("cache_gets_total{" + customers + ",result=\"hit\"}", n);
    assertPromql("cache_gets_total{" + customers + ",result=\"miss\"}", n);
    assertPromql("cache_puts_total{" + customers + "}", n);

    double p99 =
        printed("histogram_quantile(0.99, sum by (le) (rate(db_query_duration_seconds_bucket[1m])))");
    assertThat(p99).isFinite().isPositive();
    // the 150 ms statement: its p99 lies in a bucket above 100 ms
    double slowP99 =
        printed("histogram_quantile(0.99, sum by (le) (rate(db_query_duration_seconds_bucket"
            + "{query_type=\"SELECT\",table=\"testapp_trouble\"}[1m])))");
    assertThat(slowP99).isGreaterThan(0.1).isLessThanOrEqualTo(10);
    double redisP99 =
        printed("histogram_quantile(0.99, sum by (le) (rate(cache_operation_duration_seconds_bucket"
            + "{operation=\"get\"}[1m])))");
    assertThat(redisP99).isFinite().isPositive();
    assertThat(printed("cache_memory_usage_bytes{server=~\"127.0.0.1:.*\"}")).isPositive();
    // The server's own view: test-app's embedded Redis runs with maxmemory 64mb.
    assertPromql("cache_memory_max_bytes{server=~\"127.0.0.1:.*\"}", 64 * 1024 * 1024);
    // Only the workload's reads look keys up, so the server counts what the agent counted; the
    // value lands with the first poll after the workload, up to the 1 s interval later.
    awaitPromql("cache_server_keyspace_hits_total{server=~\"127.0.0.1:.*\"}", 31 * n);
    awaitPromql("cache_server_keyspace_misses_total{server=~\"127.0.0.1:.*\"}", 14 * n);
  }

  @Test
  void everyDashboardExpressionReturnsData() throws Exception {
    Dashboard dashboard = Dashboard.shipped();
    long start = run.startedAt;
    long end = System.currentTimeMillis() / 1000 + 1;
    Map<String, String> values = new HashMap<>();
    // What Grafana sends for a 1 s step over a 1 s scrape interval: $__rate_interval is
    // max($__interval + scrape interval, 4 x scrape interval).
    values.put("__interval", "1s");
    values.put("__rate_interval", "4s");
    values.put("__range", (end - start) + "s");
    for (Dashboard.Variable v : dashboard.variables()) {
      String match = v.selector == null ? "{__name__=~\".+\"}" : Dashboard.substitute(v.selector, values);
      List<String> found = run.prometheus.labelValues(v.label, match, start, end);
      System.out.println("dashboard variable $" + v.name + " = " + found);
      assertThat(found).as("variable " + v.name + ": " + match).isNotEmpty();
      values.put(v.name, Dashboard.regexOf(found));
    }
    List<String> empty = new ArrayList<>();
    for (Dashboard.Query q : dashboard.queries()) {
      String promql = Dashboard.substitute(q.expr, values);
      assertThat(promql).as(q.expr).doesNotContain("$");
      List<Series> series = run.prometheus.queryRange(promql, start, end, 1);
      long withData = series.stream().filter(Series::hasNumber).count();
      System.out.println("dashboard panel '" + q.panel + "': " + withData + " of " + series.size()
          + " series with data <- " + promql);
      if (withData == 0) {
        empty.add(q.panel + ": " + promql + " -> " + series);
      }
    }
    int n = dashboard.queries().size();
    System.out.println("dashboard: " + n + " expressions run, " + (n - empty.size()) + " returned data");
    assertThat(n).isEqualTo(22);
    assertThat(empty).as("expressions without data").isEmpty();
  }

  private static void awaitPromql(String promql, double expected) throws Exception {
    long end = System.currentTimeMillis() + 15_000;
    while (run.prometheus.query(promql).stream().noneMatch(v -> v.value == expected)
        && System.currentTimeMillis() < end) {
      Thread.sleep(200);
    }
    assertPromql(promql, expected);
  }

  private static void assertPromql(String promql, double expected) throws Exception {
    assertThat(printed(promql)).as(promql).isEqualTo(expected);
  }

  static double printed(String promql) throws Exception {
    return printed(run.prometheus, promql);
  }

  /** Runs an instant query that must give one series, and prints it for the record. */
  static double printed(PrometheusServer prometheus, String promql) throws Exception {
    List<Sample> result = prometheus.query(promql);
    assertThat(result).as(promql).hasSize(1);
    double v = result.get(0).value;
    String shown = v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    System.out.println("PROMQL " + promql + " = " + shown);
    return v;
  }
}
