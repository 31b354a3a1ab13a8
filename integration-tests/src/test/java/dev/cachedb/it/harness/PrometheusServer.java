package dev.cachedb.it.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /** An instant query; each element of the result vector as labels text and value. */
  public List<Sample> query(String promql) throws IOException {
    String body =
        Scrape.get("http://127.0.0.1:" + port + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (!body.contains("\"status\":\"success\"")) {
      throw new AssertionError("query failed: " + promql + " -> " + body);
    }
    List<Sample> out = new ArrayList<>();
    Matcher m = SAMPLE.matcher(body);
    while (m.find()) {
      out.add(new Sample(m.group(1), Double.parseDouble(m.group(2))));
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
