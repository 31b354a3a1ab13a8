package dev.cachedb.agent.cache.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachedb.agent.loop.AgentLoop;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisMemoryPollerTest {

  @Test
  void readsUsedMemoryFromInfo() throws IOException {
    String info = "# Memory\r\nused_memory:1032456\r\nused_memory_human:1008.26K\r\n";
    assertThat(RedisInfoClient.parseUsedMemory(info)).isEqualTo(1032456L);
  }

  @Test
  void infoWithoutUsedMemoryIsAFailure() {
    assertThatThrownBy(() -> RedisInfoClient.parseUsedMemory("# Memory\r\n"))
        .isInstanceOf(IOException.class);
  }

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
        .doesNotContain("secret-pw");
  }

  private static String scrape(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
