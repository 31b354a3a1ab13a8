package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Jdk;
import dev.cachedb.it.harness.Scrape;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttachIT {

  @Test
  void attachToARunningApplicationServesMetrics() throws Exception {
    try (AppProcess app =
        AppProcess.testApp().jvmOption("-XX:+EnableDynamicAgentLoading").args("--seconds=120").start()) {
      app.awaitStdout("test-app: workload ready");
      assertThat(app.stderr()).doesNotContain("serving metrics");

      attach(app);

      Scrape s = app.scrape();
      assertThat(s.value("cachedb_agent_info", "version", "0.1.0")).isEqualTo(1.0);
      assertThat(s.keysStartingWith("jvm_threads_current")).hasSize(1);
      assertThat(app.isAlive()).isTrue();
    }
  }

  /** Attaches the agent jar to {@code app}, serving on a free port; the attach must succeed. */
  static void attach(AppProcess app) throws Exception {
    attach(app, "port=0,host=127.0.0.1");
  }

  /**
   * Attaches with {@code arguments}; returns when the agent's {@code agentmain} has returned, so
   * the classes already loaded have been retransformed.
   */
  static void attach(AppProcess app, String arguments) throws Exception {
    Process attach =
        new ProcessBuilder(
                Jdk.java().toString(), "-jar", Artifacts.agentJar().toString(),
                "attach", Long.toString(app.pid()), arguments)
            .redirectErrorStream(true)
            .start();
    assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(attach.exitValue()).as(out).isEqualTo(0);
    assertThat(out).contains("attached to process " + app.pid());
  }

  @Test
  void withoutArgumentsTheJarPrintsUsage() throws Exception {
    Process p =
        new ProcessBuilder(Jdk.java().toString(), "-jar", Artifacts.agentJar().toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(0);
    assertThat(out).contains("Usage:").contains("attach <pid>");
  }
}
