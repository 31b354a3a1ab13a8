package dev.cachedb.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.PoolLeakApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import org.junit.jupiter.api.Test;

/**
 * 2,000 pools of every kind created, used and closed, plus three dropped unclosed: afterwards every
 * one of them can be collected (the agent holds none) and the scrape shows none of their series.
 */
class PoolLeakIT {
  private static final int POOLS = 2000;

  @Test
  void agentHoldsNoPoolAfterCloseOrDrop() throws Exception {
    try (AppProcess app =
        AppProcess.testMain(
                PoolLeakApp.class,
                "pool-hikari-7.1.0",
                "pool-dbcp2-2.14.0",
                "pool-dbcp-1.4",
                "pool-c3p0-0.14.1",
                "pool-tomcat-jdbc-11.0.27",
                "pool-tomcat-dbcp-11.0.18",
                "pool-tomcat-dbcp-7.0.109",
                "pool-druid-1.2.28",
                "pool-vibur-26.0",
                "pool-agroal-2.8",
                // UCP 23 keeps the first data source of a JVM itself, agent or not
                "pool-ucp-19.3",
                "pool-drivers")
            .agent("port=0,host=127.0.0.1,jvm_metrics.enabled=false")
            .args(String.valueOf(POOLS), "jdbc:h2:mem:leak;DB_CLOSE_DELAY=-1",
                "hikari", "dbcp2", "dbcp", "c3p0", "tomcat", "tomcat-dbcp2", "tomcat-dbcp",
                "druid", "vibur", "agroal", "ucp")
            .start()) {
      app.awaitStdout("COLLECTED");
      assertThat(app.stdout()).contains("COLLECTED " + (POOLS + 3) + " OF " + (POOLS + 3));
      Scrape s = app.scrape();
      assertThat(s.keysStartingWith("db_connection")).as(s.text()).isEmpty();
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(0.0);
    }
  }
}
