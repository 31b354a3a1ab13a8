package dev.cachedb.agent.instrumentation.jedis.pool.v4_0;

import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisModule;
import dev.cachedb.agent.instrumentation.jedis.pool.JedisPoolReader;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * Jedis 4.0 on pools (tested 4.0.0 to 8.0.2): JedisPool, JedisSentinelPool and JedisPooled's
 * ConnectionPool, all a {@code util.Pool} that is a commons-pool2 {@code GenericObjectPool}.
 */
public final class JedisPool4Module extends PoolModule {

  public JedisPool4Module() {
    super(
        "jedis-pool-4.0",
        JedisModule.JEDIS,
        new JedisPoolReader("redis.clients.jedis.util.Pool"),
        "redis/clients/jedis/util/Pool.class",
        // added in 4.0.0, where util.Pool became a GenericObjectPool
        "redis/clients/jedis/ConnectionPool.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new JedisPoolInstrumentation(), new PoolConstructorInstrumentation());
  }
}
