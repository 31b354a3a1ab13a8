package dev.cachedb.agent.cache.redis.lettuce;

import dev.cachedb.agent.cache.CacheRecorder;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the credentials of a Lettuce {@code RedisURI}, so that the memory poller can log in as the
 * application does. By reflection: the agent compiles against Lettuce 5.0, and the accessors
 * changed since (below). Runs once per connect, never per command. The password goes to the recorder
 * as a char array and is never turned into a String or logged.
 */
final class LettuceCredentials {
  private LettuceCredentials() {}

  static void noted(CacheRecorder out, Object uri, String host, int port) {
    String user = null;
    char[] password = null;
    try {
      password = (char[]) uri.getClass().getMethod("getPassword").invoke(uri); // 5.0 to 6.x
    } catch (Throwable removedIn70) {
      // 7.x: credentials live behind a provider, read below
    }
    try {
      Object credentials = fromProvider(uri);
      if (credentials != null) {
        Class<?> type = Class.forName(
            "io.lettuce.core.RedisCredentials", false, uri.getClass().getClassLoader());
        user = (String) type.getMethod("getUsername").invoke(credentials);
        password = (char[]) type.getMethod("getPassword").invoke(credentials);
      }
    } catch (Throwable before62) {
      // 5.x to 6.1: no provider; the password read above is all there is
    }
    out.server(host, port, user, password);
  }

  /** 6.2+ (always in 7.x): the URI's credentials provider, if it can answer without blocking. */
  private static Object fromProvider(Object uri) throws Exception {
    ClassLoader loader = uri.getClass().getClassLoader();
    Object provider = uri.getClass().getMethod("getCredentialsProvider").invoke(uri);
    Class<?> immediate = Class.forName(
        "io.lettuce.core.RedisCredentialsProvider$ImmediateRedisCredentialsProvider",
        false,
        loader);
    if (immediate.isInstance(provider)) {
      return immediate.getMethod("resolveCredentialsNow").invoke(provider);
    }
    if (provider == null) {
      return null;
    }
    // e.g. RedisURI.create("redis://pw@host"): a supplier-backed Mono. Never block the
    // application: take the value only if the Mono completed on subscription.
    Class<?> api = Class.forName("io.lettuce.core.RedisCredentialsProvider", false, loader);
    Object mono = api.getMethod("resolveCredentials").invoke(provider);
    Class<?> monoType = Class.forName("reactor.core.publisher.Mono", false, loader);
    Method toFuture = monoType.getMethod("toFuture");
    return ((CompletableFuture<?>) toFuture.invoke(mono)).getNow(null);
  }
}
