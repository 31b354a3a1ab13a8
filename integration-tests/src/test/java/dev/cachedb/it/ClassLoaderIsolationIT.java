package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.ClassLoaderIsolationApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web applications in class loaders of their own (parent: the platform loader, like a servlet
 * container's), each with its own Jedis 8, Lettuce 7, HikariCP 7 and H2: every call counted
 * exactly, one application alone and two side by side; each pool under its own name; and once
 * an application is undeployed, its loader is collected (the agent holds nothing of it) and its
 * pool is gone from the scrape. See {@link ClassLoaderIsolationApp}.
 */
class ClassLoaderIsolationIT {

  @Test
  void webAppsInIsolatedLoadersAreCountedAndLeftCollectable(@TempDir Path signals)
      throws Exception {
    try (RedisTestServer redis = RedisTestServer.start();
        AppProcess app =
            AppProcess.testMain(ClassLoaderIsolationApp.class)
                .agent("port=0,host=127.0.0.1,jvm_metrics.enabled=false")
                .args(redis.host(), String.valueOf(redis.port()), signals.toString(), webAppPath())
                .start()) {
      app.awaitStdout("phase-1");
      assertThat(app.stdout())
          .contains("libraries loaded by webapp-a/webapp-a/webapp-a/webapp-a");
      Scrape one = app.scrape();
      assertRequests(one, 1);
      assertWebApp(one, "webapp-a", "items_a", 1);
      assertThat(one.value("cachedb_agent_pools_tracked")).isEqualTo(1.0);

      Files.createFile(signals.resolve("go-1"));
      app.awaitStdout("phase-2");
      assertThat(app.stdout())
          .contains("libraries loaded by webapp-b/webapp-b/webapp-b/webapp-b");
      Scrape two = app.scrape();
      assertRequests(two, 3);
      assertWebApp(two, "webapp-a", "items_a", 2);
      assertWebApp(two, "webapp-b", "items_b", 1);
      assertThat(two.value("cachedb_agent_pools_tracked")).isEqualTo(2.0);

      Files.createFile(signals.resolve("go-2"));
      app.awaitStdout("phase-3");
      assertThat(app.stdout()).as(app.dump()).contains("COLLECTED webapp-a");
      Scrape three = app.scrape();
      assertThat(three.text()).doesNotContain("pool=\"webapp-a\"");
      assertWebApp(three, "webapp-b", "items_b", 1);
      assertThat(three.value("cachedb_agent_pools_tracked")).isEqualTo(1.0);
      assertThat(three.value("cachedb_agent_transform_errors_total")).isEqualTo(0.0);
    }
  }

  /** Every request of every web application, in the shared cache counters. */
  private static void assertRequests(Scrape s, int requests) {
    assertThat(ops(s, "set", "success")).as(s.text()).isEqualTo(2.0 * requests);
    assertThat(ops(s, "get", "hit")).isEqualTo(7.0 * requests);
    assertThat(ops(s, "get", "miss")).isEqualTo(3.0 * requests);
    assertThat(ops(s, "del", "success")).isEqualTo(1.0 * requests);
  }

  private static void assertWebApp(Scrape s, String pool, String table, int requests) {
    assertThat(queries(s, "CREATE", table)).as(s.text()).isEqualTo(1.0);
    assertThat(queries(s, "INSERT", table)).isEqualTo(3.0 * requests);
    assertThat(queries(s, "SELECT", table)).isEqualTo(2.0 * requests);
    assertThat(queries(s, "DELETE", table)).isEqualTo(1.0 * requests);
    // one borrow at start, one per request
    assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", pool))
        .isEqualTo(1.0 + requests);
    assertThat(s.value("db_connection_pool_max", "pool", pool)).isEqualTo(2.0);
    assertThat(s.value("db_connection_pool_active", "pool", pool)).isEqualTo(0.0);
  }

  private static double ops(Scrape s, String operation, String result) {
    Double v = s.value("cache_operations_total", "operation", operation, "result", result);
    return v == null ? 0 : v;
  }

  private static double queries(Scrape s, String type, String table) {
    Double v = s.value("db_queries_total", "query_type", type, "table", table);
    return v == null ? 0 : v;
  }

  /**
   * The web application's own class path: its classes and the libraries' jars, one jar per
   * artifact (both Jedis and HikariCP bring an slf4j-api; the newer one wins).
   */
  private static String webAppPath() {
    List<Path> entries = new ArrayList<>();
    entries.add(Artifacts.appClasses());
    Map<String, Path> jars = new LinkedHashMap<>();
    for (String folder :
        new String[] {"pool-hikari-7.1.0", "jedis-8.0.2", "lettuce-7.7.0.RELEASE", "jdbc-h2"}) {
      for (Path jar : Artifacts.libs(folder)) {
        jars.putIfAbsent(jar.getFileName().toString().replaceAll("-[0-9][^-]*\\.jar$", ""), jar);
      }
    }
    entries.addAll(jars.values());
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
