package dev.cachedb.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * One borrow and return from the Redis clients' own pools, connected to a real redis-server and
 * sending nothing: what the pool advice adds to {@code JedisPool.getResource} and {@code
 * Jedis.close}, and to a Lettuce {@code ConnectionPoolSupport} pool's {@code borrowObject} and the
 * lent proxy's {@code close}. Lettuce makes a new proxy per borrow itself, with or without the
 * agent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedisPoolBench {
  private JedisPool jedisPool;
  private RedisClient lettuce;
  private GenericObjectPool<StatefulRedisConnection<String, String>> lettucePool;

  @Setup
  public void setUp(RedisServerState redis) throws Exception {
    GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(4);
    config.setJmxEnabled(false);
    jedisPool = new JedisPool(config, "127.0.0.1", redis.port);
    jedisPool.getResource().close();
    lettuce = RedisClient.create(RedisURI.create("127.0.0.1", redis.port));
    GenericObjectPoolConfig<StatefulRedisConnection<String, String>> lettuceConfig =
        new GenericObjectPoolConfig<>();
    lettuceConfig.setMaxTotal(4);
    lettuceConfig.setJmxEnabled(false);
    lettucePool =
        ConnectionPoolSupport.createGenericObjectPool(() -> lettuce.connect(), lettuceConfig);
    lettucePool.borrowObject().close();
  }

  @TearDown
  public void tearDown() {
    jedisPool.close();
    lettucePool.close();
    lettuce.shutdown();
  }

  @Benchmark
  public Jedis jedisBorrowAndReturn() {
    Jedis j = jedisPool.getResource();
    j.close();
    return j;
  }

  @Benchmark
  public Object lettuceBorrowAndReturn() throws Exception {
    StatefulRedisConnection<String, String> c = lettucePool.borrowObject();
    c.close();
    return c;
  }
}
