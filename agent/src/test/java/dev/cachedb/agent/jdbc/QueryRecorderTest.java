package dev.cachedb.agent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.jdbc.sql.SqlInfoCache;
import dev.cachedb.agent.jdbc.sql.TableCap;
import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRecorderTest {
  private static final long MS = 1_000_000;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final List<String> log = new ArrayList<>();
  private final QueryRecorder recorder =
      new QueryRecorder(
          new QueryMetrics(registry, Histograms.CLASSIC),
          new SqlInfoCache(100),
          new TableCap(200),
          500 * MS,
          new SlowQueryLog(1_000_000_000L, log::add));

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void preparedStatementExecutionsUseTheSqlTheyWerePreparedWith() throws IOException {
    Object ps = new Object();
    recorder.prepared(ps, "SELECT name FROM customers WHERE id = ?");
    recorder.executed(ps, null, false, 2 * MS, false);
    recorder.executed(ps, null, false, 3 * MS, false);
    String text = scrape();
    assertThat(text).contains("db_queries_total{query_type=\"SELECT\",table=\"customers\"} 2.0");
    assertThat(text)
        .contains("db_query_duration_seconds_count{query_type=\"SELECT\",table=\"customers\"} 2");
    assertThat(text)
        .contains("db_query_duration_seconds_sum{query_type=\"SELECT\",table=\"customers\"} 0.005");
  }

  @Test
  void aStatementPreparedButNeverExecutedLeavesNoSeries() throws IOException {
    // pgjdbc prepares its catalog queries inside DatabaseMetaData calls, whose executes the
    // agent does not count: they must not show up as zero series either.
    recorder.prepared(new Object(), "SELECT * FROM pg_catalog.pg_class WHERE relname = ?");
    Object ps = new Object();
    recorder.prepared(ps, "SELECT name FROM customers WHERE id = ?");
    recorder.executed(ps, null, false, MS, false);
    String text = scrape();
    assertThat(text).doesNotContain("pg_class");
    assertThat(text).contains("db_queries_total{query_type=\"SELECT\",table=\"customers\"} 1.0");
  }

  @Test
  void failedExecutionsCountAsQueriesAndErrors() throws IOException {
    recorder.executed(new Object(), "DELETE FROM orders WHERE id = 7", false, MS, true);
    String text = scrape();
    assertThat(text).contains("db_queries_total{query_type=\"DELETE\",table=\"orders\"} 1.0");
    assertThat(text).contains("db_query_errors_total{query_type=\"DELETE\",table=\"orders\"} 1.0");
    assertThat(text)
        .contains("db_query_duration_seconds_count{query_type=\"DELETE\",table=\"orders\"} 1");
  }

  @Test
  void aPlainBatchIsClassifiedByItsFirstSqlAndForgottenAfterExecuteBatch() throws IOException {
    Object st = new Object();
    recorder.addBatch(st, "INSERT INTO audit_log (id) VALUES (1)");
    recorder.addBatch(st, "DELETE FROM orders WHERE id = 2");
    recorder.executed(st, null, true, MS, false);
    recorder.addBatch(st, "UPDATE orders SET note = 'x'");
    recorder.executed(st, null, true, MS, false);
    String text = scrape();
    assertThat(text).contains("db_queries_total{query_type=\"INSERT\",table=\"audit_log\"} 1.0");
    assertThat(text).contains("db_queries_total{query_type=\"UPDATE\",table=\"orders\"} 1.0");
    assertThat(text).doesNotContain("query_type=\"DELETE\"");
  }

  @Test
  void aPreparedBatchUsesThePreparedSql() throws IOException {
    Object ps = new Object();
    recorder.prepared(ps, "INSERT INTO orders (id) VALUES (?)");
    recorder.executed(ps, null, true, MS, false);
    recorder.executed(ps, null, true, MS, false);
    assertThat(scrape()).contains("db_queries_total{query_type=\"INSERT\",table=\"orders\"} 2.0");
  }

  @Test
  void statementsOfUnknownOriginCountAsOtherNone() throws IOException {
    recorder.executed(new Object(), null, false, MS, false);
    assertThat(scrape()).contains("db_queries_total{query_type=\"OTHER\",table=\"none\"} 1.0");
  }

  @Test
  void slowQueriesAreCountedAndLoggedMaskedOncePerInterval() throws IOException {
    Object ps = new Object();
    recorder.prepared(ps, "SELECT name FROM customers WHERE name = 'alice'");
    recorder.executed(ps, null, false, 499 * MS, false);
    recorder.executed(ps, null, false, 500 * MS, false);
    recorder.executed(ps, null, false, 700 * MS, false);
    assertThat(scrape())
        .contains("db_slow_queries_total{query_type=\"SELECT\",table=\"customers\"} 2.0");
    assertThat(log)
        .containsExactly(
            "slow query: 500 ms, SELECT customers: SELECT name FROM customers WHERE name = ?");
  }
}
