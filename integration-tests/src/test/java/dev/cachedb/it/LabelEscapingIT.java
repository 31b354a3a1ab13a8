package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.OddPoolNameApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pool named with quotes, backslashes, a newline, a carriage return, non-Latin letters, an
 * emoji and 10,000 more characters: every exposition format the endpoint speaks stays parseable
 * and carries the name cut to 128 characters, {@code \r} made {@code _}, the rest escaped as the
 * format says.
 */
class LabelEscapingIT {
  private static final String HEAD = "ord\"ers\\db\nline2\rπ池😀-";
  private static final String NAME = HEAD + "x".repeat(10_000);
  /** What the agent must export: 128 characters, {@code \r} replaced. */
  private static final String BOUNDED = (HEAD + "x".repeat(200)).substring(0, 128).replace('\r', '_');

  @Test
  void hostilePoolNameIsBoundedAndEscapedInEveryFormat() throws Exception {
    assertThat(BOUNDED).hasSize(128);
    try (AppProcess app =
        AppProcess.testMain(OddPoolNameApp.class, "jdbc-h2", "jdbc-hikaricp")
            .agent("port=0,host=127.0.0.1")
            .args("jdbc:h2:mem:odd",
                Base64.getEncoder().encodeToString(NAME.getBytes(StandardCharsets.UTF_8)))
            .start()) {
      app.awaitStdout("ready");
      int port = app.metricsPort();
      String escaped = BOUNDED.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");

      // Prometheus text 0.0.4: parses line by line, the sample carries the escaped name.
      Scrape text = app.scrape();
      assertThat(text.value("db_connection_pool_max", "pool", escaped)).isEqualTo(2.0);
      assertThat(text.value("db_connection_pool_size", "pool", escaped)).isEqualTo(2.0);
      assertThat(text.text()).doesNotContain("x".repeat(129)).doesNotContain("\r");
      assertWellFormed(text.text());

      // OpenMetrics 1.0: same escaping, ends with # EOF.
      String om = get(port, "application/openmetrics-text; version=1.0.0; charset=utf-8");
      assertThat(om).endsWith("# EOF\n");
      assertThat(Scrape.parse(om).value("db_connection_pool_max", "pool", escaped)).isEqualTo(2.0);
      assertThat(om).doesNotContain("x".repeat(129)).doesNotContain("\r");
      assertWellFormed(om);

      // Protobuf (delimited MetricFamily): the label value is the bounded name itself.
      byte[] pb =
          getBytes(port,
              "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                  + " encoding=delimited");
      List<String> poolLabels = ProtobufLabels.values(pb, "db_", "pool");
      assertThat(poolLabels).hasSizeGreaterThanOrEqualTo(6).allMatch(BOUNDED::equals);
    }
  }

  /** Every line is a comment or one sample: name, optional {labels}, a space, a number. */
  private static void assertWellFormed(String exposition) {
    for (String line : exposition.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      assertThat(line).matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})? \\S+( \\S+)?");
    }
  }

  private static String get(int port, String accept) throws IOException {
    return new String(getBytes(port, accept), StandardCharsets.UTF_8);
  }

  private static byte[] getBytes(int port, String accept) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
    c.setRequestProperty("Accept", accept);
    try (InputStream in = c.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } finally {
      c.disconnect();
    }
  }

  /**
   * Just enough protobuf to read label pairs out of a stream of length-delimited MetricFamily
   * messages (MetricFamily.metric = 4, Metric.label = 1, LabelPair.name = 1, .value = 2), so the
   * test needs no protobuf library and checks the bytes on the wire.
   */
  static final class ProtobufLabels {
    private final byte[] b;
    private int pos;

    private ProtobufLabels(byte[] b) {
      this.b = b;
    }

    /** Values of label {@code labelName} in families whose name starts with {@code prefix}. */
    static List<String> values(byte[] stream, String prefix, String labelName) {
      ProtobufLabels r = new ProtobufLabels(stream);
      List<String> out = new ArrayList<>();
      while (r.pos < stream.length) {
        int len = (int) r.varint();
        int end = r.pos + len;
        r.family(end, prefix, labelName, out);
        r.pos = end;
      }
      return out;
    }

    private void family(int end, String prefix, String labelName, List<String> out) {
      String family = "";
      while (pos < end) {
        long tag = varint();
        if ((tag >>> 3) == 1 && (tag & 7) == 2) {
          family = string();
        } else if ((tag >>> 3) == 4 && (tag & 7) == 2) {
          int metricEnd = (int) varint() + pos;
          while (pos < metricEnd) {
            long mtag = varint();
            if ((mtag >>> 3) == 1 && (mtag & 7) == 2) {
              int pairEnd = (int) varint() + pos;
              String name = null;
              String value = null;
              while (pos < pairEnd) {
                long ptag = varint();
                String s = string();
                if ((ptag >>> 3) == 1) {
                  name = s;
                } else {
                  value = s;
                }
              }
              if (family.startsWith(prefix) && labelName.equals(name)) {
                out.add(value);
              }
            } else {
              skip(mtag);
            }
          }
        } else {
          skip(tag);
        }
      }
    }

    private String string() {
      int len = (int) varint();
      String s = new String(b, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    private void skip(long tag) {
      switch ((int) (tag & 7)) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          int len = (int) varint(); // not pos += varint(): that would read pos before varint moves it
          pos += len;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalStateException("wire type " + (tag & 7));
      }
    }

    private long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return v;
        }
      }
    }
  }
}
