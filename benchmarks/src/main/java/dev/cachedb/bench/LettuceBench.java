package dev.cachedb.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/** Lettuce GET against a real Redis: sync, and 64 async in flight. Scores are per GET. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LettuceBench {
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisCommands<String, String> sync;
  private RedisAsyncCommands<String, String> async;
  @SuppressWarnings("unchecked")
  private final RedisFuture<String>[] inFlight = new RedisFuture[64];

  @Setup
  public void setUp(RedisServerState redis) {
    client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port));
    connection = client.connect();
    sync = connection.sync();
    async = connection.async();
  }

  @TearDown
  public void tearDown() {
    connection.close();
    client.shutdown();
  }

  @Benchmark
  public String syncGet() {
    return sync.get(RedisServerState.KEY);
  }

  @Benchmark
  @OperationsPerInvocation(64)
  public void async64(Blackhole bh) throws Exception {
    for (int i = 0; i < 64; i++) {
      inFlight[i] = async.get(RedisServerState.KEY);
    }
    for (int i = 0; i < 64; i++) {
      bh.consume(inFlight[i].get());
    }
  }
}
