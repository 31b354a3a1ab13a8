package dev.cachedb.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.PoolQueriesApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries through every pool library version's proxies, on H2 in memory: each execute counts once
 * and exactly, with the SQL of a prepared statement found through the pool's proxy connection.
 * The agent leaves the pools' proxy classes uninstrumented and times the driver's statement under
 * them, so this is what proves nothing is lost or doubled on the way.
 */
class PoolQueriesIT {

  @ParameterizedTest(name = "{1}")
  @MethodSource("dev.cachedb.it.pool.PoolLibraries#all")
  void everyExecuteThroughThePoolCountsOnce(String kind, String folder) throws Exception {
    try (AppProcess app =
        AppProcess.testMain(PoolQueriesApp.class, folder, "pool-drivers")
            .agent("port=0,host=127.0.0.1,jvm_metrics.enabled=false")
            .args(kind, "jdbc:h2:mem:poolq;DB_CLOSE_DELAY=-1", "sa", "")
            .start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      assertThat(app.stdout()).as(app.dump()).doesNotContain("UNEXPECTED");
      assertQueries(s, "CREATE", "probe", 1, 0);
      assertQueries(s, "INSERT", "probe", 2, 0);
      assertQueries(s, "SELECT", "probe", 4, 0);
      assertQueries(s, "UPDATE", "probe", 2, 0);
      assertQueries(s, "DELETE", "probe", 1, 0);
      assertQueries(s, "SELECT", "missing_probe", 1, 1);
    }
  }

  private static void assertQueries(Scrape s, String type, String table, int count, int errors) {
    String[] labels = {"query_type", type, "table", table};
    String why = type + " " + table;
    assertThat(s.value("db_queries_total", labels)).as(why).isEqualTo((double) count);
    assertThat(s.value("db_query_duration_seconds_count", labels)).as(why).isEqualTo((double) count);
    assertThat(s.value("db_query_errors_total", labels)).as(why).isEqualTo((double) errors);
  }
}
