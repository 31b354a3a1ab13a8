package dev.cachedb.it.harness;

import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * test-app with the agent, scraped every second by a real Prometheus that was up before the app
 * started, so Prometheus saw the whole workload: {@code rounds} rounds of every workload
 * (Redis through Jedis and Lettuce, queries, and {@code --trouble}: a failing query, a slow query
 * and a starved pool per round; {@code --app-cache}: a JCache cache), then the app lingers. Ready when Prometheus has scraped the
 * lingering app twice.
 */
public final class ScrapedTestApp implements AutoCloseable {
  /** The slow threshold under test-app's 150 ms slow statement, above every other statement. */
  private static final String AGENT_ARGS =
      "host=127.0.0.1,jdbc.slow_query_threshold=100ms,redis.memory.interval=1s";

  public final PrometheusServer prometheus;
  public final AppProcess app;
  /** The app's /metrics, read once it lingered; counters no longer move. */
  public final Scrape agent;
  /** The target's instance label. */
  public final String instance;
  /** Epoch seconds just before the app started. */
  public final long startedAt;

  private ScrapedTestApp(
      PrometheusServer prometheus, AppProcess app, Scrape agent, String instance, long startedAt) {
    this.prometheus = prometheus;
    this.app = app;
    this.agent = agent;
    this.instance = instance;
    this.startedAt = startedAt;
  }

  /** With {@code nativeHistograms}, both the agent and Prometheus run with native histograms. */
  public static ScrapedTestApp start(int rounds, boolean nativeHistograms, Path dir)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PrometheusServer prometheus = PrometheusServer.start(port, nativeHistograms, dir);
    long startedAt = System.currentTimeMillis() / 1000 - 1;
    AppProcess app = null;
    try {
      app =
          AppProcess.testApp()
              .agent("port=" + port + "," + AGENT_ARGS
                  + (nativeHistograms ? ",histograms.native=true" : ""))
              .args("--rounds=" + rounds, "--interval-ms=200", "--trouble", "--app-cache",
                  "--linger")
              .start();
      app.awaitStdout("test-app: lingering");
      Scrape agent = app.scrape();
      prometheus.awaitMoreScrapes(2);
      return new ScrapedTestApp(prometheus, app, agent, "127.0.0.1:" + port, startedAt);
    } catch (Exception | Error e) {
      if (app != null) {
        System.out.println(app.dump());
        app.close();
      }
      prometheus.close();
      throw e;
    }
  }

  @Override
  public void close() throws InterruptedException {
    app.close();
    prometheus.close();
  }
}
