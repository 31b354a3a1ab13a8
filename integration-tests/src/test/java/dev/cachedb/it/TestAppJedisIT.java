package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestServer;
import org.junit.jupiter.api.Test;

/** test-app's Jedis workload: exact counts after N rounds, on its embedded Redis or a named one. */
class TestAppJedisIT {

  @Test
  void embeddedRedisByDefault() throws Exception {
    try (AppProcess app =
        AppProcess.testApp().agent("port=0").args("--rounds=10", "--interval-ms=0", "--linger", "--redis-clients=jedis")
            .start()) {
      app.awaitStdout("lingering");
      assertCounts(app.scrape(), 10);
    }
  }

  @Test
  void redisNamedOnTheCommandLine() throws Exception {
    try (RedisTestServer redis = RedisTestServer.start();
        AppProcess app =
            AppProcess.testApp().agent("port=0,redis.memory.interval=500ms")
                .args("--rounds=5", "--interval-ms=0", "--linger", "--redis-clients=jedis",
                    "--redis=" + redis.host() + ":" + redis.port())
                .start()) {
      app.awaitStdout("lingering");
      assertThat(app.stdout()).doesNotContain("embedded redis");
      FaultChecks.awaitMetric(app.metricsPort(), "cache_memory_usage_bytes", v -> v > 0,
          "server", redis.host() + ":" + redis.port());
      Scrape s = app.scrape();
      assertCounts(s, 5);
      assertThat(s.value("cache_memory_usage_bytes", "server", redis.host() + ":" + redis.port()))
          .isPositive();
    }
  }

  private static void assertCounts(Scrape s, int rounds) {
    assertThat(ops(s, "get", "hit")).isEqualTo(2.0 * rounds);
    assertThat(ops(s, "get", "miss")).isEqualTo(rounds);
    assertThat(ops(s, "mget", "hit")).isEqualTo(2.0 * rounds);
    assertThat(ops(s, "mget", "miss")).isEqualTo(rounds);
    assertThat(ops(s, "set", "success")).isEqualTo(2.0 * rounds);
    assertThat(ops(s, "del", "success")).isEqualTo(rounds);
    assertThat(s.value("cache_hit_rate")).isEqualTo(100.0 * 4 / 6);
  }

  private static double ops(Scrape s, String operation, String result) {
    Double v = s.value("cache_operations_total", "operation", operation, "result", result);
    return v == null ? 0 : v;
  }
}
