package dev.cachedb.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.bootstrap.CallDepth;
import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pools that time usage on their own per-connection object, checked out inside getConnection
 * (Vibur, Tomcat JDBC): the borrow's end starts the clock, one reading for both histograms; a
 * check-out outside any borrow (Tomcat's asynchronous one) starts it at once; a failed borrow
 * leaves nothing to start later.
 */
class PoolRecorderCheckOutTest {

  static final class Pool {}

  static final class CheckOutReader extends PoolReader {
    CheckOutReader() {
      super(Pool.class.getName(), "checkout", null);
    }

    @Override
    public void read(Object pool, int[] out) {}

    @Override
    public boolean timesReturnedConnection() {
      return false;
    }
  }

  private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);

  private final PoolRegistry registry = new PoolRegistry();
  private final PoolMetrics metrics = new PoolMetrics(Histograms.CLASSIC);
  private final PoolRecorder recorder = new PoolRecorder(registry, metrics);
  private final PrometheusRegistry prometheus = new PrometheusRegistry();
  private final Pool pool = new Pool();
  private final Object holder = new Object();

  PoolRecorderCheckOutTest() {
    recorder.register(new CheckOutReader());
    prometheus.register(new PoolCollector(registry, metrics));
  }

  @Test
  void aCheckOutInsideABorrowIsTimedFromTheBorrowsEnd() throws IOException {
    long end = System.nanoTime() - AN_HOUR; // as if the borrow had ended an hour ago
    checkOutInsideABorrow();
    recorder.acquired(pool, new Object(), end - 1_000, end);
    assertThat(secondsOfTheOneUsage()).isGreaterThanOrEqualTo(3600.0);
  }

  @Test
  void aCheckOutOutsideABorrowStartsTheClockAtOnce() throws IOException {
    recorder.checkedOut(pool, holder);
    assertThat(secondsOfTheOneUsage()).isLessThan(3600.0);
  }

  @Test
  void aFailedBorrowLeavesNoCheckOutForTheNextBorrowToStart() throws IOException {
    checkOutInsideABorrow();
    recorder.acquireFailed(pool, 1_000);
    long now = System.nanoTime();
    recorder.acquired(pool, new Object(), now - 1_000, now);
    recorder.released(holder);
    assertThat(scrape())
        .contains("db_connection_usage_duration_seconds_count{pool=\"checkout-1\"} 0")
        .contains("db_connection_acquire_errors_total{pool=\"checkout-1\"} 1.0");
  }

  private void checkOutInsideABorrow() {
    int[] depths = CallDepth.counters();
    depths[CallDepth.POOL_BORROW]++;
    try {
      recorder.checkedOut(pool, holder);
    } finally {
      depths[CallDepth.POOL_BORROW]--;
    }
  }

  /** Returns the holder, and the seconds of the one usage that recorded. */
  private double secondsOfTheOneUsage() throws IOException {
    recorder.released(holder);
    String text = scrape();
    assertThat(text).contains("db_connection_usage_duration_seconds_count{pool=\"checkout-1\"} 1");
    String sum = "db_connection_usage_duration_seconds_sum{pool=\"checkout-1\"} ";
    int at = text.indexOf(sum);
    assertThat(at).isNotNegative();
    return Double.parseDouble(text.substring(at + sum.length(), text.indexOf('\n', at)).trim());
  }

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, prometheus.scrape());
    return out.toString(StandardCharsets.UTF_8.name());
  }
}
