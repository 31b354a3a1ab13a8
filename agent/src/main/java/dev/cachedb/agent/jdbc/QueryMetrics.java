package dev.cachedb.agent.jdbc;

import dev.cachedb.agent.metrics.Histograms;
import dev.cachedb.agent.metrics.SecondsHistogram;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
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

  private final SecondsHistogram duration;
  private final Counter errors;
  private final Counter slow;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, QuerySeries>> byType =
      new ConcurrentHashMap<>();

  public QueryMetrics(PrometheusRegistry registry, Histograms histograms) {
    registry.register(new QueryCountCollector(this));
    duration =
        histograms.seconds(
            "db_query_duration_seconds",
            "Time of one statement execution, driver call to return",
            BUCKETS,
            LABELS);
    registry.register(duration);
    errors = counter(registry, "db_query_errors_total", "Statement executions that threw");
    slow =
        counter(
            registry,
            "db_slow_queries_total",
            "Statement executions at or above jdbc.slow_query_threshold");
  }

  /**
   * Without exemplars: there is no trace context to attach, and the sampler's periodic attempt
   * would cost the application's thread on the statement's path.
   */
  private static Counter counter(PrometheusRegistry registry, String name, String help) {
    return Counter.builder()
        .name(name)
        .help(help)
        .labelNames(LABELS)
        .withoutExemplars()
        .register(registry);
  }

  /** Every series made so far, for the scrape. */
  Iterable<QuerySeries> allSeries() {
    List<QuerySeries> all = new ArrayList<>();
    for (ConcurrentHashMap<String, QuerySeries> byTable : byType.values()) {
      all.addAll(byTable.values());
    }
    return all;
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
      s = new QuerySeries(queryType, table, duration, errors, slow);
      QuerySeries raced = byTable.putIfAbsent(table, s);
      s = raced != null ? raced : s;
    }
    return s;
  }
}
