package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.RedisFaultApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a workload: the agent's numbers match what the application saw, the
 * application's own retries and recovery are untouched, and the exceptions it gets carry nothing
 * of the agent.
 */
class FaultsIT {
  private static final Pattern TALLY = Pattern.compile("^TALLY (.+) (\\d+)$", Pattern.MULTILINE);

  private static RedisTestServer redis;

  @BeforeAll
  static void startServers() {
    redis = RedisTestServer.start();
  }

  @AfterAll
  static void stopServers() {
    redis.close();
  }

  @Test
  void redisStopAndRestart(@TempDir Path dir) throws Exception {
    Path stop = dir.resolve("stop");
    String server = "127.0.0.1:" + redis.port();
    try (AppProcess app =
        AppProcess.testMain(RedisFaultApp.class, "jedis-8.0.2", "lettuce-7.7.0.RELEASE")
            .agent("host=127.0.0.1,port=0,redis.memory.interval=200ms")
            .args(redis.host(), Integer.toString(redis.port()), stop.toString())
            .start()) {
      app.awaitStdout("RUNNING");
      int port = app.metricsPort();
      // the poller read the server holding the 8 MB value
      awaitMetric(port, "cache_memory_usage_bytes", v -> v > 8e6, "server", server);
      Thread.sleep(500); // the workload runs
      redis.stop();
      Thread.sleep(2500);
      double pollErrorsDown = Scrape.of("127.0.0.1", port)
          .value("cachedb_agent_redis_memory_poll_errors_total", "server", server);
      redis.restart();
      app.awaitStdout("RECOVERED jedis");
      app.awaitStdout("RECOVERED lettuce-sync");
      app.awaitStdout("RECOVERED lettuce-async");
      // the poller came back: it reads the restarted, empty server
      awaitMetric(port, "cache_memory_usage_bytes", v -> v < 4e6, "server", server);
      Thread.sleep(300); // a few more calls on the recovered server
      Files.createFile(stop);
      app.awaitStdout("DONE");

      Map<String, Integer> t = tallies(app.stdout());
      int successes = 0;
      int errors = 0;
      for (String client : new String[] {"jedis", "lettuce-sync", "lettuce-async"}) {
        assertThat(t.getOrDefault(client + " incr error", 0)).as(client + " saw failures")
            .isPositive();
        successes += t.getOrDefault(client + " incr success", 0);
        errors += t.getOrDefault(client + " incr error", 0);
      }
      Scrape s = Scrape.of("127.0.0.1", port);
      assertThat(s.value("cache_operations_total", "operation", "incr", "result", "error"))
          .as(app.dump()).isEqualTo((double) errors);
      assertThat(s.value("cache_operations_total", "operation", "incr", "result", "success"))
          .isEqualTo((double) successes);
      assertThat(s.value("cache_operations_total", "operation", "set", "result", "success"))
          .isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "flushall", "result", "success"))
          .isEqualTo(1.0);
      assertThat(s.value("cache_operation_duration_seconds_count", "operation", "incr"))
          .isEqualTo((double) (successes + errors));

      // back-off: polling every 200 ms, a 2.5 s outage would fail about 12 times without it;
      // with 1 s, 2 s, 4 s ... between attempts it fails at most 3 times
      double pollErrors = s.value("cachedb_agent_redis_memory_poll_errors_total", "server", server);
      assertThat(pollErrorsDown).isBetween(1.0, 3.0);
      assertThat(pollErrors).isBetween(pollErrorsDown, 4.0);
      Thread.sleep(1000);
      assertThat(Scrape.of("127.0.0.1", port)
              .value("cachedb_agent_redis_memory_poll_errors_total", "server", server))
          .as("no poll fails once the server is back").isEqualTo(pollErrors);

      assertThat(app.stdout()).contains("AGENT-FRAMES 0");
      System.out.println("agent lines: " + agentLines(app.stderr()));
      System.out.println("FAULT redis: incr_errors=" + errors + " incr_successes=" + successes
          + " jedis_borrow_errors=" + t.getOrDefault("jedis borrow-error", 0)
          + " memory_poll_errors=" + pollErrors);
      System.out.println(exceptions(app.stdout()));
    }
  }

  static java.util.List<String> agentLines(String stderr) {
    return stderr.lines().filter(l -> l.startsWith("[cachedb-agent]")).toList();
  }

  static String exceptions(String stdout) {
    StringBuilder sb = new StringBuilder();
    stdout.lines().filter(l -> l.startsWith("EXC ")).forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  static Map<String, Integer> tallies(String stdout) {
    Map<String, Integer> m = new TreeMap<>();
    Matcher matcher = TALLY.matcher(stdout);
    while (matcher.find()) {
      m.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
    return m;
  }

  static double awaitMetric(int port, String name, Predicate<Double> ok, String... labels)
      throws Exception {
    long end = System.currentTimeMillis() + 30_000;
    Double v = null;
    while (System.currentTimeMillis() < end) {
      v = Scrape.of("127.0.0.1", port).value(name, labels);
      if (v != null && ok.test(v)) {
        return v;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " never as expected; last " + v);
  }
}
