package dev.cachedb.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.bootstrap.JedisCalls;
import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.config.ConfigParser;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The key-prefix keys of the configuration, through the runtime the Redis modules start. */
class CacheRuntimeTest {
  private final JedisCalls.Sink jedis = JedisCalls.sink;
  private final LettuceCalls.Sink lettuce = LettuceCalls.sink;

  @AfterEach
  void restoreSinks() {
    JedisCalls.sink = jedis;
    LettuceCalls.sink = lettuce;
  }

  private static String run(String agentArgs, String... keys) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    CacheRuntime.start(new AgentContext(ConfigParser.parse(agentArgs), registry));
    for (String key : keys) {
      Object output = new Object();
      LettuceCalls.dispatched(
          output, CommandType.GET, new CommandArgs<>(StringCodec.UTF8).addKey(key));
      LettuceCalls.completed(output, CommandType.GET, null, false, 1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void switchedOffTheFamilyIsAbsent() throws Exception {
    String text = run("redis.memory.enabled=false,redis.key_prefix.enabled=false", "user:1");
    assertThat(text).contains("cache_operations_total{operation=\"get\",result=\"miss\"} 1.0");
    assertThat(text).doesNotContain("cache_key_prefix");
  }

  @Test
  void onByDefault() throws Exception {
    String text = run("redis.memory.enabled=false", "user:1", "owners::2");
    assertThat(text)
        .contains("cache_key_prefix_reads_total{prefix=\"user\",result=\"miss\"} 1.0")
        .contains("cache_key_prefix_reads_total{prefix=\"owners\",result=\"miss\"} 1.0");
  }

  @Test
  void delimiterAndCapAreConfigured() throws Exception {
    String text =
        run(
            "redis.memory.enabled=false,redis.key_prefix.delimiter=/,redis.key_prefix.max=1",
            "user/1", "session/2", "user:3");
    assertThat(text)
        .contains("cache_key_prefix_reads_total{prefix=\"user\",result=\"miss\"} 1.0")
        .contains("cache_key_prefix_reads_total{prefix=\"other\",result=\"miss\"} 1.0")
        .contains("cache_key_prefix_reads_total{prefix=\"none\",result=\"miss\"} 1.0")
        .doesNotContain("session");
  }
}
