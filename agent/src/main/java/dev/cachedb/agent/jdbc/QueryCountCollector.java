package dev.cachedb.agent.jdbc;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * {@code db_queries_total}, read at scrape time from the count of each series' duration
 * histogram. Every execution is observed there, so the two are equal by construction, and an
 * execution costs one update instead of two.
 */
final class QueryCountCollector implements Collector {
  private final QueryMetrics metrics;

  QueryCountCollector(QueryMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public MetricSnapshot collect() {
    CounterSnapshot.Builder b =
        CounterSnapshot.builder()
            .name("db_queries")
            .help("Statement executions, by statement type and main table");
    for (QuerySeries s : metrics.allSeries()) {
      b.dataPoint(
          CounterDataPointSnapshot.builder()
              .labels(Labels.of("query_type", s.queryType, "table", s.table))
              .value(s.queries())
              .build());
    }
    return b.build();
  }

  @Override
  public String getPrometheusName() {
    return "db_queries";
  }
}
