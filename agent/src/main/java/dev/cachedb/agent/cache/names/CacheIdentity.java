package dev.cachedb.agent.cache.names;

import java.lang.reflect.Method;

/**
 * A cache object's name and provider, read once per cache object through the interface it
 * implements (Spring's {@code Cache} or JCache's), by reflection: the agent cannot link against
 * either. The provider comes from the implementing class; Spring's decorators (the
 * transaction-aware one) are looked through to the cache they decorate.
 */
final class CacheIdentity {
  private static final String SPRING = "org.springframework.cache.Cache";
  private static final String JCACHE = "javax.cache.Cache";

  final String name;
  final String provider;

  private CacheIdentity(String name, String provider) {
    this.name = name;
    this.provider = provider;
  }

  static CacheIdentity of(Object cache) {
    Class<?> spring = implemented(cache.getClass(), SPRING);
    Class<?> api = spring != null ? spring : implemented(cache.getClass(), JCACHE);
    Object named = api == null ? null : call(api, "getName", cache);
    String name = named instanceof String ? (String) named : null;
    Object target = cache;
    for (int i = 0; i < 4 && spring != null; i++) {
      Object inner = call(target.getClass(), "getTargetCache", target); // Spring's decorators
      if (inner == null || inner == target) {
        break;
      }
      target = inner;
    }
    return new CacheIdentity(name, provider(target.getClass().getName(), spring != null));
  }

  /** The provider label of an implementing class. */
  static String provider(String className, boolean spring) {
    if (className.startsWith("org.springframework.data.redis.")
        || className.startsWith("org.redisson.")) {
      return "redis";
    }
    if (className.startsWith("org.springframework.cache.caffeine.")
        || className.startsWith("com.github.benmanes.caffeine.")) {
      return "caffeine";
    }
    if (className.startsWith("org.springframework.cache.ehcache.")
        || className.startsWith("org.ehcache.") || className.startsWith("net.sf.ehcache.")) {
      return "ehcache";
    }
    if (className.startsWith("org.springframework.cache.concurrent.")) {
      return "concurrentmap";
    }
    if (className.startsWith("org.springframework.cache.jcache.") || !spring) {
      return "jcache";
    }
    return "other";
  }

  private static Class<?> implemented(Class<?> type, String interfaceName) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().equals(interfaceName)) {
          return i;
        }
        Class<?> deeper = implemented(i, interfaceName);
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  private static Object call(Class<?> type, String method, Object target) {
    try {
      Method m = type.getMethod(method);
      m.setAccessible(true);
      return m.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
