package dev.cachedb.agent.instrumentation.jcache.v1_0;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.cache.names.CacheNamesRuntime;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * JCache ({@code javax.cache}, JSR 107, API 1.0 and 1.1) without Spring: every implementation of
 * {@code javax.cache.Cache} (Ehcache 3, Caffeine's, Hazelcast's...). Under Spring's
 * {@code JCacheCache} the Spring call is the outermost and the JCache one inside it is not
 * counted again.
 */
public final class JCacheModule implements InstrumentationModule {
  /** A JCache 2 is refused until checked. */
  private static final Library CACHE_API =
      new Library("cache-api", "javax.cache", "cache-api", "javax/cache/Cache.class", 1);

  @Override
  public String name() {
    return "jcache-1.0";
  }

  @Override
  public Library library() {
    return CACHE_API;
  }

  @Override
  public ConfigKey switchKey() {
    return ConfigKey.APP_CACHE_ENABLED;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // in 1.0 and 1.1 alike: the API has no version landmark, and the advised methods are 1.0's
    return Landmarks.of("javax/cache/Cache.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new JCacheInstrumentation());
  }

  @Override
  public void start(AgentContext context) {
    CacheNamesRuntime.start(context);
  }
}
