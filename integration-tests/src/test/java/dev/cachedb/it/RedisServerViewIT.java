package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.RedisServerViewApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestServer;
import dev.cachedb.it.servers.WithRedis;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's own view against the server itself: a Redis with {@code maxmemory 2mb} and {@code
 * allkeys-lru} filled past it by Jedis and Lettuce, with keys that expire, hits and misses; once
 * the workload is over and a poll came after it, every series equals what {@code INFO} says (the
 * test's own INFO changes none of these statistics). A second Redis without a limit reports 0.
 */
class RedisServerViewIT {
  private static final long POLL_MS = 300;
  @RegisterExtension static final WithRedis limited = WithRedis.plain();
  @RegisterExtension static final WithRedis unlimited = WithRedis.plain();

  @Test
  void equalsTheServersInfoAfterEvictionsAndExpirations() throws Exception {
    RedisTestServer redis = limited.server();
    redis.configSet("maxmemory", "2mb");
    redis.configSet("maxmemory-policy", "allkeys-lru");
    try (AppProcess app =
        AppProcess.testMain(RedisServerViewApp.class, "jedis-8.0.2", "lettuce-7.7.0.RELEASE")
            .agent("port=0,redis.memory.interval=" + POLL_MS + "ms")
            .args(redis.host(), Integer.toString(redis.port()),
                Integer.toString(unlimited.server().port()))
            .start()) {
      app.awaitStdout("done");
      String server = redis.host() + ":" + redis.port();
      Map<String, Long> info = settled(app, redis, server);
      assertThat(info.get("cache_server_evicted_keys_total")).as("evictions").isPositive();
      assertThat(info.get("cache_server_expired_keys_total")).as("expirations").isPositive();
      assertThat(info.get("cache_server_keyspace_misses_total")).as("misses").isPositive();
      assertThat(info.get("cache_server_keyspace_hits_total")).as("hits").isPositive();

      Scrape s = app.scrape();
      assertThat(s.value("cache_memory_max_bytes", "server", server)).isEqualTo(2097152.0);
      String other = redis.host() + ":" + unlimited.server().port();
      Map<String, Long> otherInfo = settled(app, unlimited.server(), other);
      assertThat(otherInfo.get("cache_memory_max_bytes")).isZero();
      assertThat(s.value("cachedb_agent_redis_memory_poll_errors_total", "server", server))
          .isZero();
      assertThat(s.text() + app.stderr()).doesNotContain("view:");
    }
  }

  /**
   * Waits until INFO holds still across a poll and the scrape shows it, then asserts every series
   * equals INFO's value: the server's background eviction or expiry may move a number once more
   * right after the workload, and the agent must then follow.
   */
  private static Map<String, Long> settled(AppProcess app, RedisTestServer redis, String server)
      throws Exception {
    long end = System.currentTimeMillis() + 20_000;
    while (true) {
      Map<String, Long> before = truth(redis);
      Thread.sleep(3 * POLL_MS);
      Scrape s = app.scrape();
      Map<String, Long> after = truth(redis);
      Map<String, Long> agent = new LinkedHashMap<>();
      for (String name : after.keySet()) {
        Double v = s.value(name, "server", server);
        agent.put(name, v == null ? null : v.longValue());
      }
      if ((before.equals(after) && agent.equals(after)) || System.currentTimeMillis() > end) {
        assertThat(agent).as(server + "\n" + s.text() + app.dump()).isEqualTo(after);
        assertThat(before).as("INFO held still").isEqualTo(after);
        return after;
      }
    }
  }

  /** Each series' name and the value INFO gives now. */
  private static Map<String, Long> truth(RedisTestServer redis) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("cache_memory_max_bytes", Long.parseLong(redis.infoValue("memory", "maxmemory")));
    m.put("cache_server_keyspace_hits_total", stat(redis, "keyspace_hits"));
    m.put("cache_server_keyspace_misses_total", stat(redis, "keyspace_misses"));
    m.put("cache_server_evicted_keys_total", stat(redis, "evicted_keys"));
    m.put("cache_server_expired_keys_total", stat(redis, "expired_keys"));
    return m;
  }

  private static long stat(RedisTestServer redis, String field) {
    return Long.parseLong(redis.infoValue("stats", field));
  }
}
