package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachedb.it.apps.JedisWorkloadApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestServer;
import dev.cachedb.it.servers.WithRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Jedis line, oldest and newest release of each, against a real Redis: one child JVM per
 * version runs {@link JedisWorkloadApp} with the agent and the test asserts the exact numbers.
 */
class JedisIT {
  private static final String PASSWORD = "Pw-s3cret-7f3a";
  @RegisterExtension static final WithRedis redis = WithRedis.plain();
  @RegisterExtension static final WithRedis securedRedis = WithRedis.secured(PASSWORD);

  @ParameterizedTest(name = "jedis {0}")
  @ValueSource(
      strings = {
        "2.9.0", "2.10.2", "3.0.0", "3.10.0", "4.0.0", "4.4.8", "5.0.0", "5.2.0", "6.0.0",
        "6.2.0", "7.0.0", "7.5.3", "8.0.0", "8.0.2"
      })
  void countsEveryCommandExactly(String version) throws Exception {
    run(version, redis.server(), null);
  }

  @ParameterizedTest(name = "jedis {0} with requirepass")
  @ValueSource(strings = {"2.9.0", "3.10.0", "8.0.2"})
  void authenticatesTheMemoryPollerAndLeaksNoSecret(String version) throws Exception {
    run(version, securedRedis.server(), PASSWORD);
  }

  private static void run(String version, RedisTestServer server, String password)
      throws Exception {
    server.restart();
    boolean pooled = !version.startsWith("2.") && !version.startsWith("3.");
    Path signals = Files.createTempDirectory("jedis-it");
    try (AppProcess app =
        AppProcess.testMain(JedisWorkloadApp.class, "jedis-" + version)
            .agent("port=0,redis.memory.interval=1s")
            .args(server.host(), Integer.toString(server.port()), password == null ? "-" : password,
                signals.toString())
            .start()) {
      // phase 1: 70 reads of present keys, 30 of absent ones
      app.awaitStdout("phase-1");
      Scrape s = app.scrape();
      assertThat(ops(s, "get", "hit")).as(app.dump()).isEqualTo(70);
      assertThat(ops(s, "get", "miss")).isEqualTo(30);
      assertThat(ops(s, "set", "success")).isEqualTo(70);
      assertThat(s.value("cache_hit_rate")).isEqualTo(70.0);
      Files.createFile(signals.resolve("go-2"));

      // phase 2: every API and reply shape
      app.awaitStdout("phase-2");
      String serverLabel = server.host() + ":" + server.port();
      s = awaitMemory(app, serverLabel);
      long infoNow = Long.parseLong(server.infoValue("memory", "used_memory"));
      assertThat(s.value("cache_memory_usage_bytes", "server", serverLabel))
          .isCloseTo(infoNow, within(infoNow * 0.10));

      int extraGets = pooled ? 5 : 0;
      Map<String, Double> expected = new HashMap<>();
      expected.put("get|hit", 70.0 + 10 + 1 + 1 + extraGets);
      expected.put("get|miss", 30.0 + 1 + 1);
      expected.put("set|success", 70.0 + 1 + 1);
      expected.put("mget|hit", 2.0 + 1);
      expected.put("mget|miss", 1.0 + 1);
      expected.put("exists|hit", 2.0);
      expected.put("exists|miss", 1.0);
      expected.put("hset|success", 2.0);
      expected.put("hget|hit", 1.0);
      expected.put("hget|miss", 1.0);
      expected.put("hget|error", 1.0);
      expected.put("hgetall|hit", 1.0);
      expected.put("hgetall|miss", 1.0);
      expected.put("hmget|hit", 2.0);
      expected.put("hmget|miss", 1.0);
      expected.put("del|success", 1.0);
      expected.put("multi|success", 1.0);
      expected.put("exec|success", 1.0);
      expected.put("flushall|success", 1.0);
      if (password != null) {
        expected.put("auth|success", 1.0);
      }
      for (Map.Entry<String, Double> e : expected.entrySet()) {
        String[] k = e.getKey().split("\\|");
        assertThat(ops(s, k[0], k[1])).as(e.getKey() + "\n" + s.text()).isEqualTo(e.getValue());
      }
      // nothing else was counted: no housekeeping (PING, SELECT, CLIENT SETINFO, QUIT ...)
      for (String key : s.keysStartingWith("cache_operations_total{")) {
        String op = label(key, "operation");
        String result = label(key, "result");
        if (s.value(key) > 0) {
          assertThat(expected).as("unexpected series " + key).containsKey(op + "|" + result);
        }
      }
      // every command was timed once; reads of several keys count per key but are one command
      Map<String, Double> multiKeyCommands = Map.of("mget", 2.0, "exists", 1.0, "hmget", 1.0);
      for (String key : s.keysStartingWith("cache_operation_duration_seconds_count{")) {
        String op = label(key, "operation");
        double total = 0;
        for (String r : new String[] {"hit", "miss", "success", "error"}) {
          total += ops(s, op, r);
        }
        total = multiKeyCommands.getOrDefault(op, total);
        assertThat(s.value("cache_operation_duration_seconds_count", "operation", op))
            .as(op).isEqualTo(total);
      }
      double hits = 91 + extraGets;
      double misses = 38;
      assertThat(s.value("cache_hit_rate")).isCloseTo(100 * hits / (hits + misses), within(1e-9));
      Files.createFile(signals.resolve("go-3"));

      // phase 3: the server is gone; the next command on the open connection is an error
      server.stop();
      app.awaitStdout("done");
      s = app.scrape();
      assertThat(ops(s, "get", "error")).as(app.dump()).isEqualTo(1);

      // nothing secret or application-specific leaks into the scrape or the agent's lines
      for (String text : new String[] {s.text(), app.stderr()}) {
        assertThat(text).doesNotContain("cdb-").doesNotContain("Pw-s3cret");
      }
    } finally {
      server.restart();
    }
  }

  /** A scrape whose memory reading is newer than the workload: one poll interval and a bit. */
  private static Scrape awaitMemory(AppProcess app, String server) throws Exception {
    Thread.sleep(1300);
    long end = System.currentTimeMillis() + 15_000;
    while (true) {
      Scrape s = app.scrape();
      if (s.has("cache_memory_usage_bytes", "server", server)
          || System.currentTimeMillis() > end) {
        assertThat(s.has("cache_memory_usage_bytes", "server", server))
            .as("memory of " + server + "\n" + s.text() + app.dump()).isTrue();
        return s;
      }
      Thread.sleep(100);
    }
  }

  private static double ops(Scrape s, String operation, String result) {
    Double v = s.value("cache_operations_total", "operation", operation, "result", result);
    return v == null ? 0 : v;
  }

  private static String label(String key, String name) {
    int i = key.indexOf(name + "=\"") + name.length() + 2;
    return key.substring(i, key.indexOf('"', i));
  }
}
