package dev.cachedb.agent.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code JedisClusterInfoCache} (2.9 to 8.x): the {@code CLUSTER SLOTS}/{@code CLUSTER NODES} it
 * sends to learn and refresh the topology are the client's, not the application's.
 */
public final class JedisClusterTopologyInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("redis.clients.jedis.JedisClusterInfoCache");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        namedOneOf("discoverClusterNodesAndSlots", "renewClusterSlots"),
        "dev.cachedb.agent.instrumentation.jedis.JedisConnectionAdvice$SetupAdvice");
  }
}
