package dev.cachedb.testapp;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * An application cache in front of a slow lookup, JCache style (Ehcache 3 as the provider), for
 * cache_gets_total per cache name. After N rounds, on cache "customers":
 *
 * <pre>
 * gets  hit N, miss N   (the key just put, an absent key)
 * puts  N
 * </pre>
 */
final class AppCacheWorkload implements Workload {
  private CacheManager manager;
  private Cache<String, String> customers;
  private int round;

  @Override
  public String name() {
    return "app-cache";
  }

  @Override
  public void setUp() {
    manager = Caching.getCachingProvider("org.ehcache.jsr107.EhcacheCachingProvider")
        .getCacheManager();
    customers = manager.createCache("customers",
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
  }

  @Override
  public void runOnce() {
    String key = "customer-" + (round++ % 100);
    customers.put(key, "value");
    customers.get(key);
    customers.get("absent");
  }

  @Override
  public void close() {
    if (manager != null) {
      manager.close();
    }
  }
}
