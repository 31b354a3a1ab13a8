package dev.cachedb.it.sweep;

import dev.cachedb.it.apps.SpringCacheSweepApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import java.util.ArrayList;
import java.util.List;

/**
 * One spring-context version in one child JVM: {@link SpringCacheSweepApp}'s calls on a
 * ConcurrentMapCache, and the scrape must hold exactly their figures.
 */
final class CacheSweep {
  private static final String CHECKED = "ConcurrentMapCache: get (value, stored null, absent), "
      + "typed get, loading get (found, loaded), put, putIfAbsent, evict, clear";
  private static final long START_TIMEOUT_MS = 60_000;

  private CacheSweep() {}

  static SweepResult run(SweepRow row) throws Exception {
    try (AppProcess app = AppProcess.testMain(SpringCacheSweepApp.class, "sweep/" + row.folder())
        .agent("port=0,host=127.0.0.1,jvm_metrics.enabled=false")
        .start()) {
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
      while (!app.stdout().contains("done\n")) {
        if (!app.isAlive() || System.currentTimeMillis() > deadline) {
          return new SweepResult(row, CHECKED, SweepRow.Outcome.FAILED, "no done:\n" + app.dump());
        }
        Thread.sleep(50);
      }
      Scrape s = app.scrape();
      List<String> wrong = new ArrayList<>();
      expect(wrong, s, 4, "cache_gets_total", "cache", "sweep", "provider", "concurrentmap",
          "result", "hit");
      expect(wrong, s, 3, "cache_gets_total", "cache", "sweep", "provider", "concurrentmap",
          "result", "miss");
      expect(wrong, s, 3, "cache_puts_total", "cache", "sweep", "provider", "concurrentmap");
      expect(wrong, s, 2, "cache_removals_total", "cache", "sweep", "provider", "concurrentmap");
      if (s.text().contains("module=\"spring-cache-4.3\",state=\"refused\"")) {
        return new SweepResult(row, CHECKED, SweepRow.Outcome.REFUSED, "");
      }
      return wrong.isEmpty()
          ? new SweepResult(row, CHECKED, SweepRow.Outcome.WORKS, "")
          : new SweepResult(row, CHECKED, SweepRow.Outcome.FAILED, String.join("; ", wrong));
    }
  }

  private static void expect(List<String> wrong, Scrape s, double value, String name,
      String... labels) {
    Double got = s.value(name, labels);
    if (got == null || got != value) {
      wrong.add(name + String.join(",", labels) + " = " + got + ", expected " + value);
    }
  }
}
