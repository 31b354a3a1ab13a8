package dev.cachedb.agent.instrumentation.jedis.v4_0;


import dev.cachedb.agent.cache.CacheRuntime;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.AgentContext;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisClusterTopologyInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisLibrary;
import dev.cachedb.agent.instrumentation.jedis.JedisFactoryInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/** Jedis 4.0 to 8.x: Jedis, JedisPool, JedisPooled/UnifiedJedis, JedisCluster, pipelines, transactions. */
public final class Jedis4Module implements InstrumentationModule {

  @Override
  public String name() {
    return "jedis-4.0";
  }

  @Override
  public Library library() {
    return JedisLibrary.JEDIS;
  }

  @Override
  public ConfigKey switchKey() {
    return ConfigKey.REDIS_ENABLED;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return new Landmarks(
        new String[] {
          "redis/clients/jedis/Connection.class",
          // added in 4.0.0: the command object every API sends through Connection
          "redis/clients/jedis/CommandArguments.class",
          // added in 4.0.0: JedisPooled's connection pool factory
          "redis/clients/jedis/ConnectionFactory.class"
        },
        new String[0]);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new JedisConnectionInstrumentation(),
        new JedisFactoryInstrumentation(
            ByName.named(
                "redis.clients.jedis.JedisFactory", "redis.clients.jedis.ConnectionFactory")),
        new JedisClusterTopologyInstrumentation());
  }

  @Override
  public void start(AgentContext context) {
    CacheRuntime.start(context);
  }
}
