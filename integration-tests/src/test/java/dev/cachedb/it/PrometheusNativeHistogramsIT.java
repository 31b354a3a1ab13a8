package dev.cachedb.it;

import static dev.cachedb.it.PrometheusEndToEndIT.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.PrometheusServer;
import dev.cachedb.it.harness.ScrapedTestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus with {@code --enable-feature=native-histograms} negotiates the protobuf format with
 * the agent ({@code histograms.native=true}) and stores the query and pool histograms as native
 * histograms; counters arrive exactly as in the text format.
 */
class PrometheusNativeHistogramsIT {

  @Test
  void nativeHistogramsScrapedOverProtobuf(@TempDir Path dir) throws Exception {
    int n = PrometheusEndToEndIT.ROUNDS;
    try (ScrapedTestApp run = ScrapedTestApp.start(n, true, dir)) {
      PrometheusServer p = run.prometheus;
      assertThat(printed(p, "up{job=\"cachedb-agent\"}")).isEqualTo(1);
      assertThat(printed(p, "cache_operations_total{operation=\"get\",result=\"hit\"}"))
          .isEqualTo(23 * n);
      assertThat(printed(p, "db_queries_total{query_type=\"SELECT\",table=\"testapp_trouble\"}"))
          .isEqualTo(n);
      // histogram_count() reads native histograms only: a number here means one was stored
      assertThat(printed(p,
              "histogram_count(db_query_duration_seconds{query_type=\"SELECT\",table=\"testapp_trouble\"})"))
          .isEqualTo(run.agent.value("db_query_duration_seconds_count",
              "query_type", "SELECT", "table", "testapp_trouble"));
      double slowP99 =
          printed(p, "histogram_quantile(0.99, rate(db_query_duration_seconds"
              + "{query_type=\"SELECT\",table=\"testapp_trouble\"}[1m]))");
      assertThat(slowP99).isGreaterThan(0.1).isLessThanOrEqualTo(10);
      assertThat(printed(p, "histogram_quantile(0.99, sum(rate(db_query_duration_seconds[1m])))"))
          .isFinite().isPositive();
      assertThat(printed(p,
              "histogram_quantile(0.99, sum(rate(db_connection_acquire_duration_seconds[1m])))"))
          .isFinite().isPositive();
    }
  }
}
