package dev.cachedb.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** A Spring Boot fat jar started with the agent, and an HTTP client for its endpoints. */
final class StackApp implements AutoCloseable {
  private final AppProcess process;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private StackApp(AppProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code java -javaagent:... -jar <jar> <args> --server.port=<free>}; waits for it. */
  static StackApp start(Path jar, String startedLine, String... springArgs) throws Exception {
    int port = freePort();
    AppProcess p =
        AppProcess.executableJar(jar)
            .agent("port=0,host=127.0.0.1")
            .args(springArgs)
            .args("--server.port=" + port)
            .start();
    StackApp app = new StackApp(p, port);
    try {
      p.awaitStdout(startedLine);
    } catch (AssertionError | InterruptedException e) {
      app.close();
      throw e;
    }
    return app;
  }

  String get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build(), 200);
  }

  String post(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
  }

  /** A request the application answers with an error, as a failed query makes it. */
  String getFailing(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build(), 500);
  }

  /** POST without waiting for the answer: for a request that blocks, like a borrow from a full pool. */
  CompletableFuture<HttpResponse<String>> postAsync(String path) {
    return http.sendAsync(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The application's /pool endpoint: Hikari's MXBean values, flat. */
  Map<String, String> pool() throws IOException, InterruptedException {
    Map<String, String> values = new LinkedHashMap<>();
    String body = get("/pool").replaceAll("[{}\"]", "");
    for (String pair : body.split(",")) {
      String[] kv = pair.split(":", 2);
      values.put(kv[0], kv[1]);
    }
    return values;
  }

  /** Waits until the pool holds its maximum, all idle: Hikari fills it in the background. */
  Map<String, String> awaitIdleFullPool() throws Exception {
    return awaitPool(v -> v.get("total").equals(v.get("max")) && v.get("idle").equals(v.get("total")));
  }

  /** Polls /pool until {@code settled} holds (at most 30 s) and returns the last values. */
  Map<String, String> awaitPool(Predicate<Map<String, String>> settled) throws Exception {
    long end = System.currentTimeMillis() + 30_000;
    while (true) {
      Map<String, String> v = pool();
      if (settled.test(v) || System.currentTimeMillis() > end) {
        return v;
      }
      Thread.sleep(100);
    }
  }

  int metricsPort() throws InterruptedException {
    return process.metricsPort();
  }

  Scrape scrape() throws IOException, InterruptedException {
    return process.scrape();
  }

  String dump() {
    return process.dump();
  }

  @Override
  public void close() {
    process.close();
  }

  private String send(HttpRequest request, int status) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(request.method() + " " + request.uri() + ": " + r.body())
        .isEqualTo(status);
    return r.body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
