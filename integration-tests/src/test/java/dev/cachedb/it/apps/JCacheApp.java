package dev.cachedb.it.apps;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * JCache without Spring, on Ehcache 3 with its statistics on: every counted method of
 * {@code javax.cache.Cache} on two caches, then each cache's CacheStatisticsMXBean values printed
 * as {@code stats <cache> <hits> <misses> <puts> <removals>}, then "done".
 */
public final class JCacheApp {
  public static void main(String[] args) throws Exception {
    CacheManager manager =
        Caching.getCachingProvider("org.ehcache.jsr107.EhcacheCachingProvider").getCacheManager();
    MutableConfiguration<String, String> config =
        new MutableConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setStatisticsEnabled(true);
    Cache<String, String> users = manager.createCache("users", config);
    Cache<String, String> sessions = manager.createCache("sessions", config);

    for (int i = 0; i < 5; i++) {
      users.put("u" + i, "user " + i);
    }
    for (int i = 0; i < 8; i++) {
      users.get("u" + i); // 5 hits, 3 misses
    }
    Map<String, String> batch = new HashMap<>();
    batch.put("s1", "a");
    batch.put("s2", "b");
    sessions.putAll(batch);
    sessions.getAll(new HashSet<>(Arrays.asList("s1", "s2", "s3"))); // 2 hits, 1 miss
    sessions.putIfAbsent("s1", "again"); // hit, no put
    sessions.putIfAbsent("s4", "d"); // miss, put
    sessions.getAndPut("s5", "e"); // miss, put
    sessions.remove("s2");
    sessions.remove("s9"); // absent: no removal
    sessions.getAndRemove("s4"); // hit, removal
    Set<String> gone = new HashSet<>(Arrays.asList("s1", "s5"));
    sessions.removeAll(gone);

    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (String name : new String[] {"users", "sessions"}) {
      Set<ObjectName> beans =
          server.queryNames(new ObjectName("javax.cache:type=CacheStatistics,Cache=" + name + ",*"),
              null);
      ObjectName bean = beans.iterator().next();
      System.out.println("stats " + name
          + " " + server.getAttribute(bean, "CacheHits")
          + " " + server.getAttribute(bean, "CacheMisses")
          + " " + server.getAttribute(bean, "CachePuts")
          + " " + server.getAttribute(bean, "CacheRemovals"));
    }
    System.out.println("done");
    Thread.sleep(Long.MAX_VALUE);
  }
}
