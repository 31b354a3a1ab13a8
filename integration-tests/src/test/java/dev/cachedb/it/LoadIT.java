package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.LoadApp;
import dev.cachedb.it.apps.LoadPlan;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.harness.ScrapeLoop;
import dev.cachedb.it.servers.WithRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact under load: 16 application threads do a fixed, planned workload (Jedis over JedisPool,
 * Lettuce sync and async, HikariCP borrows and SELECT/INSERT/UPDATE over H2) while a scraper hits
 * /metrics in a tight loop. Every counter ends equal to what was done, and no counter the
 * scraper saw ever went down.
 */
class LoadIT {
  private static final int OPS_PER_THREAD = 800;
  private static final Pattern TALLY = Pattern.compile("^TALLY (\\S+) (\\d+)$", Pattern.MULTILINE);
  private static final Pattern DONE = Pattern.compile("^DONE (\\d+)$", Pattern.MULTILINE);
  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  @Test
  void everyCounterIsExactAndOnlyRisesUnderLoad(@TempDir Path dir) throws Exception {
    Path go = dir.resolve("go");
    try (AppProcess app =
        AppProcess.testMain(LoadApp.class, "jedis-8.0.2", "lettuce-7.7.0.RELEASE",
                "jdbc-hikaricp", "jdbc-h2")
            .agent("host=127.0.0.1,port=0")
            .args(redis.server().host(), Integer.toString(redis.server().port()),
                Integer.toString(OPS_PER_THREAD), go.toString())
            .start()) {
      app.awaitStdout("READY");
      int port = app.metricsPort();
      ScrapeLoop scraper = ScrapeLoop.start(port);
      while (scraper.scrapes() < 3 && scraper.failures() == 0) {
        Thread.sleep(5); // scraping before the first application call, too
      }
      int atStart = scraper.scrapes();
      Files.createFile(go);
      app.awaitStdout("DONE");
      int duringRun = scraper.scrapes() - atStart;
      scraper.close();
      assertThat(app.stdout()).as(app.dump()).doesNotContain("FAILED");

      // the application saw what the plan says: hits are hits, every call succeeded
      Map<String, Long> expected = LoadPlan.expected(OPS_PER_THREAD);
      Map<String, Long> tallied = new TreeMap<>();
      Matcher m = TALLY.matcher(app.stdout());
      while (m.find()) {
        tallied.put(m.group(1), Long.parseLong(m.group(2)));
      }
      assertThat(tallied).as(app.dump()).isEqualTo(expected);

      // Lettuce counts a reply on its event-loop thread just after it has woken the caller, so
      // the last replies may land a moment after the app prints DONE.
      Scrape s = Scrape.until(port, scraped -> hasCounts(scraped, expected), 10_000);
      long redisOps = 0;
      long queries = 0;
      Map<String, Long> perOperation = new TreeMap<>();
      Map<String, Long> perQuery = new TreeMap<>();
      for (Map.Entry<String, Long> e : expected.entrySet()) {
        String key = e.getKey();
        if (key.startsWith("borrows")) {
          continue;
        }
        assertThat(s.value(name(key), labels(key))).as(key).isEqualTo(e.getValue().doubleValue());
        if (key.startsWith("cache_")) {
          redisOps += e.getValue();
          perOperation.merge(labels(key)[1], e.getValue(), Long::sum);
        } else {
          queries += e.getValue();
          perQuery.merge(labels(key)[1] + "/" + labels(key)[3], e.getValue(), Long::sum);
        }
      }
      // series beyond the planned ones (the agent creates all four results of a command at
      // once) stay 0: nothing was counted twice or under another label
      for (String prefix : new String[] {"cache_operations_total{", "db_queries_total{"}) {
        for (String key : s.keysStartingWith(prefix)) {
          if (!expected.containsKey(key)) {
            assertThat(s.value(name(key), labels(key))).as(key).isEqualTo(0.0);
          }
        }
      }
      long redisCommands = 0;
      for (Map.Entry<String, Long> e : perOperation.entrySet()) {
        // one latency observation per command; an MGET counts each of its two keys as a result
        long commands = e.getKey().equals("mget") ? e.getValue() / 2 : e.getValue();
        redisCommands += commands;
        assertThat(s.value("cache_operation_duration_seconds_count", "operation", e.getKey()))
            .as("latency observations of " + e.getKey())
            .isEqualTo((double) commands);
      }
      for (Map.Entry<String, Long> e : perQuery.entrySet()) {
        String[] tt = e.getKey().split("/");
        assertThat(s.value("db_query_duration_seconds_count", "query_type", tt[0], "table", tt[1]))
            .as("duration observations of " + e.getKey())
            .isEqualTo(e.getValue().doubleValue());
        assertThat(s.value("db_query_errors_total", "query_type", tt[0], "table", tt[1]))
            .isIn(null, 0.0);
      }
      long borrows = expected.get(LoadPlan.borrows());
      assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", LoadPlan.POOL))
          .isEqualTo((double) borrows);
      assertThat(s.value("db_connection_acquire_errors_total", "pool", LoadPlan.POOL))
          .isEqualTo(0.0);
      assertThat(s.value("db_connection_pool_active", "pool", LoadPlan.POOL)).isEqualTo(0.0);
      long hits = sumResults(expected, "hit");
      long misses = sumResults(expected, "miss");
      assertThat(s.value("cache_hit_rate")).isCloseTo(100.0 * hits / (hits + misses),
          org.assertj.core.data.Offset.offset(1e-9));

      assertThat(scraper.failures()).as(scraper.lastFailure()).isZero();
      assertThat(scraper.violations()).isEmpty();
      assertThat(duringRun).as("scrapes while the threads ran").isGreaterThanOrEqualTo(10);

      Matcher done = DONE.matcher(app.stdout());
      assertThat(done.find()).isTrue();
      System.out.println("LOAD threads=" + LoadPlan.THREADS + " ops_per_thread=" + OPS_PER_THREAD
          + " redis_commands=" + redisCommands + " cache_results=" + redisOps + " queries=" + queries + " borrows=" + borrows
          + " hits=" + hits + " misses=" + misses + " scrapes=" + scraper.scrapes()
          + " monotonic_series=" + scraper.seriesChecked() + " violations="
          + scraper.violations().size() + " workload_ms=" + done.group(1));
    }
  }

  private static long sumResults(Map<String, Long> expected, String result) {
    return expected.entrySet().stream()
        .filter(e -> e.getKey().endsWith("result=\"" + result + "\"}"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** Every expected series has its count in {@code s}; borrows, checked apart, are left out. */
  private static boolean hasCounts(Scrape s, Map<String, Long> expected) {
    return expected.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("borrows"))
        .allMatch(e -> Double.valueOf(e.getValue())
            .equals(s.value(name(e.getKey()), labels(e.getKey()))));
  }

  private static String name(String key) {
    return key.substring(0, key.indexOf('{'));
  }

  /** {@code a{x="1",y="2"}} to {@code x, 1, y, 2}. */
  private static String[] labels(String key) {
    String inner = key.substring(key.indexOf('{') + 1, key.length() - 1);
    String[] pairs = inner.split(",");
    String[] out = new String[pairs.length * 2];
    for (int i = 0; i < pairs.length; i++) {
      int eq = pairs[i].indexOf('=');
      out[2 * i] = pairs[i].substring(0, eq);
      out[2 * i + 1] = pairs[i].substring(eq + 2, pairs[i].length() - 1);
    }
    return out;
  }
}
