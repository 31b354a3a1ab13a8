package dev.cachedb.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A pool that ends from inside (UCP's data source, whose inner pool stops): the closing advice
 * reports the inner part, and only the pool whose reader owns that part loses its series.
 */
class PoolRecorderClosedFromInsideTest {

  /** The long-lived inner pool the closing advice sees. */
  static final class Inner {}

  /** The registered data source, holding its inner pool. */
  static final class Outer {
    final String name;
    final Inner inner = new Inner();

    Outer(String name) {
      this.name = name;
    }
  }

  static final class OuterReader extends PoolReader {
    OuterReader() {
      super(Outer.class.getName(), "outer", null);
    }

    @Override
    public String ownName(Object pool) {
      return ((Outer) pool).name;
    }

    @Override
    public void read(Object pool, int[] out) {
      out[TOTAL] = 2;
      out[IDLE] = 2;
      out[ACTIVE] = 0;
      out[PENDING] = 0;
      out[MAX] = 2;
    }

    @Override
    public boolean closesWith(Object pool, Object part) {
      return ((Outer) pool).inner == part;
    }
  }

  private final PoolRegistry registry = new PoolRegistry();
  private final PoolMetrics metrics = new PoolMetrics(Histograms.CLASSIC);
  private final PoolRecorder recorder = new PoolRecorder(registry, metrics);
  private final PrometheusRegistry prometheus = new PrometheusRegistry();

  PoolRecorderClosedFromInsideTest() {
    recorder.register(new OuterReader());
    prometheus.register(new PoolCollector(registry, metrics));
  }

  @Test
  void theStoppedInnerPoolTakesOnlyItsOwnDataSourcesSeries() throws IOException {
    Outer orders = new Outer("orders");
    Outer billing = new Outer("billing");
    recorder.opened(orders);
    recorder.opened(billing);
    assertThat(scrape()).contains("db_connection_pool_max{pool=\"orders\"} 2.0")
        .contains("db_connection_pool_max{pool=\"billing\"} 2.0");

    recorder.closed(new Inner()); // a part of no registered pool: nothing goes
    assertThat(scrape()).contains("cachedb_agent_pools_tracked 2.0");

    recorder.closed(orders.inner);
    String text = scrape();
    assertThat(text).doesNotContain("pool=\"orders\"")
        .contains("db_connection_pool_max{pool=\"billing\"} 2.0")
        .contains("cachedb_agent_pools_tracked 1.0");

    recorder.opened(orders); // a later getConnection restarts the pool
    assertThat(scrape()).contains("db_connection_pool_max{pool=\"orders\"} 2.0");
  }

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, prometheus.scrape());
    return out.toString(StandardCharsets.UTF_8.name());
  }
}
