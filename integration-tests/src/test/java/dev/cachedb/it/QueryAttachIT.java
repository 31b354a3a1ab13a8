package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.QueryWorkloadApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Attach to a JVM whose driver (and pool) classes are already loaded and in use: retransformation
 * must instrument them, and exactly the queries run after the attach count.
 */
class QueryAttachIT {
  private static final int ROUNDS = 4;

  @Test
  void driverClassesLoadedBeforeAttachAreInstrumented() throws Exception {
    attachScenario("q_attach_direct", false);
  }

  @Test
  void poolAndDriverClassesLoadedBeforeAttachAreInstrumented() throws Exception {
    attachScenario("q_attach_pool", true);
  }

  private void attachScenario(String name, boolean pool) throws Exception {
    Path dir = Paths.get("target", "h2-it").toAbsolutePath();
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.resolve(name + "-" + System.nanoTime());
    QueryMetricsIT.createSchema(url, "sa", "");
    Path trigger = dir.resolve(name + "-" + System.nanoTime() + ".go");
    try (AppProcess app =
        AppProcess.testMain(QueryWorkloadApp.class, "jdbc-h2", "jdbc-hikaricp")
            .jvmOption("-XX:+EnableDynamicAgentLoading")
            .args("attach", url, "sa", "", pool ? "pool" : "direct", Integer.toString(ROUNDS),
                trigger.toString())
            .start()) {
      app.awaitStdout("ready");

      AttachIT.attach(app);
      app.awaitStderr("serving metrics on");

      Files.createFile(trigger);
      app.awaitStdout("done");
      Scrape s = app.scrape();
      String why = app.dump() + String.join("\n", s.keysStartingWith("db_queries_total"));
      assertThat(s.value("db_queries_total", "query_type", "SELECT", "table", "customers"))
          .as(why).isEqualTo((double) ROUNDS);
      assertThat(s.value("db_queries_total", "query_type", "UPDATE", "table", "customers"))
          .as(why).isEqualTo((double) ROUNDS);
      assertThat(s.keysStartingWith("db_queries_total{")).as(why).hasSize(2);
      assertThat(s.value("cachedb_agent_transform_errors_total")).as(why).isEqualTo(0.0);
    }
  }
}
