package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.OwnLibrariesApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import org.junit.jupiter.api.Test;

/** The agent's shaded Byte Buddy and client_java never meet the application's own copies. */
class OwnLibrariesIT {

  @Test
  void applicationKeepsItsOwnPrometheusAndByteBuddy() throws Exception {
    try (AppProcess app =
        AppProcess.testMain(OwnLibrariesApp.class, "own-libs").agent("port=0").args("60000").start()) {
      app.awaitStdout("own-libs: ok");
      String out = app.stdout();
      assertThat(out).contains("own-libs: made by the app's own Byte Buddy");
      assertThat(out).contains("own-libs: client_java from prometheus-metrics-core-1.3.10.jar, "
              + "byte-buddy from byte-buddy-1.14.18.jar");
      assertThat(out).contains("own-libs: metric shop_orders");
      assertThat(out.lines().filter(l -> l.startsWith("own-libs: metric ")).count()).isEqualTo(1);

      // and the agent still serves its own registry beside it
      Scrape s = app.scrape();
      assertThat(s.value("cachedb_agent_info", "version", "0.1.0")).isEqualTo(1.0);
      assertThat(s.text()).doesNotContain("shop_orders");
    }
  }
}
