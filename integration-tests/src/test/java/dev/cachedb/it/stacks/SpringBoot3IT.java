package dev.cachedb.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Jdk;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.PostgresServer;
import dev.cachedb.it.servers.WithRedis;
import dev.cachedb.it.stacks.StackTruth.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Spring Boot 3.5 fat jar of stacks/spring-boot-3 on its defaults (Lettuce 6.6, HikariCP 6.3,
 * Hibernate 6.6, pgjdbc) with the agent, against a real PostgreSQL and Redis. Every count is set
 * beside the servers' own statistics, reset just before the workload.
 */
class SpringBoot3IT {
  /** What Hibernate 6.6 writes for the shop's work, as pg_stat_statements normalises it. */
  private static final List<Shape> SHAPES =
      List.of(
          Shape.batched("insert into author ", "INSERT", "author"),
          Shape.batched("insert into book ", "INSERT", "book"),
          Shape.of("select nextval(", "SELECT", "none"),
          Shape.of("select a1_0.id,a1_0.name from author a1_0 ", "SELECT", "author"),
          // findById and the JPQL join to author both read book first
          Shape.of("select b1_0.id,", "SELECT", "book"),
          Shape.of("with totals as (", "SELECT", "author"),
          Shape.of("update book ", "UPDATE", "book"),
          Shape.of("delete from book ", "DELETE", "book"));

  /** What Spring's RedisCache sends for the workload: GETEX reads "authors" (time-to-idle). */
  private static final Set<String> REDIS_COMMANDS = Set.of("get", "getex", "set", "keys", "del");

  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  private static final String STACK = "spring-boot-3.5 on JDK " + Jdk.feature();

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.startWithStatementStatistics();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void countsMatchRedisPostgresAndHikari() throws Exception {
    assertThat(Jdk.feature())
        .as("Spring Boot 3 needs JDK 17+: the JDK 8 and 11 executions exclude this IT and run"
            + " only SpringBoot2IT")
        .isGreaterThanOrEqualTo(17);
    String url = postgres.jdbcUrl("shop");
    try (StackApp app =
        StackApp.start(
            Artifacts.springBoot3Jar(),
            "Started ShopApplication",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + postgres.user(),
            "--spring.datasource.password=" + postgres.password(),
            "--spring.data.redis.host=" + redis.server().host(),
            "--spring.data.redis.port=" + redis.server().port())) {
      Scrape before = StackTruth.reset(app, redis.server(), postgres);

      assertThat(app.post("/seed?authors=4&booksPerAuthor=10")).isEqualTo("40");
      for (int round = 0; round < 2; round++) {
        for (int id = 1; id <= 10; id++) {
          assertThat(app.get("/books/" + id)).startsWith("book-");
        }
        for (int id = 1; id <= 4; id++) {
          assertThat(app.get("/authors/" + id)).startsWith("author-");
        }
      }
      assertThat(app.get("/books/999")).isEqualTo("none");
      for (int i = 0; i < 3; i++) {
        assertThat(app.get("/authors/by-name/author-1/books")).isEqualTo("10");
      }
      // prices are 10..19 for each author: 4 * 145
      assertThat(app.get("/value")).isEqualTo("580");
      assertThat(app.post("/raise?delta=5&below=15")).isEqualTo("20");
      for (int id = 1; id <= 5; id++) {
        assertThat(app.get("/books/" + id)).startsWith("book-");
      }
      // 19 twice per author now: the original and 14 + 5
      assertThat(app.post("/delete-dearer?above=18")).isEqualTo("8");
      assertThat(app.get("/value")).isEqualTo("" + (580 + 20 * 5 - 8 * 19));
      app.getFailing("/missing");

      StackTruth.matchAll(
          STACK, app, redis.server(), postgres, "shop", SHAPES, REDIS_COMMANDS, before);

      cacheNamesMatchSpringsStatistics(app);
    }
  }

  /**
   * cache_gets_total and the rest per cache name, beside Spring Data Redis's statistics of the two
   * Redis caches and Caffeine's of the local one, all counting since the application started.
   */
  private static void cacheNamesMatchSpringsStatistics(StackApp app) throws Exception {
    for (int round = 0; round < 2; round++) {
      for (int id = 1; id <= 6; id++) {
        // a price, or -1 for a book the workload above deleted: either is cached
        assertThat(Integer.parseInt(app.get("/books/" + id + "/price"))).isNotZero();
      }
    }
    assertThat(app.get("/books/999/price")).isEqualTo("-1");
    assertThat(app.post("/authors/1/forget")).isEqualTo("forgotten");
    assertThat(app.post("/authors/2/forget")).isEqualTo("forgotten");
    assertThat(app.get("/authors/1")).startsWith("author-");

    Map<String, Long> spring = new LinkedHashMap<>();
    for (String pair : app.get("/cache-stats").replaceAll("[{}\"]", "").split(",")) {
      String[] kv = pair.split(":", 2);
      spring.put(kv[0], Long.parseLong(kv[1]));
    }
    Scrape s = app.scrape();
    System.out.println(STACK + " cache statistics " + spring + ", agent " + s.text().lines()
        .filter(l -> l.matches("cache_(gets|puts|removals)_total\\{.*"))
        .collect(java.util.stream.Collectors.joining("; ")));
    for (String cache : List.of("books", "authors", "prices")) {
      String provider = cache.equals("prices") ? "caffeine" : "redis";
      for (String result : List.of("hit", "miss")) {
        assertThat(s.value("cache_gets_total", "cache", cache, "provider", provider,
            "result", result))
            .as(cache + " " + result + "es against the cache's own statistics")
            .isEqualTo((double) spring.get(cache + "." + result + (result.equals("hit") ? "s" : "es")));
      }
    }
    for (String cache : List.of("books", "authors")) {
      assertThat(s.value("cache_puts_total", "cache", cache, "provider", "redis"))
          .as(cache + " puts").isEqualTo((double) spring.get(cache + ".puts"));
    }
    // Spring counts the keys a clear deleted; the agent one removal per call, as for JCache.
    assertThat(s.value("cache_removals_total", "cache", "authors", "provider", "redis"))
        .isEqualTo((double) spring.get("authors.removals")).isEqualTo(2.0);
    assertThat(s.value("cache_removals_total", "cache", "books", "provider", "redis"))
        .as("two @CacheEvict(allEntries) calls").isEqualTo(2.0);
    assertThat(spring.get("prices.misses")).isEqualTo(7L);
    assertThat(spring.get("prices.hits")).isEqualTo(6L);
    assertThat(s.value("cache_puts_total", "cache", "prices", "provider", "caffeine"))
        .isEqualTo(7.0);
  }
}
