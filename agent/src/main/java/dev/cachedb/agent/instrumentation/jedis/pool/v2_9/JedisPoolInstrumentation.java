package dev.cachedb.agent.instrumentation.jedis.pool.v2_9;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code util.Pool}, the base of JedisPool and JedisSentinelPool, which wraps a commons-pool2
 * pool (2.9 to 3.x): registered by {@code initPool}, which a sentinel pool calls once it knows its
 * master (and again at failover, which keeps the name); {@code getResource} timed; its
 * connections back through {@code returnResourceObject} or {@code returnBrokenResourceObject},
 * where the pools' public return methods end; forgotten at {@code destroy()}, which close calls.
 */
final class JedisPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // moved to redis.clients.jedis.util in 3.0.0
    return ByName.named("redis.clients.util.Pool", "redis.clients.jedis.util.Pool");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("initPool").and(takesArguments(2)), PoolAdvice.OPENED);
    target.applyAdvice(named("getResource").and(takesArguments(0)), PoolAdvice.BORROW);
    target.applyAdvice(
        named("returnResourceObject").and(takesArguments(1)), PoolAdvice.RETURN_KEY);
    target.applyAdvice(
        named("returnBrokenResourceObject").and(takesArguments(1)), PoolAdvice.RETURN_KEY);
    target.applyAdvice(named("destroy").and(takesArguments(0)), PoolAdvice.CLOSED);
  }
}
