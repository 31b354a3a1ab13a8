package dev.cachedb.agent.cache.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.loop.AgentLoop;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import dev.cachedb.agent.exporter.http.HttpEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisMemoryPollerTest {

  @Test
  void aServerThatCannotBeReadIsCountedAndNeverThrows() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    AgentLoop loop = new AgentLoop();
    RedisMemoryPoller poller = new RedisMemoryPoller(registry, 100, loop);
    poller.server("127.0.0.1", closedPort, "app", "secret-pw".toCharArray());
    String text = "";
    for (int i = 0; i < 50 && !text.contains("} 1.0"); i++) {
      Thread.sleep(50);
      text = scrape(registry);
    }
    assertThat(text)
        .contains(
            "cachedb_agent_redis_memory_poll_errors_total{server=\"127.0.0.1:" + closedPort
                + "\"} 1.0")
        .doesNotContain("cache_memory_usage_bytes{")
        .doesNotContain("cache_memory_max_bytes{")
        .doesNotContain("cache_server_")
        .doesNotContain("secret-pw");
  }

  @Test
  void readsUsedMemoryAfterAuthenticatingAsTheApplication() throws Exception {
    String reply = "+OK\r\n" + RedisInfoTest.bulk("# Memory\r\nused_memory:4242\r\nmaxmemory:0\r\n")
        + RedisInfoTest.bulk("# Stats\r\nexpired_keys:3\r\nevicted_keys:2\r\n"
            + "keyspace_hits:11\r\nkeyspace_misses:5\r\n");
    try (FakeRedis redis = new FakeRedis(reply, 0)) {
      PrometheusRegistry registry = new PrometheusRegistry();
      AgentLoop loop = new AgentLoop();
      try {
        new RedisMemoryPoller(registry, 100, loop).server("127.0.0.1", redis.port(), "app",
            "pw".toCharArray());
        String text = "";
        for (int i = 0; i < 60 && !text.contains("} 4242.0"); i++) {
          Thread.sleep(50);
          text = scrape(registry);
        }
        String server = "{server=\"127.0.0.1:" + redis.port() + "\"} ";
        assertThat(text)
            .contains("cache_memory_usage_bytes" + server + "4242.0")
            .contains("cache_memory_max_bytes" + server + "0.0")
            .contains("cache_server_keyspace_hits_total" + server + "11.0")
            .contains("cache_server_keyspace_misses_total" + server + "5.0")
            .contains("cache_server_evicted_keys_total" + server + "2.0")
            .contains("cache_server_expired_keys_total" + server + "3.0")
            .contains("# TYPE cache_server_evicted_keys_total counter");
        assertThat(redis.received.get(5, TimeUnit.SECONDS))
            .startsWith("*3\r\n$4\r\nAUTH\r\n$3\r\napp\r\n$2\r\npw\r\n*2\r\n$4\r\nINFO");
      } finally {
        loop.stop();
      }
    }
  }

  @Test
  void aRedisThatAnswersAByteEveryHalfSecondNeverDelaysAScrape() throws Exception {
    String slowReply = "$100\r\n" + String.join("", java.util.Collections.nCopies(100, "x"));
    try (FakeRedis redis = new FakeRedis(slowReply, 500)) {
      PrometheusRegistry registry = new PrometheusRegistry();
      AgentLoop loop = new AgentLoop();
      try {
        CompletableFuture<Integer> bound = new CompletableFuture<>();
        loop.schedule(now -> {
          try {
            bound.complete(HttpEndpoint.start(loop, new InetSocketAddress("127.0.0.1", 0),
                registry, null).port());
          } catch (IOException e) {
            bound.completeExceptionally(e);
          }
          return AgentLoop.DONE;
        });
        int port = bound.get(10, TimeUnit.SECONDS);
        new RedisMemoryPoller(registry, 100, loop).server("127.0.0.1", redis.port(), null, null);
        long[] millis = new long[150];
        for (int i = 0; i < millis.length; i++) {
          long t0 = System.nanoTime();
          HttpURLConnection c =
              (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
          assertThat(c.getResponseCode()).isEqualTo(200);
          try (InputStream in = c.getInputStream()) {
            while (in.read() >= 0) {
              // the whole scrape counts
            }
          }
          millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
          Thread.sleep(20);
        }
        Arrays.sort(millis);
        assertThat(redis.connections).as("the poll ran meanwhile").isGreaterThanOrEqualTo(1);
        // A poll blocking the loop would hold a scrape for up to the server's 500 ms pause, so p99
        // near it; the bound sits below it and far above a loaded machine's scheduling delays.
        assertThat(millis[millis.length * 99 / 100 - 1]).as("p99 ms").isLessThan(400);
        assertThat(scrape(registry)).contains("poll_errors_total{server=\"127.0.0.1:")
            .doesNotContain("poll_errors_total{server=\"127.0.0.1:" + redis.port() + "\"} 0.0");
      } finally {
        loop.stop();
      }
    }
  }

  /** Answers every connection with {@code reply}, a byte each {@code pauseMillis}. */
  private static final class FakeRedis implements AutoCloseable {
    final CompletableFuture<String> received = new CompletableFuture<>();
    volatile int connections;
    private final ServerSocket server = new ServerSocket(0);

    FakeRedis(String reply, long pauseMillis) throws IOException {
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            connections++;
            byte[] b = new byte[4096];
            int n = s.getInputStream().read(b);
            received.complete(new String(b, 0, Math.max(n, 0), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            for (byte x : reply.getBytes(StandardCharsets.UTF_8)) {
              out.write(x);
              out.flush();
              if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
              }
            }
            s.getInputStream().read();
          } catch (IOException | InterruptedException e) {
            // the poller gave up on this connection, or the test is over
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static String scrape(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
