package dev.cachedb.agent.cache.names;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.config.ConfigKey;

/**
 * The per-cache-name metrics and their recorder, made once for the Spring cache and JCache
 * modules alike ({@link AgentContext#shared}).
 */
public final class CacheNamesRuntime {

  private CacheNamesRuntime() {}

  /** Registers the metrics and installs the recorder on the first call; later calls do nothing. */
  public static void start(final AgentContext context) {
    context.shared(CacheNamesRuntime.class, () -> {
      CacheViewMetrics metrics = new CacheViewMetrics(
          context.registry(), context.config().getInt(ConfigKey.APP_CACHE_MAX_NAMES));
      CacheCalls.sink = new CacheNamesRecorder(metrics);
      return new CacheNamesRuntime();
    });
  }
}
