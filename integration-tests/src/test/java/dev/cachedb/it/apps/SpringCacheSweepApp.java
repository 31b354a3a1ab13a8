package dev.cachedb.it.apps;

import java.util.concurrent.Callable;
import org.springframework.cache.concurrent.ConcurrentMapCache;

/**
 * Spring's cache abstraction for the version sweep: every counted method of a {@code
 * ConcurrentMapCache} that allows nulls, with calls Spring 4.3 already has, then "done". The
 * figures, as {@code CacheSweep} expects them on cache "sweep": hits 4 (a value, a stored null,
 * the typed get, the loading get that finds its value), misses 3 (an absent key, typed, and the
 * loading get that loads), puts 3, removals 2.
 */
public final class SpringCacheSweepApp {
  public static void main(String[] args) throws Exception {
    ConcurrentMapCache cache = new ConcurrentMapCache("sweep", true);
    Callable<String> loader = new Callable<String>() {
      @Override
      public String call() {
        return "loaded";
      }
    };
    cache.put("a", "1");
    cache.put("n", null);
    System.out.println(cache.get("a") != null);
    System.out.println(cache.get("n") != null);
    System.out.println(cache.get("x") != null);
    System.out.println(cache.get("a", String.class));
    System.out.println(cache.get("x", String.class));
    System.out.println(cache.get("a", loader));
    System.out.println(cache.get("l", loader));
    cache.putIfAbsent("a", "2");
    cache.evict("a");
    cache.clear();
    System.out.println("done");
    Thread.sleep(Long.MAX_VALUE);
  }
}
