package dev.cachedb.agent.cache;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.bootstrap.JedisCalls;
import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.cache.memory.RedisMemoryPoller;
import dev.cachedb.agent.cache.prefix.KeyPrefixes;
import dev.cachedb.agent.cache.redis.jedis.JedisRecorder;
import dev.cachedb.agent.cache.redis.lettuce.LettuceRecorder;
import dev.cachedb.agent.config.ConfigKey;

/**
 * The cache metrics, recorder and memory poller, created once for every Redis client module
 * (Jedis and Lettuce lines alike): each module's {@code start()} calls {@link #start}, and only
 * the first call builds anything ({@link AgentContext#shared}), so metrics are registered once and
 * one poller runs.
 */
public final class CacheRuntime {

  private final CacheMetrics metrics;
  private final CacheRecorder recorder;
  private final RedisMemoryPoller poller; // null when redis.memory.enabled=false

  private CacheRuntime(AgentContext context) {
    metrics = new CacheMetrics(context.registry(), context.histograms());
    if (context.config().getBoolean(ConfigKey.REDIS_MEMORY_ENABLED)) {
      poller =
          new RedisMemoryPoller(
              context.registry(),
              context.config().getDurationMillis(ConfigKey.REDIS_MEMORY_INTERVAL),
              context.loop());
    } else {
      poller = null;
    }
    CacheRecorder.ServerListener servers =
        poller != null ? poller : (host, port, user, password) -> {};
    KeyPrefixes prefixes = null;
    if (context.config().getBoolean(ConfigKey.REDIS_KEY_PREFIX_ENABLED)) {
      prefixes =
          new KeyPrefixes(
              context.registry(),
              context.config().getString(ConfigKey.REDIS_KEY_PREFIX_DELIMITER).charAt(0),
              context.config().getInt(ConfigKey.REDIS_KEY_PREFIX_MAX));
    }
    recorder = new CacheRecorder(metrics, servers, prefixes);
  }

  /** Builds the cache runtime on the first call and installs its recorder; later calls return it. */
  public static CacheRuntime start(final AgentContext context) {
    return context.shared(CacheRuntime.class, () -> {
      CacheRuntime runtime = new CacheRuntime(context);
      JedisCalls.sink = new JedisRecorder(runtime.recorder);
      LettuceCalls.sink = new LettuceRecorder(runtime.recorder);
      return runtime;
    });
  }

  public CacheMetrics metrics() {
    return metrics;
  }
}
