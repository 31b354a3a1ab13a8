package dev.cachedb.agent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowQueryLogTest {
  private final QuerySeries series = new QueryMetrics(new PrometheusRegistry(), Histograms.CLASSIC).series("SELECT", "t");
  private final List<String> lines = new ArrayList<>();

  @Test
  void aStormGivesOneLineAndTheNextLineCountsTheRest() throws InterruptedException {
    SlowQueryLog log = new SlowQueryLog(50_000_000L, lines::add); // 50 ms
    for (int i = 0; i < 1000; i++) {
      log.slow("SELECT a FROM t WHERE b = 42", series, 600_000_000L);
    }
    assertThat(lines).containsExactly("slow query: 600 ms, SELECT t: SELECT a FROM t WHERE b = ?");
    Thread.sleep(60);
    log.slow("SELECT a FROM t WHERE b = 43", series, 700_000_000L);
    assertThat(lines)
        .last()
        .isEqualTo(
            "slow query: 700 ms, SELECT t: SELECT a FROM t WHERE b = ?"
                + " (999 more slow queries not logged since the last line)");
  }

  @Test
  void unknownSqlIsSaidSo() {
    new SlowQueryLog(1_000_000_000L, lines::add).slow(null, series, 900_000_000L);
    assertThat(lines)
        .containsExactly(
            "slow query: 900 ms, SELECT t: (SQL unknown: prepared before the agent started)");
  }

  @Test
  void accountStatementsLogNoPassword() {
    SlowQueryLog log = new SlowQueryLog(0L, lines::add);
    log.slow("CREATE USER bob IDENTIFIED BY \"Zq7pw\"", series, 600_000_000L);
    log.slow("ALTER USER bob IDENTIFIED BY Zq7pw", series, 600_000_000L);
    log.slow("SELECT AES_ENCRYPT(name, \"Zq7pw\") FROM t", series, 600_000_000L);
    log.slow("SELECT q'[it's Zq7pw]' FROM t", series, 600_000_000L);
    assertThat(lines)
        .hasSize(4)
        .noneMatch(line -> line.contains("Zq7"))
        .anyMatch(line -> line.endsWith("CREATE USER bob IDENTIFIED BY ?"));
  }
}
