package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.KeyPrefixApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestServer;
import dev.cachedb.it.servers.WithRedis;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads per key prefix through real clients against a real Redis: Jedis 3.x (its arguments are a
 * {@code byte[][]}), Jedis 8 ({@code CommandArguments}) and Lettuce 7 (sync, async, reactive),
 * each over direct calls, pipelines or transactions as {@link KeyPrefixApp} lists. The exact
 * figures per prefix, and their sums against Redis's own {@code keyspace_hits/misses}.
 */
class KeyPrefixIT {
  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"jedis, jedis-3.10.0", "jedis, jedis-8.0.2", "lettuce, lettuce-7.7.0.RELEASE"})
  void countsEachPrefixExactly(String client, String libs) throws Exception {
    RedisTestServer server = redis.server();
    server.resetStatistics();
    try (AppProcess app =
        AppProcess.testMain(KeyPrefixApp.class, libs)
            .agent("port=0,redis.memory.enabled=false")
            .args(client, server.host(), Integer.toString(server.port()))
            .start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      Map<String, Double> expected = new LinkedHashMap<>();
      expected.put("user|hit", 13.0);
      expected.put("user|miss", 6.0);
      expected.put("session|hit", 5.0);
      expected.put("session|miss", 4.0);
      expected.put("owners|hit", 4.0);
      expected.put("owners|miss", 1.0);
      expected.put("none|miss", 1.0);
      expected.put("other|miss", 1.0);
      double hits = 0;
      double misses = 0;
      for (String key : s.keysStartingWith("cache_key_prefix_reads_total{")) {
        double v = s.value(key);
        if (v == 0) {
          continue;
        }
        String prefix = label(key, "prefix");
        String result = label(key, "result");
        assertThat(expected).as("unexpected series " + key + "\n" + s.text())
            .containsEntry(prefix + "|" + result, v);
        if (result.equals("hit")) {
          hits += v;
        } else {
          misses += v;
        }
      }
      assertThat(hits + misses).as(s.text() + app.dump()).isEqualTo(35.0);
      // Redis counts one lookup per key read, as the agent counts one hit or miss per key.
      assertThat(hits).isEqualTo(Double.parseDouble(server.infoValue("stats", "keyspace_hits")));
      assertThat(misses)
          .isEqualTo(Double.parseDouble(server.infoValue("stats", "keyspace_misses")));
      // and the per-command view agrees
      double commandHits = 0;
      double commandMisses = 0;
      for (String key : s.keysStartingWith("cache_operations_total{")) {
        if (key.contains("result=\"hit\"")) {
          commandHits += s.value(key);
        } else if (key.contains("result=\"miss\"")) {
          commandMisses += s.value(key);
        }
      }
      assertThat(commandHits).isEqualTo(hits);
      assertThat(commandMisses).isEqualTo(misses);
      assertThat(s.text()).doesNotContain("0b1f9c2e");
    }
  }

  private static String label(String key, String name) {
    int i = key.indexOf(name + "=\"") + name.length() + 2;
    return key.substring(i, key.indexOf('"', i));
  }
}
