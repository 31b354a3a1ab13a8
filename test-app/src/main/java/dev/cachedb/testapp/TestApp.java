package dev.cachedb.testapp;

import java.util.ArrayList;
import java.util.List;

/**
 * A small legacy-style service: it sets up its workloads, prints one "ready" line, then runs
 * rounds of work until stopped or for the time given.
 *
 * <pre>
 * java -jar cachedb-test-app.jar [--seconds=N] [--rounds=N] [--interval-ms=N] [--jdbc-url=URL]
 *     [--redis=HOST:PORT]
 *     [--pools=all|hikari,dbcp2,dbcp,c3p0,tomcat] [--churn] [--tables=N] [--trouble]
 * </pre>
 *
 * {@code --seconds=0} (the default) runs until the process is stopped; {@code --rounds=N} stops
 * after exactly N rounds, which integration tests use to know every count in advance. Without
 * {@code --redis}, the Redis workloads run against an embedded redis-server started here.
 */
public final class TestApp {

  private TestApp() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    List<Workload> workloads = new ArrayList<>();
    workloads.add(new JdbcWorkload(options.jdbcUrl));
    workloads.add(new HikariJdbcWorkload(options.jdbcUrl));
    RedisAddress redis = RedisAddress.of(options.redis);
    if (options.redisClients.contains("jedis")) {
      workloads.add(new JedisWorkload(redis.host(), redis.port()));
    }
    if (options.redisClients.contains("lettuce")) {
      workloads.add(new LettuceWorkload(redis.host() + ":" + redis.port()));
    }
    for (String pool : options.pools) {
      workloads.add(new PoolWorkload(pool, options.jdbcUrl));
    }
    if (options.tables > 0) {
      workloads.add(new TablesWorkload(options.jdbcUrl, options.tables));
    }
    if (options.trouble) {
      workloads.add(new TroubleWorkload(options.jdbcUrl));
    }
    if (options.appCache) {
      workloads.add(new AppCacheWorkload());
    }

    if (options.churn) {
      workloads.add(new ChurnWorkload(options.jdbcUrl, redis.host(), redis.port()));
    }
    for (Workload w : workloads) {
      w.setUp();
    }
    // Uptime, for the startup benchmark: how long the JVM took to get here, agent included.
    System.out.println(
        "test-app: workload ready (" + names(workloads) + ") uptime_ms="
            + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());

    long deadline =
        options.seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + options.seconds * 1_000_000_000L;
    long rounds = 0;
    while (System.nanoTime() < deadline && (options.rounds < 0 || rounds < options.rounds)) {
      for (Workload w : workloads) {
        w.runOnce();
      }
      rounds++;
      if (options.intervalMs > 0) {
        Thread.sleep(options.intervalMs);
      }
    }
    System.out.println("test-app: done after " + rounds + " rounds");
    if (options.linger) {
      System.out.println("test-app: lingering until stopped");
      Thread.sleep(Long.MAX_VALUE);
    }
    for (Workload w : workloads) {
      w.close();
    }
    redis.close();
  }

  private static String names(List<Workload> workloads) {
    StringBuilder sb = new StringBuilder();
    for (Workload w : workloads) {
      sb.append(sb.length() == 0 ? "" : ", ").append(w.name());
    }
    return sb.toString();
  }
}
