package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import org.junit.jupiter.api.Test;

class MetricsEndpointIT {

  @Test
  void servesInfoAndJvmMetricsAndLetsTheApplicationExit() throws Exception {
    try (AppProcess app =
        AppProcess.testApp().agent("port=0,host=127.0.0.1").args("--rounds=20", "--interval-ms=50", "--linger").start()) {
      app.awaitStdout("test-app: lingering");
      Scrape s = app.scrape();
      assertThat(s.value("cachedb_agent_info", "version", "0.1.0")).isEqualTo(1.0);
      assertThat(s.keysStartingWith("jvm_memory_used_bytes")).isNotEmpty();
      assertThat(s.keysStartingWith("jvm_threads_current")).hasSize(1);
      assertThat(s.value("cachedb_agent_transform_errors_total")).isEqualTo(0.0);
      assertThat(app.stderr()).containsOnlyOnce("serving metrics on http://127.0.0.1:");
    }
  }

  @Test
  void endpointThreadsNeverKeepTheJvmAlive() throws Exception {
    try (AppProcess app = AppProcess.testApp().agent("port=0").args("--rounds=3").start()) {
      app.metricsPort();
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(app.stdout()).contains("test-app: done after 3 rounds");
    }
  }

  @Test
  void jvmMetricsCanBeSwitchedOff() throws Exception {
    try (AppProcess app =
        AppProcess.testApp().agent("port=0,jvm_metrics.enabled=false").args("--linger", "--rounds=1").start()) {
      app.awaitStdout("test-app: lingering");
      Scrape s = app.scrape();
      assertThat(s.value("cachedb_agent_info", "version", "0.1.0")).isEqualTo(1.0);
      assertThat(s.keysStartingWith("jvm_")).isEmpty();
    }
  }

  @Test
  void configurationFromSystemPropertiesAndEnvironment() throws Exception {
    try (AppProcess app =
        AppProcess.testApp()
            .agent("")
            .jvmOption("-Dcachedb.port=0")
            .env("CACHEDB_JVM_METRICS_ENABLED", "false")
            .args("--linger", "--rounds=1")
            .start()) {
      app.awaitStdout("test-app: lingering");
      Scrape s = app.scrape();
      assertThat(s.keysStartingWith("cachedb_agent_info")).hasSize(1);
      assertThat(s.keysStartingWith("jvm_")).isEmpty();
    }
  }
}
