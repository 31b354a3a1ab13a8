package dev.cachedb.agent.jdbc;

import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query metrics of the contract, and a cache of resolved data points per (query type, table).
 *
 * <pre>
 * # TYPE db_queries_total counter
 * db_queries_total{query_type="SELECT",table="customers"} 40.0
 * # TYPE db_query_duration_seconds histogram
 * db_query_duration_seconds_bucket{query_type="SELECT",table="customers",le="1.0E-4"} 12
 * ...
 * # TYPE db_query_errors_total counter
 * db_query_errors_total{query_type="SELECT",table="customers"} 0.0
 * # TYPE db_slow_queries_total counter
 * db_slow_queries_total{query_type="SELECT",table="customers"} 1.0
 * </pre>
 *
 * Both labels are bounded before they get here: query types are a fixed set, tables are capped by
 * {@code TableCap}. So the two-level map holds at most types x (cap + 2) series.
 */
public final class QueryMetrics {
  /** 100 us (an in-memory point select) to 10 s (a report gone wrong). */
  static final double[] BUCKETS = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };
  private static final String[] LABELS = {"query_type", "table"};

  private final Counter queries;
  private final Histogram duration;
  private final Counter errors;
  private final Counter slow;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, QuerySeries>> byType =
      new ConcurrentHashMap<>();

  public QueryMetrics(PrometheusRegistry registry) {
    queries =
        Counter.builder()
            .name("db_queries_total")
            .help("Statement executions, by statement type and main table")
            .labelNames(LABELS)
            .register(registry);
    duration =
        // Histograms decides classic only (default) or classic plus native (histograms.native).
        Histograms.seconds(
                "db_query_duration_seconds",
                "Time of one statement execution, driver call to return",
                BUCKETS)
            .labelNames(LABELS)
            .register(registry);
    errors =
        Counter.builder()
            .name("db_query_errors_total")
            .help("Statement executions that threw")
            .labelNames(LABELS)
            .register(registry);
    slow =
        Counter.builder()
            .name("db_slow_queries_total")
            .help("Statement executions at or above jdbc.slow_query_threshold")
            .labelNames(LABELS)
            .register(registry);
  }

  /** The data points of one (type, table); after the first call, two lookups, no allocation. */
  public QuerySeries series(String queryType, String table) {
    ConcurrentHashMap<String, QuerySeries> byTable = byType.get(queryType);
    if (byTable == null) {
      byTable = new ConcurrentHashMap<>();
      ConcurrentHashMap<String, QuerySeries> raced = byType.putIfAbsent(queryType, byTable);
      byTable = raced != null ? raced : byTable;
    }
    QuerySeries s = byTable.get(table);
    if (s == null) {
      s = new QuerySeries(queryType, table, queries, duration, errors, slow);
      QuerySeries raced = byTable.putIfAbsent(table, s);
      s = raced != null ? raced : s;
    }
    return s;
  }
}
