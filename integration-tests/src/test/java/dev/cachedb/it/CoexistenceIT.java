package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Scrape;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agent runs next to the OpenTelemetry Java agent in one JVM: both serve their metrics, and
 * ours are the same numbers as without OpenTelemetry for the same deterministic workload.
 */
class CoexistenceIT {
  private static final int ROUNDS = 40;

  @Test
  void bothAgentsWorkAndOurNumbersAreUnchanged() throws Exception {
    Scrape alone;
    try (AppProcess app = workload().start()) {
      app.awaitStdout("test-app: lingering");
      alone = app.scrape();
    }

    int otelPort;
    try (ServerSocket s = new ServerSocket(0)) {
      otelPort = s.getLocalPort();
    }
    try (AppProcess app =
        workload()
            .jvmOption("-javaagent:" + Artifacts.libs("otel-javaagent").get(0))
            .jvmOption("-Dotel.traces.exporter=none")
            .jvmOption("-Dotel.logs.exporter=none")
            .jvmOption("-Dotel.metrics.exporter=prometheus")
            .jvmOption("-Dotel.exporter.prometheus.host=127.0.0.1")
            .jvmOption("-Dotel.exporter.prometheus.port=" + otelPort)
            .start()) {
      app.awaitStdout("test-app: lingering");
      Scrape ours = app.scrape();
      Scrape otel = Scrape.of("127.0.0.1", otelPort);

      assertThat(otel.text()).as("OpenTelemetry's own endpoint works").contains("jvm_");
      assertThat(ours.value("cachedb_agent_info", "version", "0.1.0")).isEqualTo(1.0);
      assertThat(ours.value("cachedb_agent_transform_errors_total")).isEqualTo(0.0);
      assertThat(workloadSeries(alone)).as("the workload was measured").isNotEmpty();
      assertThat(workloadSeries(ours)).isEqualTo(workloadSeries(alone));
      assertThat(app.stderr()).doesNotContain("[cachedb-agent] ERROR");
    }
  }

  private static AppProcess.Builder workload() {
    return AppProcess.testApp()
        .agent("port=0,host=127.0.0.1")
        .args("--linger", "--rounds=" + ROUNDS, "--interval-ms=0");
  }

  /**
   * Our counters and histogram counts of the workload: everything that counts calls, leaving out
   * the JVM's own metrics and durations, which legitimately differ between runs.
   */
  private static List<String> workloadSeries(Scrape s) {
    return s.keysStartingWith("").stream()
        .filter(k -> k.startsWith("cache_operations_total") || k.startsWith("db_queries_total")
            || k.startsWith("db_query_errors_total") || k.endsWith("_count")
                && (k.startsWith("cache_") || k.startsWith("db_query")))
        .map(k -> k + " " + s.value(k))
        .sorted()
        .collect(Collectors.toList());
  }
}
