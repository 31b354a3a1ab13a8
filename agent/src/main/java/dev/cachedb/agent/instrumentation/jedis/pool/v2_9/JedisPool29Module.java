package dev.cachedb.agent.instrumentation.jedis.pool.v2_9;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisModule;
import dev.cachedb.agent.instrumentation.jedis.pool.JedisPoolReader;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import dev.cachedb.agent.pool.PoolRecorder;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Jedis 2.9 to 3.x pools (tested 2.9.0 and 3.10.0): JedisPool and JedisSentinelPool, whose base
 * {@code util.Pool} wraps a commons-pool2 {@code GenericObjectPool}.
 */
public final class JedisPool29Module extends PoolModule {

  public JedisPool29Module() {
    super("jedis-pool-2.9", JedisModule.JEDIS, new JedisPoolReader("redis.clients.util.Pool"));
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return new Landmarks(
        new String[] {
          "redis/clients/jedis/JedisPool.class",
          // added in 2.9.0
          "redis/clients/jedis/exceptions/JedisNoScriptException.class"
        },
        new String[] {
          // added in 4.0.0, where util.Pool became a GenericObjectPool (jedis/pool/v4_0)
          "redis/clients/jedis/CommandArguments.class"
        });
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new JedisPoolInstrumentation());
  }

  /** One reader more: the pool's base class moved package in 3.0.0. */
  @Override
  public void start(AgentContext context) {
    super.start(context);
    PoolRecorder.install(context, new JedisPoolReader("redis.clients.jedis.util.Pool"));
  }
}
