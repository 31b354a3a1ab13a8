package dev.cachedb.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassicHistogramTest {

  @Test
  void exportsCumulativeBucketsCountAndSum() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    SecondsHistogram h =
        new ClassicHistogram("op_duration_seconds", "help", new double[] {0.001, 0.01},
            "operation", "result");
    registry.register(h);
    SecondsHistogram.Point get = h.labelValues("get", "hit");
    get.observeNanos(500_000);
    get.observeNanos(1_000_000); // upper bounds are inclusive
    get.observeNanos(5_000_000);
    h.labelValues("get", "hit").observeNanos(3_000_000_000L); // the same data point again

    String text = scrape(registry);
    assertThat(text)
        .contains("op_duration_seconds_bucket{operation=\"get\",result=\"hit\",le=\"0.001\"} 2\n")
        .contains("op_duration_seconds_bucket{operation=\"get\",result=\"hit\",le=\"0.01\"} 3\n")
        .contains("op_duration_seconds_bucket{operation=\"get\",result=\"hit\",le=\"+Inf\"} 4\n")
        .contains("op_duration_seconds_count{operation=\"get\",result=\"hit\"} 4\n")
        .contains("op_duration_seconds_sum{operation=\"get\",result=\"hit\"} 3.0065\n");
    assertThat(get.count()).isEqualTo(4);
  }

  @Test
  void removedCombinationsLeaveTheScrape() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    SecondsHistogram h = Histograms.CLASSIC.seconds("pool_seconds", "help", new double[] {1}, "pool");
    registry.register(h);
    h.labelValues("a").observeNanos(500_000_000);
    h.labelValues("b").observeNanos(500_000_000);
    h.remove("a");
    assertThat(scrape(registry)).doesNotContain("pool=\"a\"").contains("pool_seconds_count{pool=\"b\"} 1\n");
  }

  @Test
  void nativeSwitchKeepsTheClassicBuckets() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    SecondsHistogram h = new Histograms(true).seconds("q_seconds", "help", new double[] {0.1, 1}, "t");
    assertThat(h).isInstanceOf(NativeHistogram.class);
    registry.register(h);
    h.labelValues("x").observeNanos(500_000_000);
    assertThat(scrape(registry))
        .contains("q_seconds_bucket{t=\"x\",le=\"1.0\"} 1\n")
        .contains("q_seconds_count{t=\"x\"} 1\n");
  }

  private static String scrape(PrometheusRegistry registry) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
