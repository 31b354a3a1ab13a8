package dev.cachedb.bench;

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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Jedis GET against a real Redis: one at a time (network-bound) and 64 pipelined (CPU-bound on
 * the client, where per-command overhead shows). Scores are per GET.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JedisBench {
  private Jedis jedis;

  @Setup
  public void setUp(RedisServerState redis) {
    jedis = new Jedis("127.0.0.1", redis.port);
  }

  @TearDown
  public void tearDown() {
    jedis.close();
  }

  @Benchmark
  public String get() {
    return jedis.get(RedisServerState.KEY);
  }

  @Benchmark
  @OperationsPerInvocation(64)
  public void pipelined64(Blackhole bh) {
    Pipeline p = jedis.pipelined();
    for (int i = 0; i < 64; i++) {
      p.get(RedisServerState.KEY);
    }
    bh.consume(p.syncAndReturnAll());
  }
}
