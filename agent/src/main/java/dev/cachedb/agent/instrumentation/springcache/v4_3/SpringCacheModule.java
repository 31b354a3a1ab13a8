package dev.cachedb.agent.instrumentation.springcache.v4_3;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.cache.names.CacheNamesRuntime;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring's cache abstraction, 4.3 to 7.x: every {@code org.springframework.cache.Cache}
 * implementation, whatever the provider (Spring Data Redis, Caffeine, ConcurrentMap, JCache,
 * Ehcache 2), so {@code @Cacheable} and direct calls alike count per cache name. The advice
 * touches no Spring member (the cache is passed on as an {@code Object}; its name is read once per
 * cache object by the recorder), so the reference check has nothing to refuse in this line.
 */
public final class SpringCacheModule implements InstrumentationModule {
  /** 8.x is refused until checked. */
  private static final Library SPRING = new Library("spring-context", "org.springframework",
      "spring-context", "org/springframework/cache/Cache.class", 7);

  @Override
  public String name() {
    return "spring-cache-4.3";
  }

  @Override
  public Library library() {
    return SPRING;
  }

  @Override
  public ConfigKey switchKey() {
    return ConfigKey.APP_CACHE_ENABLED;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return Landmarks.of(
        // added in 4.3, with get(key, Callable)
        "org/springframework/cache/Cache$ValueRetrievalException.class",
        // added in 4.2.2: the value adapter whose toStoreValue tells a loading get that loaded
        "org/springframework/cache/support/AbstractValueAdaptingCache.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new SpringCacheInstrumentation(), new ValueAdaptingCacheInstrumentation());
  }

  @Override
  public void start(AgentContext context) {
    CacheNamesRuntime.start(context);
  }
}
