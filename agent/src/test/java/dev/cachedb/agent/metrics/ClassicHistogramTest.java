package dev.cachedb.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassicHistogramTest {

  @Test
  void exportsCumulativeBucketsCountAndSum() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    ClassicHistogram h =
        new ClassicHistogram("op_duration_seconds", "help", Unit.SECONDS, "operation",
            new double[] {0.001, 0.01});
    registry.register(h);
    ClassicHistogram.Child get = h.labelValues("get");
    get.observe(0.0005);
    get.observe(0.001); // upper bounds are inclusive
    get.observe(0.005);
    get.observe(3);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("op_duration_seconds_bucket{operation=\"get\",le=\"0.001\"} 2\n")
        .contains("op_duration_seconds_bucket{operation=\"get\",le=\"0.01\"} 3\n")
        .contains("op_duration_seconds_bucket{operation=\"get\",le=\"+Inf\"} 4\n")
        .contains("op_duration_seconds_count{operation=\"get\"} 4\n")
        .contains("op_duration_seconds_sum{operation=\"get\"} 3.0065\n");
  }
}
