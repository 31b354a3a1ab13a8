package dev.cachedb.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CacheMetricsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final CacheMetrics metrics = new CacheMetrics(registry, Histograms.CLASSIC);
  private final CacheRecorder recorder = new CacheRecorder(metrics, (h, p, u, pw) -> {});

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void hitRateIsNaNBeforeTheFirstRead() throws IOException {
    recorder.success("SET", 1000);
    assertThat(scrape()).contains("cache_hit_rate NaN");
  }

  @Test
  void seventyHitsAndThirtyMissesGiveSeventy() throws IOException {
    for (int i = 0; i < 70; i++) {
      recorder.read("GET", 1, 0, 100_000);
    }
    for (int i = 0; i < 30; i++) {
      recorder.read("get", 0, 1, 100_000);
    }
    String text = scrape();
    assertThat(text).contains("cache_operations_total{operation=\"get\",result=\"hit\"} 70.0");
    assertThat(text).contains("cache_operations_total{operation=\"get\",result=\"miss\"} 30.0");
    assertThat(text).contains("cache_operation_duration_seconds_count{operation=\"get\"} 100");
    assertThat(text).contains("cache_hit_rate 70.0");
  }

  @Test
  void mgetCountsPerKeyButObservesOneDuration() throws IOException {
    recorder.read("MGET", 2, 1, 50_000);
    String text = scrape();
    assertThat(text).contains("cache_operations_total{operation=\"mget\",result=\"hit\"} 2.0");
    assertThat(text).contains("cache_operations_total{operation=\"mget\",result=\"miss\"} 1.0");
    assertThat(text).contains("cache_operation_duration_seconds_count{operation=\"mget\"} 1");
  }

  @Test
  void errorsAreNeitherHitsNorMisses() throws IOException {
    recorder.error("GET", 2_000_000);
    String text = scrape();
    assertThat(text).contains("cache_operations_total{operation=\"get\",result=\"error\"} 1.0");
    assertThat(text).contains("cache_hit_rate NaN");
  }

  @Test
  void sameCommandInAnyCaseSharesOneLabel() {
    assertThat(metrics.operation("GET")).isNotSameAs(metrics.operation("get"));
    recorder.read("GET", 1, 0, 1);
    recorder.read("get", 1, 0, 1);
    assertThat(metrics.hitRate()).isEqualTo(100.0);
  }
}
