package dev.cachedb.agent.cache;

import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.instrumentation.AgentContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds the cache metrics and installs their recorder once, whichever Redis module starts first.
 * (Minimal version for the Lettuce branch; the Jedis branch's version, which also starts the memory
 * poller, replaces it at merge.)
 */
public final class CacheRuntime {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private CacheRuntime() {}

  public static void start(AgentContext context) {
    if (STARTED.compareAndSet(false, true)) {
      CacheMetrics metrics = new CacheMetrics(context.registry());
      CacheCalls.sink = new CacheRecorder(metrics, (h, p, u, pw) -> {});
    }
  }
}
