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
 * The recorder's paths for the Redis clients' commons-pool2 pools: a pool that lends its own
 * long-lived objects, a return through the pool's own method with what it lent (a wrapper the
 * reader unwraps), a pool whose close only its reader can tell, and server names numbered.
 */
class PoolRecorderLentObjectsTest {

  /** What a client's pool lends: a wrapper per borrow, around its long-lived connection. */
  static final class Wrapper {
    final Object connection;

    Wrapper(Object connection) {
      this.connection = connection;
    }
  }

  /** A pool whose figures the test sets. */
  static final class Pool {
    final String server;
    boolean closed;

    Pool(String server) {
      this.server = server;
    }
  }

  static final class LendingReader extends PoolReader {
    LendingReader() {
      super(Pool.class.getName(), "client", null);
    }

    @Override
    public String ownName(Object pool) {
      return "client-" + ((Pool) pool).server;
    }

    @Override
    public void read(Object pool, int[] out) {
      out[TOTAL] = 1;
      out[IDLE] = 1;
      out[ACTIVE] = 0;
      out[PENDING] = 0;
      out[MAX] = 2;
    }

    @Override
    public Object usageKey(Object lent) {
      return lent instanceof Wrapper ? ((Wrapper) lent).connection : lent;
    }

    @Override
    public boolean lendsItsOwnObjects() {
      return true;
    }

    @Override
    public boolean numbersTakenNames() {
      return true;
    }

    @Override
    public boolean closed(Object pool) {
      return ((Pool) pool).closed;
    }
  }

  private final PoolRegistry registry = new PoolRegistry();
  private final PoolMetrics metrics = new PoolMetrics(Histograms.CLASSIC);
  private final PoolRecorder recorder = new PoolRecorder(registry, metrics);
  private final PrometheusRegistry prometheus = new PrometheusRegistry();

  PoolRecorderLentObjectsTest() {
    recorder.register(new LendingReader());
    prometheus.register(new PoolCollector(registry, metrics));
  }

  @Test
  void aLentPooledObjectIsTimedOnOneSlotReusedByEveryBorrow() throws IOException {
    Pool pool = new Pool("127.0.0.1:6379");
    Object connection = new Object();
    for (int i = 0; i < 3; i++) {
      recorder.acquired(pool, connection, System.nanoTime() - 1_000, System.nanoTime());
      assertThat(recorder.runningBorrows()).isEqualTo(1);
      recorder.released(connection);
    }
    assertThat(recorder.runningBorrows()).isEqualTo(1); // the slot, no entry per borrow
    String text = scrape();
    assertThat(text)
        .contains("db_connection_acquire_duration_seconds_count{pool=\"client-127.0.0.1:6379\"} 3")
        .contains("db_connection_usage_duration_seconds_count{pool=\"client-127.0.0.1:6379\"} 3");
  }

  @Test
  void aWrapperGivenBackThroughThePoolStopsTheClockOfTheConnectionInside() throws IOException {
    Pool pool = new Pool("127.0.0.1:6379");
    Object connection = new Object();
    Wrapper first = new Wrapper(connection);
    recorder.acquired(pool, first, System.nanoTime() - 1_000, System.nanoTime());
    recorder.returned(pool, first);
    Wrapper second = new Wrapper(connection);
    recorder.acquired(pool, second, System.nanoTime() - 1_000, System.nanoTime());
    recorder.returned(pool, second);
    recorder.returned(pool, second); // a second return stops nothing
    recorder.returned(new Pool("elsewhere"), new Wrapper(connection)); // an unknown pool
    assertThat(scrape())
        .contains("db_connection_usage_duration_seconds_count{pool=\"client-127.0.0.1:6379\"} 2");
  }

  @Test
  void aSecondPoolToTheSameServerIsNumberedAndAClosedOneGoesAtTheNextScrape()
      throws IOException {
    Pool first = new Pool("127.0.0.1:6379");
    Pool second = new Pool("127.0.0.1:6379");
    recorder.opened(first);
    recorder.opened(second);
    String text = scrape();
    assertThat(text)
        .contains("db_connection_pool_max{pool=\"client-127.0.0.1:6379\"} 2.0")
        .contains("db_connection_pool_max{pool=\"client-127.0.0.1:6379-2\"} 2.0")
        .contains("cachedb_agent_pools_tracked 2.0");
    first.closed = true;
    text = scrape();
    assertThat(text)
        .doesNotContain("pool=\"client-127.0.0.1:6379\"")
        .contains("pool=\"client-127.0.0.1:6379-2\"")
        .contains("cachedb_agent_pools_tracked 1.0");
  }

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, prometheus.scrape());
    return out.toString(StandardCharsets.UTF_8.name());
  }
}
