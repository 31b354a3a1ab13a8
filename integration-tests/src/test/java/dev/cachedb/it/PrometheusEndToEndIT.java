package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.PrometheusServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus scrapes test-app running with the agent; its HTTP API sees our numbers. */
class PrometheusEndToEndIT {

  @Test
  void prometheusScrapesTheAgentInTextFormat(@TempDir Path dir) throws Exception {
    try (AppProcess app =
            AppProcess.testApp().agent("port=0,host=127.0.0.1").args("--linger", "--rounds=5").start();
        PrometheusServer prometheus = PrometheusServer.start(app.metricsPort(), false, dir)) {
      app.awaitStdout("test-app: lingering");
      prometheus.awaitScrapes(2);
      assertThat(prometheus.scalar("cachedb_agent_info{job=\"cachedb-agent\",version=\"0.1.0\"}"))
          .isEqualTo(1.0);
      assertThat(prometheus.scalar("up{job=\"cachedb-agent\"}")).isEqualTo(1.0);
      assertThat(prometheus.query("jvm_threads_current")).hasSize(1);
    }
  }

  @Test
  void prometheusScrapesProtobufWithNativeHistogramsOn(@TempDir Path dir) throws Exception {
    try (AppProcess app =
            AppProcess.testApp()
                .agent("port=0,host=127.0.0.1,histograms.native=true")
                .args("--linger", "--rounds=5")
                .start();
        PrometheusServer prometheus = PrometheusServer.start(app.metricsPort(), true, dir)) {
      app.awaitStdout("test-app: lingering");
      prometheus.awaitScrapes(2);
      assertThat(prometheus.scalar("cachedb_agent_info{job=\"cachedb-agent\"}")).isEqualTo(1.0);
      assertThat(prometheus.scalar("up{job=\"cachedb-agent\"}")).isEqualTo(1.0);
    }
  }
}
