package dev.cachedb.agent.instrumentation.jedis.v4_0;

import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisClusterTopologyInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisFactoryInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisModule;
import java.util.Arrays;
import java.util.List;

/**
 * Jedis 4.0 to 8.x: Jedis, JedisPool, JedisPooled/UnifiedJedis, JedisCluster, pipelines,
 * transactions.
 */
public final class Jedis4Module extends JedisModule {

  public Jedis4Module() {
    super(
        "jedis-4.0",
        new Landmarks(
            new String[] {
              "redis/clients/jedis/Connection.class",
              // added in 4.0.0: the command object every API sends through Connection
              "redis/clients/jedis/CommandArguments.class",
              // added in 4.0.0: JedisPooled's connection pool factory
              "redis/clients/jedis/ConnectionFactory.class"
            },
            new String[0]));
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
}
