package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * The version sweep's Lettuce child: {@link LettuceWorkloadApp#workload} once per API, in phases
 * the test paces, so one JVM per version proves every API with exact figures. Compiled against
 * Lettuce 5.0 like the workload app.
 *
 * <p>Args: {@code host port clusterHost clusterPort keyPrefix signalDir phase...}. Phases:
 * {@code sync}, {@code async}, {@code reactive} (the workload on a standalone connection),
 * {@code pipeline} (auto-flush off: 10 SETs, 10 GETs of them, 5 of absent keys, one flush) and
 * {@code pool} (a ConnectionPoolSupport pool of its own client: 5 borrows, a SET on each, left
 * open) and {@code cluster} (the workload through the cluster client's sync API). After each phase it
 * prints {@code phase-<name>} and waits for {@code <signalDir>/go-<name>}.
 */
public final class LettuceSweepApp {
  /** The pool phase's pool stays open and reachable: the agent drops a collected pool's series. */
  private static final List<Object> OPEN_POOLS = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    String p = args[4];
    Path signals = Paths.get(args[5]);
    StatefulRedisConnection<String, String> c = null;
    for (int i = 6; i < args.length; i++) {
      String phase = args[i];
      if (phase.equals("cluster")) {
        RedisURI seed = RedisURI.create("redis://" + args[2] + ":" + args[3]);
        StatefulRedisClusterConnection<String, String> cc =
            RedisClusterClient.create(seed).connect();
        // One hash tag keeps the multi-key commands in one slot.
        LettuceWorkloadApp.workload(new LettuceWorkloadApp.SyncApi(cc.sync()), "{" + p + "c}");
      } else {
        if (c == null) {
          RedisURI uri = RedisURI.create("redis://" + args[0] + ":" + args[1]);
          uri.setTimeout(Duration.ofSeconds(5));
          c = RedisClient.create(uri).connect();
        }
        String prefix = p + phase + "-";
        switch (phase) {
          case "sync":
            LettuceWorkloadApp.workload(new LettuceWorkloadApp.SyncApi(c.sync()), prefix);
            break;
          case "async":
            LettuceWorkloadApp.workload(new LettuceWorkloadApp.AsyncApi(c.async()), prefix);
            break;
          case "reactive":
            LettuceWorkloadApp.workload(new LettuceWorkloadApp.ReactiveApi(c.reactive()), prefix);
            break;
          case "pipeline":
            pipeline(c, prefix);
            break;
          case "pool":
            pool(args[0], Integer.parseInt(args[1]), prefix);
            break;
          default:
            throw new IllegalArgumentException("unknown phase " + phase);
        }
      }
      Signal.endPhase(signals, phase);
    }
    System.out.println("done");
    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
  }

  private static void pool(String host, int port, String p) throws Exception {
    RedisClient client = RedisClient.create(RedisURI.create(host, port));
    GenericObjectPool<StatefulRedisConnection<String, String>> pool =
        ConnectionPoolSupport.createGenericObjectPool(
            () -> client.connect(), new GenericObjectPoolConfig<>());
    OPEN_POOLS.add(pool);
    for (int i = 0; i < 5; i++) {
      try (StatefulRedisConnection<String, String> borrowed = pool.borrowObject()) {
        borrowed.sync().set(p + "k" + i, "v");
      }
    }
  }

  private static void pipeline(StatefulRedisConnection<String, String> c, String p)
      throws Exception {
    RedisAsyncCommands<String, String> async = c.async();
    List<RedisFuture<?>> replies = new ArrayList<>();
    c.setAutoFlushCommands(false);
    for (int i = 0; i < 10; i++) {
      replies.add(async.set(p + "k" + i, p + "v" + i));
    }
    for (int i = 0; i < 10; i++) {
      replies.add(async.get(p + "k" + i));
    }
    for (int i = 0; i < 5; i++) {
      replies.add(async.get(p + "a" + i));
    }
    c.flushCommands();
    for (RedisFuture<?> reply : replies) {
      reply.get(5, TimeUnit.SECONDS);
    }
    c.setAutoFlushCommands(true);
  }
}
