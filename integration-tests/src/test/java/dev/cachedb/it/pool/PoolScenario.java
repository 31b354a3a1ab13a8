package dev.cachedb.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.PoolWorkloadApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Runs {@link PoolWorkloadApp} for one pool library version against one database and asserts the
 * exact numbers at each of its steps. Shared by the H2, MariaDB and PostgreSQL matrices and the
 * version sweep.
 */
public final class PoolScenario {
  private static final long SETTLE_MS = 20_000;

  private final String kind;
  private final String folder;

  public PoolScenario(String kind, String folder) {
    this.kind = kind;
    this.folder = folder;
  }

  /** DBCP 1.4's commons-pool, and Tomcat 7's copy of it, keep their waiters private. */
  private boolean tellsPending() {
    return !kind.equals("dbcp") && !kind.equals("tomcat-dbcp");
  }

  private String label(String name, int order) {
    switch (kind) {
      case "dbcp2":
        return "dev.cachedb.it:type=pool,name=" + name;
      case "tomcat-dbcp2":
        return "jdbc/" + name;
      case "dbcp":
      case "tomcat-dbcp":
      case "agroal":
        return kind + "-" + order;
      default:
        return name;
    }
  }

  public void run(String url, String user, String password) throws Exception {
    Path steps = Files.createTempDirectory("pool-steps");
    String a = label("pool-a", 1);
    String b = label("pool-b", 2);
    String c = label("pool-c", 3);
    try (AppProcess app =
        AppProcess.testMain(PoolWorkloadApp.class, folder, "pool-drivers")
            .agent("port=0,host=127.0.0.1,jvm_metrics.enabled=false")
            .args(kind, url, user, password, steps.toString())
            .start()) {
      app.awaitStdout("A-HELD");
      Scrape s = settle(app, x -> eq(x, "db_connection_pool_size", a, 5)
          && eq(x, "db_connection_pool_active", a, 3));
      assertGauges(s, a, 5, 2, 3, 5, 0);
      assertThat(count(s, "db_connection_acquire_duration_seconds", a)).isEqualTo(3);
      assertThat(count(s, "db_connection_usage_duration_seconds", a)).isEqualTo(0);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", a)).isEqualTo(0.0);
      Files.createFile(steps.resolve("go-1"));

      app.awaitStdout("B-WAITING");
      s = settle(app, x -> eq(x, "db_connection_pool_active", b, 2)
          && (!tellsPending() || eq(x, "db_connection_pool_pending", b, 1)));
      assertGauges(s, b, 2, 0, 2, 2, 1);
      assertThat(count(s, "db_connection_acquire_duration_seconds", b)).isEqualTo(2);
      Files.createFile(steps.resolve("go-2"));

      app.awaitStdout("RELEASED");
      assertThat(app.stdout()).contains("C-TIMED-OUT");
      s = app.scrape();
      assertThat(count(s, "db_connection_acquire_duration_seconds", a)).isEqualTo(3);
      assertThat(count(s, "db_connection_usage_duration_seconds", a)).isEqualTo(3);
      assertThat(count(s, "db_connection_acquire_duration_seconds", b)).isEqualTo(3);
      assertThat(count(s, "db_connection_usage_duration_seconds", b)).isEqualTo(3);
      assertThat(count(s, "db_connection_acquire_duration_seconds", c)).isEqualTo(1);
      assertThat(count(s, "db_connection_usage_duration_seconds", c)).isEqualTo(1);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", a)).isEqualTo(0.0);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", b)).isEqualTo(0.0);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", c)).isEqualTo(1.0);
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(3.0);
      Files.createFile(steps.resolve("go-3"));

      app.awaitStdout("CLOSED");
      s = app.scrape();
      assertThat(s.keysStartingWith("db_connection")).as(app.dump()).isEmpty();
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(0.0);
    }
  }

  private void assertGauges(
      Scrape s, String pool, int size, int available, int active, int max, int pending) {
    assertThat(s.value("db_connection_pool_size", "pool", pool)).as(s.text()).isEqualTo(size);
    assertThat(s.value("db_connection_pool_available", "pool", pool)).isEqualTo(available);
    assertThat(s.value("db_connection_pool_active", "pool", pool)).isEqualTo(active);
    assertThat(s.value("db_connection_pool_max", "pool", pool)).isEqualTo(max);
    if (tellsPending()) {
      assertThat(s.value("db_connection_pool_pending", "pool", pool)).isEqualTo(pending);
    } else {
      assertThat(s.has("db_connection_pool_pending", "pool", pool)).isFalse();
    }
  }

  /** Pools fill in the background (Hikari, c3p0): scrape until the state has settled. */
  private static Scrape settle(AppProcess app, Predicate<Scrape> done) throws Exception {
    long deadline = System.currentTimeMillis() + SETTLE_MS;
    Scrape s = app.scrape();
    while (!done.test(s) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      s = app.scrape();
    }
    return s;
  }

  private static boolean eq(Scrape s, String name, String pool, double v) {
    Double d = s.value(name, "pool", pool);
    return d != null && d == v;
  }

  private static double count(Scrape s, String histogram, String pool) {
    Double d = s.value(histogram + "_count", "pool", pool);
    return d == null ? -1 : d;
  }
}
