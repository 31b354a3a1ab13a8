package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.JedisClusterApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JedisCluster against a real three-master Redis cluster: each command counted once, exactly. */
class JedisClusterIT {
  private static RedisTestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisTestCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @ParameterizedTest(name = "jedis {0}")
  @ValueSource(strings = {"2.9.0", "3.10.0", "4.0.0", "5.2.0", "6.2.0", "7.5.3", "8.0.2"})
  void countsClusterCommandsOnce(String version) throws Exception {
    try (AppProcess app =
        AppProcess.testMain(JedisClusterApp.class, "jedis-" + version)
            .agent("port=0,redis.memory.interval=500ms")
            .args(cluster.host(), Integer.toString(cluster.port(0)))
            .start()) {
      app.awaitStdout("done");
      // The memory poller reads each node some time after the app first talks to it.
      for (int node = 0; node < 3; node++) {
        FaultChecks.awaitMetric(app.metricsPort(), "cache_memory_usage_bytes", v -> v > 0,
            "server", cluster.host() + ":" + cluster.port(node));
      }
      Scrape s = app.scrape();
      assertThat(ops(s, "set", "success")).as(s.text()).isEqualTo(32);
      assertThat(ops(s, "get", "hit")).isEqualTo(30);
      assertThat(ops(s, "get", "miss")).isEqualTo(10);
      assertThat(ops(s, "mget", "hit")).isEqualTo(2);
      assertThat(ops(s, "mget", "miss")).isEqualTo(1);
      assertThat(s.keysStartingWith("cache_operations_total{operation=\"cluster\""))
          .allSatisfy(k -> assertThat(s.value(k)).isZero());
      for (int node = 0; node < 3; node++) {
        assertThat(s.value("cache_memory_usage_bytes", "server",
            cluster.host() + ":" + cluster.port(node))).as("node " + node).isPositive();
      }
      assertThat(s.text() + app.stderr()).doesNotContain("cdb-");
      // Every node's own view, equal to its INFO once a poll came after the workload.
      for (int node = 0; node < 3; node++) {
        String server = cluster.host() + ":" + cluster.port(node);
        String[][] series = {
          {"cache_memory_max_bytes", "memory", "maxmemory"},
          {"cache_server_keyspace_hits_total", "stats", "keyspace_hits"},
          {"cache_server_keyspace_misses_total", "stats", "keyspace_misses"},
          {"cache_server_evicted_keys_total", "stats", "evicted_keys"},
          {"cache_server_expired_keys_total", "stats", "expired_keys"},
        };
        for (String[] m : series) {
          long info = cluster.infoValue(node, m[1], m[2]);
          FaultChecks.awaitMetric(app.metricsPort(), m[0], v -> v == info, "server", server);
        }
      }
    }
  }

  private static double ops(Scrape s, String operation, String result) {
    Double v = s.value("cache_operations_total", "operation", operation, "result", result);
    return v == null ? 0 : v;
  }
}
