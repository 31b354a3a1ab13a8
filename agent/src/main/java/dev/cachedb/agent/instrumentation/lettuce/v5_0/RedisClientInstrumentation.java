package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import io.lettuce.core.RedisURI;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code RedisClient.connectStandaloneAsync(codec, uri, timeout)}, which every standalone connect
 * passes (5.0 to 7.x): tells the cache runtime which server the application talks to, so the
 * memory poller can read its {@code INFO memory}. Credentials are passed on only to that poller.
 * 7.x keeps them behind a credentials provider; the poller then connects without them.
 */
final class RedisClientInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("io.lettuce.core.RedisClient");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("connectStandaloneAsync").and(takesArguments(3))
            .and(takesArgument(1, named("io.lettuce.core.RedisURI"))),
        RedisClientInstrumentation.class.getName() + "$ConnectAdvice");
  }

  public static class ConnectAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(1) Object redisUri) {
      RedisURI uri = (RedisURI) redisUri;
      if (uri.getHost() != null) { // null: unix socket or sentinel, no host:port to poll
        LettuceCalls.connecting(uri, uri.getHost(), uri.getPort());
      }
    }
  }
}
