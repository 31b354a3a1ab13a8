package dev.cachedb.it.sweep;

import dev.cachedb.it.apps.JedisSweepApp;
import dev.cachedb.it.apps.LettuceSweepApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.RedisTestCluster;
import dev.cachedb.it.servers.RedisTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One Redis client version in one child JVM: {@link LettuceSweepApp} or {@link JedisSweepApp}
 * runs one phase per API, and after each the scrape must have grown by exactly that phase's
 * figures. The first wrong phase ends the row; a version the agent refused ends it as refused.
 */
final class RedisSweep {
  /** Counts land a moment after the reply (Lettuce completes on its event loop): scrape until. */
  private static final long SETTLE_MS = 3_000;
  private static final long PHASE_TIMEOUT_MS = 60_000;

  private final RedisTestServer redis;
  private final RedisTestCluster cluster;

  RedisSweep(RedisTestServer redis, RedisTestCluster cluster) {
    this.redis = redis;
    this.cluster = cluster;
  }

  SweepResult run(SweepRow row) throws Exception {
    String server = redis.host() + ":" + redis.port();
    List<PhaseFigures> phases =
        row.library() == Library.LETTUCE
            ? lettucePhases("lettuce-" + server)
            : jedisPhases(row.version(), "jedis-" + server);
    List<String> args = new ArrayList<>(List.of(redis.host(), Integer.toString(redis.port()),
        cluster.host(), Integer.toString(cluster.port(0)),
        "sw-" + UUID.randomUUID().toString().substring(0, 8) + "-"));
    Path signals = Files.createTempDirectory("sweep-signals");
    args.add(signals.toString());
    List<String> names = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (PhaseFigures p : phases) {
      names.add(p.name);
      described.add(p.describe());
    }
    args.addAll(names);
    String checked = String.join(", ", described);
    Class<?> main = row.library() == Library.LETTUCE ? LettuceSweepApp.class : JedisSweepApp.class;
    // commons-pool2 is an optional dependency of Lettuce, for its ConnectionPoolSupport
    String[] libs = row.library() == Library.LETTUCE
        ? new String[] {"sweep/" + row.folder(), "commons-pool2"}
        : new String[] {"sweep/" + row.folder()};
    try (AppProcess app = AppProcess.testMain(main, libs)
        .agent("port=0,host=127.0.0.1,jvm_metrics.enabled=false")
        .args(args.toArray(new String[0]))
        .start()) {
      Scrape before = Scrape.parse("");
      for (PhaseFigures phase : phases) {
        String failure = awaitMarker(app, "phase-" + phase.name);
        if (failure != null) {
          return failed(row, checked, app, phase.name + ": " + failure);
        }
        Scrape from = before;
        Scrape after = Scrape.until(app.metricsPort(),
            s -> phase.mismatches(from, s).isEmpty(), SETTLE_MS);
        List<String> wrong = phase.mismatches(before, after);
        if (!wrong.isEmpty()) {
          return failed(row, checked, app, phase.name + ": " + String.join("; ", wrong));
        }
        before = after;
        Files.createFile(signals.resolve("go-" + phase.name));
      }
      return new SweepResult(row, checked, SweepRow.Outcome.WORKS, "");
    }
  }

