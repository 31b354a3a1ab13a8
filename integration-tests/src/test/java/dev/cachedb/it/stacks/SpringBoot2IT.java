package dev.cachedb.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Jdk;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.PostgresServer;
import dev.cachedb.it.servers.WithRedis;
import dev.cachedb.it.stacks.StackTruth.Shape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Spring Boot 2.7 fat jar of stacks/spring-boot-2 (Java 8 bytecode; Lettuce 6.1, HikariCP 4,
 * Hibernate 5.6, pgjdbc 42.3) with the agent, against a real PostgreSQL and Redis, on every JDK
 * of the suite from 8 up: the stack a Java 8 shop still runs. Counts are checked the way
 * {@link SpringBoot3IT} checks them; this stack's pgjdbc adds one statement of its own, from
 * isValid() (see StackTruth's PGJDBC_OWN_STATEMENTS).
 */
class SpringBoot2IT {
  /** What Hibernate 5.6 writes for the inventory's work, as pg_stat_statements normalises it. */
  private static final List<Shape> SHAPES =
      List.of(
          Shape.batched("insert into shelf ", "INSERT", "shelf"),
          Shape.batched("insert into item ", "INSERT", "item"),
          Shape.of("select nextval ", "SELECT", "none"),
          // findById (joining its shelf) and the JPQL count over the join both read item first
          Shape.of("select item0_.", "SELECT", "item"),
          Shape.of("select count(item0_.", "SELECT", "item"),
          Shape.of("update item ", "UPDATE", "item"));

  /** The commands Spring's RedisCache sends for the workload (a clear is KEYS, then DEL). */
  private static final Set<String> REDIS_COMMANDS = Set.of("get", "set", "keys", "del");

  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  private static final String STACK = "spring-boot-2.7 on JDK " + Jdk.feature();

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
    String url = postgres.jdbcUrl("inventory");
    try (StackApp app =
        StackApp.start(
            Artifacts.springBoot2Jar(),
            "Started InventoryApplication",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + postgres.user(),
            "--spring.datasource.password=" + postgres.password(),
            "--spring.redis.host=" + redis.server().host(),
            "--spring.redis.port=" + redis.server().port())) {
      Scrape before = StackTruth.reset(app, redis.server(), postgres);

      assertThat(app.post("/seed?shelves=2&itemsPerShelf=20")).isEqualTo("40");
      // one sequence for both entities: shelves got 1 and 2, items 3 to 42
      for (int round = 0; round < 2; round++) {
        for (int id = 3; id <= 12; id++) {
          assertThat(app.get("/items/" + id)).startsWith("item-");
        }
      }
      assertThat(app.get("/items/999")).isEqualTo("none");
      for (int i = 0; i < 3; i++) {
        assertThat(app.get("/shelves/shelf-0/count")).isEqualTo("20");
      }
      assertThat(app.post("/restock?delta=5")).isEqualTo("40");
      for (int id = 3; id <= 7; id++) {
        assertThat(app.get("/items/" + id)).startsWith("item-");
      }
      app.getFailing("/missing");

      StackTruth.matchAll(
          STACK, app, redis.server(), postgres, "inventory", SHAPES, REDIS_COMMANDS, before);
    }
  }
}
