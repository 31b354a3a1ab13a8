package dev.cachedb.agent.instrumentation.jedis.pool.v4_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolAdvice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code util.Pool}, a commons-pool2 {@code GenericObjectPool} itself from 4.0, the base of
 * JedisPool, JedisSentinelPool and the ConnectionPool behind JedisPooled: {@code getResource}
 * timed, what it lent back through {@code returnResource} or {@code returnBrokenResource} (the
 * subclasses' overrides call them), forgotten at {@code destroy()}, which close calls. Registered
 * by the constructors of the pools that know their server when built ({@link
 * PoolConstructorInstrumentation}); a sentinel pool learns its master after its constructor's
 * super call, so it is registered at its first borrow.
 */
final class JedisPoolInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("redis.clients.jedis.util.Pool");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("getResource").and(takesArguments(0)), PoolAdvice.BORROW);
    target.applyAdvice(named("returnResource").and(takesArguments(1)), PoolAdvice.RETURN_KEY);
    target.applyAdvice(
        named("returnBrokenResource").and(takesArguments(1)), PoolAdvice.RETURN_KEY);
    target.applyAdvice(named("destroy").and(takesArguments(0)), PoolAdvice.CLOSED);
  }
}
