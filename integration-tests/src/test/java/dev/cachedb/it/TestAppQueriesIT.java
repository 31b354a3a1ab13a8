package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import org.junit.jupiter.api.Test;

/** test-app's query workloads, DriverManager on customers and HikariCP on orders, counted exactly. */
class TestAppQueriesIT {
  private static final int ROUNDS = 7;

  @Test
  void everyStatementOfBothWorkloadsCountsOnce() throws Exception {
    try (AppProcess app =
        AppProcess.testApp()
            .agent("port=0,host=127.0.0.1")
            .args("--rounds=" + ROUNDS, "--interval-ms=0", "--linger")
            .start()) {
      app.awaitStdout("test-app: lingering");
      Scrape s = app.scrape();
      for (String table : new String[] {"customers", "orders"}) {
        String why = table + "\n" + app.dump();
        // per round: INSERT + batch INSERT, SELECT, UPDATE, DELETE; setUp adds one DELETE
        assertThat(count(s, "INSERT", table)).as(why).isEqualTo(2.0 * ROUNDS);
        assertThat(count(s, "SELECT", table)).as(why).isEqualTo(ROUNDS);
        assertThat(count(s, "UPDATE", table)).as(why).isEqualTo(ROUNDS);
        assertThat(count(s, "DELETE", table)).as(why).isEqualTo(ROUNDS + 1.0);
      }
    }
  }

  private static double count(Scrape s, String type, String table) {
    Double v = s.value("db_queries_total", "query_type", type, "table", table);
    return v == null ? 0 : v;
  }
}
