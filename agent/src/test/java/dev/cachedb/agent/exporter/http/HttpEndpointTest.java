package dev.cachedb.agent.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.loop.AgentLoop;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real sockets: what a scraper, a browser or a misbehaving client gets. */
class HttpEndpointTest {
  private static final String GET = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final AgentLoop loop = new AgentLoop();
  private int port;

  @BeforeEach
  void start() throws Exception {
    Counter.builder().name("requests").help("h").register(registry).inc(3);
    port = start(null, 300, 300);
  }

  @AfterEach
  void stop() {
    loop.stop();
  }

  private int start(java.util.function.BiPredicate<String, String> credentials, long idleMillis,
      long headMillis) throws Exception {
    CompletableFuture<Integer> bound = new CompletableFuture<>();
    Routes routes = new Routes(new PrometheusScrapeHandler(registry), credentials);
    loop.schedule(now -> {
      try {
        bound.complete(HttpEndpoint.start(
            loop, new InetSocketAddress("127.0.0.1", 0), routes, idleMillis, headMillis).port());
      } catch (Exception e) {
        bound.completeExceptionally(e);
      }
      return AgentLoop.DONE;
    });
    return bound.get(10, TimeUnit.SECONDS);
  }

  @Test
  void scrapeIsClientJavasTextFormat() throws Exception {
    HttpURLConnection c =
        (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
    assertThat(c.getResponseCode()).isEqualTo(200);
    assertThat(c.getContentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    try (InputStream in = c.getInputStream()) {
      assertThat(new String(readAll(in), StandardCharsets.UTF_8))
          .isEqualTo("# HELP requests_total h\n# TYPE requests_total counter\nrequests_total 3.0\n");
    }
  }

  @Test
  void keepAliveServesManyRequestsOnOneConnection() throws Exception {
    try (RawClient c = new RawClient(port)) {
      for (int i = 0; i < 3; i++) {
        RawClient.Response r = c.send(GET).read(false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Connection")).isNull();
        assertThat(r.text()).contains("requests_total 3.0");
      }
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (RawClient c = new RawClient(port)) {
      c.send(GET + "GET /-/healthy HTTP/1.1\r\n\r\nGET /nope HTTP/1.1\r\n\r\n");
      assertThat(c.read(false).status()).isEqualTo(200);
      assertThat(c.read(false).text()).isEqualTo("Exporter is healthy.\n");
      assertThat(c.read(false).status()).isEqualTo(404);
    }
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    try (RawClient c = new RawClient(port)) {
      RawClient.Response r =
          c.send("GET /metrics HTTP/1.1\r\nConnection: close\r\n\r\n").read(false);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() throws Exception {
    try (RawClient c = new RawClient(port)) {
      assertThat(c.send("GET /metrics HTTP/1.0\r\n\r\n").read(false).status()).isEqualTo(200);
      assertThat(c.closedByServer()).isTrue();
    }
    try (RawClient c = new RawClient(port)) {
      c.send("GET /metrics HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read(false);
      assertThat(c.send(GET).read(false).status()).isEqualTo(200);
    }
  }

  @Test
  void headSendsTheLengthButNoBody() throws Exception {
    try (RawClient c = new RawClient(port)) {
      RawClient.Response head = c.send("HEAD /metrics HTTP/1.1\r\n\r\n").read(true);
      RawClient.Response get = c.send(GET).read(false); // would fail if a body had followed
      assertThat(head.status()).isEqualTo(200);
      assertThat(Integer.parseInt(head.header("Content-Length"))).isEqualTo(get.body.length);
    }
  }

  @Test
  void pathsAreThoseOfClientJavasServerAndOthersAre404() throws Exception {
    try (RawClient c = new RawClient(port)) {
      assertThat(c.send("GET / HTTP/1.1\r\n\r\n").read(false).text()).contains("/metrics");
      assertThat(c.send("GET /-/healthy HTTP/1.1\r\n\r\n").read(false).status()).isEqualTo(200);
      assertThat(c.send("GET /metrics?name[]=requests_total HTTP/1.1\r\n\r\n").read(false)
          .text()).contains("requests_total 3.0");
      assertThat(c.send("GET /metrics?name[]=other HTTP/1.1\r\n\r\n").read(false).text())
          .isEmpty();
      assertThat(c.send("GET /metricz HTTP/1.1\r\n\r\n").read(false).status()).isEqualTo(404);
      RawClient.Response post = c.send("POST /metrics HTTP/1.1\r\n\r\n").read(false);
      assertThat(post.status()).isEqualTo(405);
      assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
    }
  }

  @Test
  void gzipAndOpenMetricsComeFromClientJava() throws Exception {
    try (RawClient c = new RawClient(port)) {
      RawClient.Response r = c.send("GET /metrics HTTP/1.1\r\nAccept-Encoding: gzip\r\n"
          + "Accept: application/openmetrics-text; version=1.0.0\r\n\r\n").read(false);
      assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(r.header("Content-Type")).startsWith("application/openmetrics-text");
      String text = new String(
          readAll(new GZIPInputStream(new ByteArrayInputStream(r.body))), StandardCharsets.UTF_8);
      assertThat(text).contains("requests_total 3.0").endsWith("# EOF\n");
    }
  }

  @Test
  void oversizedHeadIs431AndClosed() throws Exception {
    StringBuilder big = new StringBuilder("GET /metrics HTTP/1.1\r\n");
    while (big.length() < HttpConnection.MAX_HEAD_BYTES) {
      big.append("X-Filler: ").append("y".repeat(100)).append("\r\n");
    }
    try (RawClient c = new RawClient(port)) {
      RawClient.Response r = c.send(big.toString()).read(false);
      assertThat(r.status()).isEqualTo(431);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void malformedRequestLineIs400AndClosed() throws Exception {
    try (RawClient c = new RawClient(port)) {
      assertThat(c.send("HELLO\r\n\r\n").read(false).status()).isEqualTo(400);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    try (RawClient quiet = new RawClient(port);
        RawClient halfway = new RawClient(port)) {
      halfway.send("GET /metrics HTTP/1.1\r\n"); // never finishes its head
      long t0 = System.nanoTime();
      assertThat(quiet.closedByServer()).isTrue();
      assertThat(halfway.closedByServer()).isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(3000);
    }
  }

  @Test
  void emptyAndBrokenHeadsAre400() throws Exception {
    for (String head : new String[] {"\n\n", "\r\n\r\n", " \n\n", "GET / HTTP/1.1\n:\n\n"}) {
      try (RawClient c = new RawClient(port)) {
        assertThat(c.send(head).read(false).status()).as(head).isEqualTo(400);
        assertThat(c.closedByServer()).isTrue();
      }
    }
  }

  @Test
  void aHeadHasADeadlineFromItsFirstByteHoweverSteadyItsBytes() throws Exception {
    int slow = start(null, 30_000, 500);
    try (RawClient c = new RawClient(slow)) {
      long t0 = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) {
        try {
          c.send("G"); // a byte every 100 ms: an idle timer would never fire
          Thread.sleep(100);
        } catch (java.io.IOException e) {
          closed = true;
        }
      }
      closed = closed || c.closedByServer();
      assertThat(closed).isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2500);
    }
  }

  @Test
  void pastTheLimitANewConnectionClosesTheLongestWaitingOne() throws Exception {
    int open = start(null, 30_000, 30_000);
    java.util.List<RawClient> idle = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < HttpEndpoint.MAX_CONNECTIONS * 3; i++) {
        idle.add(new RawClient(open));
      }
      idle.get(idle.size() - 1).send("GET /metrics HTTP/1.1\r\n"); // the newest, unfinished
      for (int i = 0; i < 5; i++) {
        try (RawClient scraper = new RawClient(open)) {
          assertThat(scraper.send(GET).read(false).status()).isEqualTo(200);
        }
      }
      assertThat(idle.get(0).closedByServer()).isTrue();
      RawClient newest = idle.get(idle.size() - 1);
      assertThat(newest.send("\r\n").read(false).status()).isEqualTo(200);
    } finally {
      for (RawClient c : idle) {
        c.close();
      }
    }
  }

  @Test
  void aClientThatDoesNotReadNeverDelaysOthers() throws Exception {
    Gauge g = Gauge.builder().name("big").help("h").labelNames("i").register(registry);
    for (int i = 0; i < 40_000; i++) {
      g.labelValues("value-" + i).set(i); // a ~1 MB response, more than the socket buffers
    }
    try (RawClient stuck = new RawClient(port)) {
      stuck.socket.setReceiveBufferSize(4096);
      stuck.send(GET + GET + GET); // and reads nothing
      Thread.sleep(100);
      for (int i = 0; i < 3; i++) {
        try (RawClient other = new RawClient(port)) {
          assertThat(other.send(GET).read(false).text()).contains("big{i=\"value-39999\"}");
        }
      }
    }
  }

  @Test
  void basicAuthGuardsEveryPath() throws Exception {
    int secured = start((u, p) -> u.equals("prom") && p.equals("pw:1"), 30_000, 30_000);
    String ok = Base64.getEncoder().encodeToString("prom:pw:1".getBytes(StandardCharsets.UTF_8));
    String bad = Base64.getEncoder().encodeToString("prom:pw".getBytes(StandardCharsets.UTF_8));
    try (RawClient c = new RawClient(secured)) {
      RawClient.Response none = c.send(GET).read(false);
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).startsWith("Basic realm=\"cachedb-agent\"");
      assertThat(none.text()).isEmpty();
      assertThat(c.send("GET /-/healthy HTTP/1.1\r\n\r\n").read(false).status()).isEqualTo(401);
      assertThat(c.send("GET /metrics HTTP/1.1\r\nAuthorization: Basic " + bad + "\r\n\r\n")
          .read(false).status()).isEqualTo(401);
      assertThat(c.send("GET /metrics HTTP/1.1\r\nAuthorization: Basic !!\r\n\r\n")
          .read(false).status()).isEqualTo(401);
      RawClient.Response r =
          c.send("GET /metrics HTTP/1.1\r\nAuthorization: basic " + ok + "\r\n\r\n").read(false);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).contains("requests_total 3.0");
    }
  }

  private static byte[] readAll(InputStream in) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] b = new byte[8192];
    for (int n; (n = in.read(b)) > 0; ) {
      out.write(b, 0, n);
    }
    return out.toByteArray();
  }
}
