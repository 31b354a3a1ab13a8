package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.JCacheApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import org.junit.jupiter.api.Test;

/**
 * JCache without Spring, on Ehcache 3: cache_gets_total, cache_puts_total and
 * cache_removals_total per cache equal what Ehcache's own CacheStatisticsMXBean counted for the
 * same calls, and the figures the workload implies.
 */
class JCacheIT {

  @Test
  void countsPerCacheEqualTheProvidersStatistics() throws Exception {
    try (AppProcess app = AppProcess.testMain(JCacheApp.class, "jcache-ehcache-3.12.0")
        .agent("port=0,host=127.0.0.1").start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      System.out.println("jcache: " + app.stdout().trim().replace('\n', ';') + " agent: "
          + s.text().lines().filter(l -> l.matches("cache_(gets|puts|removals)_total\\{.*"))
              .reduce((a, b) -> a + "; " + b).orElse("none"));
      // hits, misses, puts, removals: from the workload in JCacheApp
      assertCache(s, app.stdout(), "users", 5, 3, 5, 0);
      assertCache(s, app.stdout(), "sessions", 4, 3, 4, 4);
    }
  }

  private static void assertCache(Scrape s, String stdout, String cache, long hits, long misses,
      long puts, long removals) {
    String expected = "stats " + cache + " " + hits + " " + misses + " " + puts + " " + removals;
    assertThat(stdout).as("Ehcache's own statistics").contains(expected + "\n");
    assertThat(s.value("cache_gets_total", "cache", cache, "provider", "ehcache", "result", "hit"))
        .isEqualTo((double) hits);
    assertThat(s.value("cache_gets_total", "cache", cache, "provider", "ehcache", "result",
        "miss")).isEqualTo((double) misses);
    assertThat(s.value("cache_puts_total", "cache", cache, "provider", "ehcache"))
        .isEqualTo((double) puts);
    Double removed = s.value("cache_removals_total", "cache", cache, "provider", "ehcache");
    assertThat(removed == null ? 0 : removed).isEqualTo((double) removals);
  }
}
