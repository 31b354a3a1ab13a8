package dev.cachedb.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus server (Debian's package, on the PATH) on loopback, scraping one agent
 * endpoint every second with job="cachedb-agent". Tests query it through its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {
  private static final Pattern SAMPLE =
      Pattern.compile("\\{\"metric\":\\{([^}]*)\\},\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]\\}");
  private static final Pattern SERIES =
      Pattern.compile("\\{\"metric\":\\{([^}]*)\\},\"values\":\\[((?:\\[[0-9.]+,\"[^\"]*\"\\],?)*)\\]\\}");
  private static final Pattern POINT = Pattern.compile("\\[[0-9.]+,\"([^\"]*)\"\\]");

  private final Process process;
  private final int port;
  private final Path dir;

  private PrometheusServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Starts Prometheus scraping {@code 127.0.0.1:targetPort}. With {@code nativeHistograms} it runs
   * with that feature flag, which also makes it scrape in the protobuf format.
   */
  public static PrometheusServer start(int targetPort, boolean nativeHistograms, Path dir)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            + "scrape_configs:\n  - job_name: cachedb-agent\n    static_configs:\n"
            + "      - targets: ['127.0.0.1:" + targetPort + "']\n");
    List<String> cmd = new ArrayList<>();
    cmd.add("prometheus");
    cmd.add("--config.file=" + config);
    cmd.add("--storage.tsdb.path=" + dir.resolve("data"));
    cmd.add("--web.listen-address=127.0.0.1:" + port);
    if (nativeHistograms) {
      cmd.add("--enable-feature=native-histograms");
    }
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    PrometheusServer server = new PrometheusServer(p, port, dir);
    server.awaitReady();
    return server;
  }

  private void awaitReady() throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        Scrape.get("http://127.0.0.1:" + port + "/-/ready");
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("Prometheus did not start: " + log());
  }

  /** Waits until Prometheus has scraped the target successfully at least {@code n} times. */
  public void awaitScrapes(int n) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      List<Sample> s = query("count_over_time(up{job=\"cachedb-agent\"}[5m]) and on() up == 1");
      if (!s.isEmpty() && s.get(0).value >= n) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("fewer than " + n + " scrapes: " + log());
  }

  /** Successful scrapes of the target so far (each adds an {@code up} sample of 1). */
  public int successfulScrapes() throws IOException {
    List<Sample> s = query("sum_over_time(up{job=\"cachedb-agent\"}[1h])");
    return s.isEmpty() ? 0 : (int) s.get(0).value;
  }

  /** Waits until Prometheus has scraped the target successfully {@code n} more times. */
  public void awaitMoreScrapes(int n) throws Exception {
    int target = successfulScrapes() + n;
    long deadline = System.currentTimeMillis() + 60_000;
    while (successfulScrapes() < target) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("fewer than " + n + " more scrapes: " + log());
      }
      Thread.sleep(200);
    }
  }

  /** An instant query; each element of the result vector as labels text and value. */
  public List<Sample> query(String promql) throws IOException {
    String body = api("query", "query", promql);
    List<Sample> out = new ArrayList<>();
    Matcher m = SAMPLE.matcher(body);
    while (m.find()) {
      out.add(new Sample(m.group(1), number(m.group(2))));
    }
    return out;
  }

  /** The single value of a query that must return exactly one series. */
  public double scalar(String promql) throws IOException {
    List<Sample> s = query(promql);
    if (s.size() != 1) {
      throw new AssertionError(promql + " returned " + s.size() + " series: " + s);
    }
    return s.get(0).value;
  }

  /**
   * A range query, as Grafana runs a panel's expression: each series of the result matrix as its
   * labels text and values. Fails the test with Prometheus's error when the query is rejected.
   */
  public List<Series> queryRange(String promql, long startSeconds, long endSeconds, int stepSeconds)
      throws IOException {
    String body =
        api("query_range", "query", promql, "start", Long.toString(startSeconds),
            "end", Long.toString(endSeconds), "step", Integer.toString(stepSeconds));
    List<Series> out = new ArrayList<>();
    Matcher m = SERIES.matcher(body);
    while (m.find()) {
      List<Double> values = new ArrayList<>();
      Matcher v = POINT.matcher(m.group(2));
      while (v.find()) {
        values.add(number(v.group(1)));
      }
      out.add(new Series(m.group(1), values));
    }
    return out;
  }

  /** Values of one label over the series {@code match} selects, as Grafana's label_values(). */
  public List<String> labelValues(String label, String match, long startSeconds, long endSeconds)
      throws IOException {
    String body =
        api("label/" + label + "/values", "match[]", match, "start", Long.toString(startSeconds),
            "end", Long.toString(endSeconds));
    int open = body.indexOf("\"data\":[");
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(
        body.substring(open + 8, body.indexOf(']', open)));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** A sample value as the API writes it: a decimal, NaN, +Inf or -Inf. */
  private static double number(String v) {
    return v.endsWith("Inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
        : Double.parseDouble(v);
  }

  /** GET on the HTTP API; the body, or an AssertionError carrying Prometheus's error text. */
  private String api(String endpoint, String... params) throws IOException {
    StringBuilder url = new StringBuilder("http://127.0.0.1:" + port + "/api/v1/" + endpoint);
    for (int i = 0; i < params.length; i += 2) {
      url.append(i == 0 ? '?' : '&').append(params[i]).append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    HttpURLConnection c = (HttpURLConnection) new URL(url.toString()).openConnection();
    c.setConnectTimeout(5000);
    c.setReadTimeout(20000);
    try {
      int status = c.getResponseCode();
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (status >= 400 || !body.contains("\"status\":\"success\"")) {
          throw new AssertionError(
              endpoint + " failed (HTTP " + status + "): " + Arrays.toString(params) + " -> " + body);
        }
        return body;
      }
    } finally {
      c.disconnect();
    }
  }

  public String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** One series of a range query's matrix. */
  public static final class Series {
    public final String labels;
    public final List<Double> values;

    Series(String labels, List<Double> values) {
      this.labels = labels;
      this.values = values;
    }

    /** Whether any point is a number (histogram_quantile over no observations gives NaN). */
    public boolean hasNumber() {
      return values.stream().anyMatch(v -> !v.isNaN() && !v.isInfinite());
    }

    @Override
    public String toString() {
      return "{" + labels + "} " + values;
    }
  }

  /** One element of an instant vector. */
  public static final class Sample {
    public final String labels;
    public final double value;

    Sample(String labels, double value) {
      this.labels = labels;
      this.value = value;
    }

    @Override
    public String toString() {
      return "{" + labels + "} " + value;
    }
  }
}
