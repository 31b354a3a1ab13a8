package dev.cachedb.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import org.junit.jupiter.api.Test;

/** test-app's pool workloads (one pool of each kind, built in code) seen through the agent. */
class PoolTestAppIT {

  @Test
  void everyPoolKindOfTestAppIsMeasured() throws Exception {
    try (AppProcess app =
        AppProcess.testApp()
            .agent("port=0,host=127.0.0.1,jvm_metrics.enabled=false")
            .args("--pools=all", "--rounds=10", "--interval-ms=0", "--linger")
            .start()) {
      app.awaitStdout("lingering");
      Scrape s = app.scrape();
      String[] pools = {
        "testapp-hikari", "dev.cachedb.testapp:name=testapp-dbcp2", "dbcp-1", "testapp-c3p0",
        "testapp-tomcat"
      };
      for (String pool : pools) {
        // 10 rounds of 2 borrows each; all returned, none failed
        assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", pool))
            .as(pool + "\n" + s.text()).isEqualTo(20.0);
        assertThat(s.value("db_connection_usage_duration_seconds_count", "pool", pool))
            .isEqualTo(20.0);
        assertThat(s.value("db_connection_acquire_errors_total", "pool", pool)).isEqualTo(0.0);
        assertThat(s.value("db_connection_pool_active", "pool", pool)).isEqualTo(0.0);
        assertThat(s.value("db_connection_pool_max", "pool", pool)).isEqualTo(5.0);
      }
      // the five above, the HikariCP pool of test-app's query workload and its JedisPool
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(7.0);
    }
  }
}