  /** Null once the app printed the marker; else why not (it died, or it hung). */
  private static String awaitMarker(AppProcess app, String marker) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PHASE_TIMEOUT_MS;
    while (!app.stdout().contains(marker)) {
      if (!app.isAlive()) {
        return "the app ended before " + marker + ":\n" + app.dump();
      }
      if (System.currentTimeMillis() > deadline) {
        return "no " + marker + " within " + PHASE_TIMEOUT_MS + " ms:\n" + app.dump();
      }
      Thread.sleep(20);
    }
    return null;
  }

  /** Refused when the agent says it refused the library, else failed. */
  static SweepResult failed(SweepRow row, String checked, AppProcess app, String why)
      throws Exception {
    String refused = Refusal.in(app);
    return refused != null
        ? new SweepResult(row, checked, SweepRow.Outcome.REFUSED, refused)
        : new SweepResult(row, checked, SweepRow.Outcome.FAILED, why);
  }

  /** {@code LettuceWorkloadApp.workload} per API; the cluster runs it through its sync API. */
  private static List<PhaseFigures> lettucePhases(String pool) {
    List<PhaseFigures> phases = new ArrayList<>();
    for (String api : new String[] {"sync", "async", "reactive"}) {
      phases.add(lettuceWorkload(api));
    }
    phases.add(new PhaseFigures("pipeline").op("set", "success", 10)
        .op("get", "hit", 10, "miss", 5));
    phases.add(new PhaseFigures("pool").op("set", "success", 5).borrows(pool, 5));
    // The cluster client discovers its topology with CLUSTER NODES, CLIENT, COMMAND and INFO,
    // 3 to 6 of each by version, and the agent counts them as the application's (JedisCluster's
    // discovery it does not count). Pinned by no one yet: left out here, the workload is exact.
    phases.add(lettuceWorkload("cluster").unchecked("client", "cluster", "command", "info"));
    return phases;
  }

  private static PhaseFigures lettuceWorkload(String name) {
    PhaseFigures f = new PhaseFigures(name)
        .op("get", "hit", 70, "miss", 30, "error", 1)
        .op("mget", "hit", 2, "miss", 1).commands("mget", 1)
        .op("exists", "hit", 5, "miss", 2).commands("exists", 1)
        .op("hget", "hit", 1, "miss", 1)
        .op("hgetall", "hit", 1, "miss", 1)
        .op("lrange", "hit", 1, "miss", 1)
        .op("set", "success", 70)
        .op("del", "success", 5);
    for (String read : new String[] {"smembers", "zrange", "zscore", "lindex"}) {
      f.op(read, "hit", 1);
    }
    for (String write : new String[] {"lpush", "hset", "sadd", "zadd"}) {
      f.op(write, "success", 1);
    }
    return f;
  }

  /**
   * The figures {@code JedisSweepApp}'s comment gives; {@code pooled} from 4.0 on. Its pool is the
   * second live one to the server, the {@code pool} phase's JedisPool being still open.
   */
  private static List<PhaseFigures> jedisPhases(String version, String pool) {
    List<PhaseFigures> phases = new ArrayList<>();
    phases.add(new PhaseFigures("sync")
        .op("set", "success", 10)
        .op("get", "hit", 10, "miss", 5)
        .op("mget", "hit", 2, "miss", 1).commands("mget", 1)
        .op("exists", "hit", 2, "miss", 1).commands("exists", 1)
        .op("hset", "success", 1)
        .op("hget", "hit", 1, "miss", 1, "error", 1)
        .op("hgetall", "hit", 1)
        .op("del", "success", 1));
    phases.add(new PhaseFigures("pool").op("get", "hit", 5).borrows(pool, 5));
    phases.add(new PhaseFigures("pipeline")
        .op("set", "success", 1)
        .op("get", "hit", 1, "miss", 1)
        .op("mget", "hit", 1, "miss", 1).commands("mget", 1));
    phases.add(new PhaseFigures("multi")
        .op("multi", "success", 1)
        .op("set", "success", 1)
        .op("get", "hit", 1, "miss", 1)
        .op("exec", "success", 1));
    int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
    if (major >= 4) {
      // UnifiedJedis's constructor borrows a connection of its own (to read the server's
      // protocol) in 5.0.x and again in 8.x (RedisClient): a real borrow, counted as one.
      int built = version.startsWith("5.0.") || major >= 8 ? 1 : 0;
      phases.add(new PhaseFigures("pooled").op("get", "hit", 5).borrows(pool + "-2", 5 + built));
    }
    // Jedis 8's cluster client PINGs a node by itself and the agent counts it (2.x-7.x's
    // discovery it does not count): not pinned here, like Lettuce's cluster discovery.
    PhaseFigures cluster = new PhaseFigures("cluster")
        .op("set", "success", 12)
        .op("get", "hit", 10, "miss", 3)
        .op("mget", "hit", 2, "miss", 1).commands("mget", 1);
    phases.add(major >= 8 ? cluster.unchecked("ping") : cluster);
    return phases;
  }
}
