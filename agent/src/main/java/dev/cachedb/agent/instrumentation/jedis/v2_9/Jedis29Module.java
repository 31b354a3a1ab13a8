package dev.cachedb.agent.instrumentation.jedis.v2_9;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisClusterTopologyInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisFactoryInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisModule;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Jedis 2.9 to 3.10: Jedis, JedisPool, JedisCluster, pipelines and transactions. */
public final class Jedis29Module extends JedisModule {

  public Jedis29Module() {
    super(
        "jedis-2.9",
        new Landmarks(
            new String[] {
              "redis/clients/jedis/Connection.class",
              // added in 2.9.0
              "redis/clients/jedis/exceptions/JedisNoScriptException.class"
            },
            new String[] {
              // added in 4.0.0, where the send path changed (jedis/v4_0)
              "redis/clients/jedis/CommandArguments.class"
            }));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new JedisConnectionInstrumentation(),
        new BinaryClientInstrumentation(),
        new JedisFactoryInstrumentation(ByName.named("redis.clients.jedis.JedisFactory")),
        new JedisClusterTopologyInstrumentation());
  }

  /** {@code BinaryClient.connect()} sends AUTH and SELECT itself: client housekeeping. */
  static final class BinaryClientInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return ByName.named("redis.clients.jedis.BinaryClient");
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(
          named("connect"),
          "dev.cachedb.agent.instrumentation.jedis.JedisConnectionAdvice$SetupAdvice");
    }
  }
}
