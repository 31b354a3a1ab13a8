package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
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
    return named("io.lettuce.core.RedisClient");
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
      if (uri.getHost() == null) {
        return; // unix socket or sentinel: no host:port to poll
      }
      String user = null;
      char[] password = null;
      try {
        password = uri.getPassword(); // 5.0 to 6.x; removed in 7.0
      } catch (Throwable noSuchMethod) {
        // 7.x: credentials live behind a provider, read below
      }
      try {
        // 6.2+ (always in 7.x): credentials come from a provider. Reflection, because the agent compiles
        // against 5.0, which has none of these types; this runs once per connection, not per
        // command.
        ClassLoader loader = uri.getClass().getClassLoader();
        Object provider = RedisURI.class.getMethod("getCredentialsProvider").invoke(uri);
        Class<?> immediate =
            Class.forName(
                "io.lettuce.core.RedisCredentialsProvider$ImmediateRedisCredentialsProvider",
                false,
                loader);
        Object credentials = null;
        if (immediate.isInstance(provider)) {
          credentials = immediate.getMethod("resolveCredentialsNow").invoke(provider);
        } else if (provider != null) {
          // e.g. RedisURI.create("redis://pw@host"): a supplier-backed Mono. Never block the
          // application: take the value only if the Mono completed on subscription.
          Class<?> api = Class.forName("io.lettuce.core.RedisCredentialsProvider", false, loader);
          Object mono = api.getMethod("resolveCredentials").invoke(provider);
          Class<?> monoType = Class.forName("reactor.core.publisher.Mono", false, loader);
          Object future = monoType.getMethod("toFuture").invoke(mono);
          credentials = ((java.util.concurrent.CompletableFuture<?>) future).getNow(null);
        }
        if (credentials != null) {
          Class<?> type = Class.forName("io.lettuce.core.RedisCredentials", false, loader);
          user = (String) type.getMethod("getUsername").invoke(credentials);
          password = (char[]) type.getMethod("getPassword").invoke(credentials);
        }
      } catch (Throwable before62) {
        // 5.x to 6.1: no provider; the password read above is all there is
      }
      CacheCalls.sink.server(uri.getHost(), uri.getPort(), user, password);
    }
  }
}
