package dev.cachedb.it;

import static dev.cachedb.it.FaultChecks.agentLines;
import static dev.cachedb.it.FaultChecks.assertLibraryExceptionsOnly;
import static dev.cachedb.it.FaultChecks.awaitMetric;
import static dev.cachedb.it.FaultChecks.caught;
import static dev.cachedb.it.FaultChecks.exceptions;
import static dev.cachedb.it.FaultChecks.tallies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.RedisErrorApp;
import dev.cachedb.it.apps.RedisFaultApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.WithRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis faults in the middle of a workload: errors counted exactly as the application saw them,
 * the memory poller backs off and recovers, the application's retries and exceptions untouched.
 */
class RedisFaultsIT {
  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  @Test
  void redisStopAndRestart(@TempDir Path dir) throws Exception {
    Path stop = dir.resolve("stop");
    String server = "127.0.0.1:" + redis.server().port();
    try (AppProcess app =
        AppProcess.testMain(RedisFaultApp.class, "jedis-8.0.2", "lettuce-7.7.0.RELEASE")
            .agent("host=127.0.0.1,port=0,redis.memory.interval=200ms")
            .args(redis.server().host(), Integer.toString(redis.server().port()), stop.toString())
            .start()) {
      app.awaitStdout("RUNNING");
      int port = app.metricsPort();
      // the poller read the server holding the 8 MB value
      awaitMetric(port, "cache_memory_usage_bytes", v -> v > 8e6, "server", server);
      Thread.sleep(500); // the workload runs
      redis.server().stop();
      Thread.sleep(2500);
      double pollErrorsDown = Scrape.of("127.0.0.1", port)
          .value("cachedb_agent_redis_memory_poll_errors_total", "server", server);
      redis.server().restart();
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
      // with 1 s, 2 s, 4 s ... between attempts it fails 2 or 3 times (a slow restart: one more)
      double pollErrors = s.value("cachedb_agent_redis_memory_poll_errors_total", "server", server);
      assertThat(pollErrorsDown).isBetween(1.0, 3.0);
      assertThat(pollErrors).isBetween(pollErrorsDown, 5.0);
      Thread.sleep(1000);
      assertThat(Scrape.of("127.0.0.1", port)
              .value("cachedb_agent_redis_memory_poll_errors_total", "server", server))
          .as("no poll fails once the server is back").isEqualTo(pollErrors);

      assertThat(app.stdout()).contains("AGENT-FRAMES 0");
      assertLibraryExceptionsOnly(app.stdout(), "java.", "redis.clients.jedis.", "io.lettuce.core.");
      System.out.println("agent lines: " + agentLines(app.stderr()));
      System.out.println("FAULT redis: incr_errors=" + errors + " incr_successes=" + successes
          + " jedis_borrow_errors=" + t.getOrDefault("jedis borrow-error", 0)
          + " memory_poll_errors=" + pollErrors);
      System.out.println(exceptions(app.stdout()));
    }
  }

  @Test
  void redisErrorsAreTheLibrarysOwn() throws Exception {
    int dead;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      dead = free.getLocalPort();
    }
    String[] args = {redis.server().host(), Integer.toString(redis.server().port()), Integer.toString(dead)};
    String withAgent;
    try (AppProcess app = AppProcess.testMain(RedisErrorApp.class, "jedis-8.0.2",
            "lettuce-7.7.0.RELEASE").agent("host=127.0.0.1,port=0").args(args).start()) {
      app.awaitStdout("DONE");
      Scrape s = app.scrape();
      // the refused GET and the three failed INCRs, and nothing else failed
      assertThat(s.value("cache_operations_total", "operation", "get", "result", "error"))
          .as(app.dump()).isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "incr", "result", "error"))
          .isEqualTo(3.0);
      assertThat(s.value("cache_operations_total", "operation", "set", "result", "success"))
          .isEqualTo(1.0);
      assertThat(app.stdout()).contains("AGENT-FRAMES 0");
      withAgent = caught(app.stdout());
    }
    String without;
    try (AppProcess app = AppProcess.testMain(RedisErrorApp.class, "jedis-8.0.2",
            "lettuce-7.7.0.RELEASE").args(args).start()) {
      app.awaitStdout("DONE");
      without = caught(app.stdout());
    }
    assertThat(withAgent.lines().filter(l -> l.startsWith("EXC "))).hasSize(4);
    assertThat(withAgent).isEqualTo(without);
    System.out.println("FAULT redis-errors: identical with and without the agent\n" + withAgent);
  }
}
