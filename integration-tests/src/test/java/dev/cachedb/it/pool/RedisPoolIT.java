package dev.cachedb.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.RedisPoolApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.WithRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Redis clients' own pools in the {@code db_connection_pool_*} families, against a real
 * Redis: one child JVM per pool kind and client version runs {@link RedisPoolApp} with the agent,
 * and each phase's scrape is checked exactly: borrows and returns counted, the gauges from
 * commons-pool2's counters, a waiting borrower and its timeout, both pools' series gone at close,
 * and never the application's own pool of strings.
 */
class RedisPoolIT {
  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "jedis-pool, jedis-2.9.0, jedis",
    "jedis-pool, jedis-3.10.0, jedis",
    "jedis-pool, jedis-4.0.0, jedis",
    "jedis-pool, jedis-8.0.2, jedis",
    "jedis-provider, jedis-4.0.0, jedis",
    "jedis-provider, jedis-8.0.2, jedis",
    "lettuce-generic, lettuce-5.0.0.RELEASE, lettuce",
    "lettuce-generic, lettuce-7.7.0.RELEASE, lettuce",
    "lettuce-soft, lettuce-7.7.0.RELEASE, lettuce"
  })
  void countsBorrowsReadsGaugesTimeoutsAndForgetsClosedPools(
      String kind, String libs, String client) throws Exception {
    String main = client + "-" + redis.server().host() + ":" + redis.server().port();
    String spare = main + "-2";
    boolean bounded = !kind.equals("lettuce-soft");
    Path signals = Files.createTempDirectory("redis-pool-it");
    try (AppProcess app =
        AppProcess.testMain(RedisPoolApp.class, libs, "commons-pool2")
            .agent("port=0")
            .args(kind, redis.server().host(), Integer.toString(redis.server().port()),
                signals.toString())
            .start()) {
      app.awaitStdout("phase-borrowed");
      Scrape s = app.scrape();
      assertThat(pools(s)).as(s.text() + app.dump()).containsExactly(main, spare);
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(2.0);
      assertThat(acquires(s, main)).isEqualTo(10);
      assertThat(usages(s, main)).isEqualTo(10);
      assertThat(acquires(s, spare)).isEqualTo(1);
      assertThat(usages(s, spare)).isEqualTo(1);
      gauges(s, main, bounded, 1, 1, 0, 0);
      gauges(s, spare, bounded, 1, 1, 0, 0);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", main)).isEqualTo(0.0);
      signal(signals, "borrowed");

      app.awaitStdout("phase-holding");
      s = app.scrape();
      assertThat(acquires(s, main)).as(s.text()).isEqualTo(12);
      assertThat(usages(s, main)).isEqualTo(10);
      gauges(s, main, bounded, 2, 0, 2, 0);
      signal(signals, "holding");

      if (bounded) {
        app.awaitStdout("phase-waiting");
        s = app.scrape();
        gauges(s, main, true, 2, 0, 2, 1);
        signal(signals, "waiting");
      }

      app.awaitStdout("phase-timed-out");
      s = app.scrape();
      assertThat(app.stdout()).doesNotContain("UNEXPECTED");
      // the third borrow failed: an error, not an acquire
      assertThat(acquires(s, main)).as(s.text()).isEqualTo(12);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", main))
          .isEqualTo(bounded ? 1.0 : 0.0);
      assertThat(usages(s, main)).isEqualTo(12);
      gauges(s, main, bounded, 2, 2, 0, 0);
      signal(signals, "timed-out");

      app.awaitStdout("phase-closed");
      s = app.scrape();
      assertThat(pools(s)).as(s.text()).isEmpty();
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(0.0);
      assertThat(s.text()).doesNotContain("pool=\"" + client);
      signal(signals, "closed");
    }
  }

  private static void gauges(
      Scrape s, String pool, boolean bounded, int size, int available, int active, int pending) {
    String as = pool + "\n" + s.text();
    assertThat(s.value("db_connection_pool_size", "pool", pool)).as(as).isEqualTo(size);
    assertThat(s.value("db_connection_pool_available", "pool", pool)).as(as).isEqualTo(available);
    assertThat(s.value("db_connection_pool_active", "pool", pool)).as(as).isEqualTo(active);
    if (bounded) {
      assertThat(s.value("db_connection_pool_max", "pool", pool)).as(as).isEqualTo(2.0);
      assertThat(s.value("db_connection_pool_pending", "pool", pool)).as(as).isEqualTo(pending);
    } else {
      // a SoftReferenceObjectPool has neither a maximum nor waiters
      assertThat(s.has("db_connection_pool_max", "pool", pool)).as(as).isFalse();
      assertThat(s.has("db_connection_pool_pending", "pool", pool)).as(as).isFalse();
    }
  }

  private static double acquires(Scrape s, String pool) {
    return s.value("db_connection_acquire_duration_seconds_count", "pool", pool);
  }

  private static double usages(Scrape s, String pool) {
    return s.value("db_connection_usage_duration_seconds_count", "pool", pool);
  }

  /** The pools the size gauge shows, sorted. */
  private static List<String> pools(Scrape s) {
    TreeSet<String> names = new TreeSet<>();
    for (String key : s.keysStartingWith("db_connection_pool_size{")) {
      int start = key.indexOf("pool=\"") + 6;
      names.add(key.substring(start, key.indexOf('"', start)));
    }
    return new ArrayList<>(names);
  }

  private static void signal(Path signals, String phase) throws Exception {
    Files.createFile(signals.resolve("go-" + phase));
  }
}
