package dev.cachedb.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelValuesTest {
  private static final String NASTY =
      "pool \"quoted\" back\\slash\nnew line é ü 池 😀 " + repeat('x', 10_000);

  @Test
  void shortPlainValuesAreReturnedAsTheyAre() {
    String v = "orders-db";
    assertThat(LabelValues.bound(v)).isSameAs(v);
    assertThat(LabelValues.bound("")).isEmpty();
    assertThat(LabelValues.bound(null)).isEmpty();
  }

  @Test
  void longValuesAreCutTo128Characters() {
    assertThat(LabelValues.bound(repeat('a', 10_000))).isEqualTo(repeat('a', 128));
    assertThat(LabelValues.bound(repeat('a', 128))).hasSize(128);
    assertThat(LabelValues.bound(NASTY)).hasSize(128).startsWith("pool \"quoted\" back\\slash\nnew");
  }

  @Test
  void aSurrogatePairIsNeverCutInHalf() {
    String v = repeat('a', 127) + "😀b";
    assertThat(LabelValues.bound(v)).isEqualTo(repeat('a', 127));
    assertThat(LabelValues.bound(repeat('a', 126) + "😀b")).isEqualTo(repeat('a', 126) + "😀");
  }

  @Test
  void controlCharactersOtherThanNewlineAndBrokenSurrogatesBecomeUnderscores() {
    assertThat(LabelValues.bound("a\r\nb\tc\u0000d\u007fe\u0085f")).isEqualTo("a_\nb_c_d_e_f");
    assertThat(LabelValues.bound("x\uD83Dy\uDE00z")).isEqualTo("x_y_z");
    assertThat(LabelValues.bound("quote\" back\\ é 😀")).isEqualTo("quote\" back\\ é 😀");
  }

  @Test
  void everyExpositionFormatCarriesTheBoundedValueIntact() throws IOException {
    String value = LabelValues.bound(NASTY);
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("test_pool_size").help("h").labelNames("pool").register(registry)
        .labelValues(value).set(3);
    MetricSnapshots snapshots = registry.scrape();
    ExpositionFormats formats = ExpositionFormats.init();

    for (String text :
        new String[] {
          write(formats.getPrometheusTextFormatWriter(), snapshots),
          write(formats.getOpenMetricsTextFormatWriter(), snapshots)
        }) {
      List<String> samples = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.startsWith("#")) {
          samples.add(line);
        }
      }
      assertThat(samples).singleElement().asString().startsWith("test_pool_size{pool=\"").endsWith("} 3.0");
      assertThat(unescapedLabel(samples.get(0))).isEqualTo(value);
    }

    ByteArrayOutputStream protobuf = new ByteArrayOutputStream();
    formats.getPrometheusProtobufWriter().write(protobuf, snapshots);
    Metrics.MetricFamily family =
        Metrics.MetricFamily.parseDelimitedFrom(new ByteArrayInputStream(protobuf.toByteArray()));
    assertThat(family.getName()).isEqualTo("test_pool_size");
    assertThat(family.getMetric(0).getLabel(0).getValue()).isEqualTo(value);
  }

  private static String write(
      io.prometheus.metrics.expositionformats.ExpositionFormatWriter writer, MetricSnapshots s)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, s);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** The label value of one sample line, unescaped as the text formats define. */
  static String unescapedLabel(String line) {
    int i = line.indexOf("=\"") + 2;
    StringBuilder sb = new StringBuilder();
    while (line.charAt(i) != '"') {
      char c = line.charAt(i++);
      if (c == '\\') {
        char e = line.charAt(i++);
        sb.append(e == 'n' ? '\n' : e);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String repeat(char c, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(c);
    }
    return sb.toString();
  }
}
