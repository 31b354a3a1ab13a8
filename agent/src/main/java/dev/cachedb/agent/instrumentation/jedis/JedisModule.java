package dev.cachedb.agent.instrumentation.jedis;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.cache.CacheRuntime;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.Library;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What both Jedis lines share: the library and its version bound, the {@code redis.enabled}
 * switch, and the cache runtime they record into. Each line names itself, its landmarks and its
 * types.
 */
public abstract class JedisModule implements InstrumentationModule {
  /** {@code Jedis} is in every version; 9.x and later are refused until checked and supported. */
  public static final Library JEDIS =
      new Library("jedis", "redis.clients", "jedis", "redis/clients/jedis/Jedis.class", 8);

  private final String name;
  private final Landmarks landmarks;

  protected JedisModule(String name, Landmarks landmarks) {
    this.name = name;
    this.landmarks = landmarks;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Library library() {
    return JEDIS;
  }

  @Override
  public final ConfigKey switchKey() {
    return ConfigKey.REDIS_ENABLED;
  }

  @Override
  public final ElementMatcher<ClassLoader> classLoaderMatcher() {
    return landmarks;
  }

  @Override
  public final void start(AgentContext context) {
    CacheRuntime.start(context);
  }
}
