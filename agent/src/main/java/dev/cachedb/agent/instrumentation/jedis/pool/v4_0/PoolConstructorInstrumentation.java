package dev.cachedb.agent.instrumentation.jedis.pool.v4_0;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** JedisPool and ConnectionPool, registered when built, their factory's server known by then. */
final class PoolConstructorInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("redis.clients.jedis.JedisPool", "redis.clients.jedis.ConnectionPool");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor(), PoolAdvice.OPENED);
  }
}
