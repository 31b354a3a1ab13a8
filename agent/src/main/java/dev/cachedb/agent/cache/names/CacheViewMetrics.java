package dev.cachedb.agent.cache.names;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-cache-name counters, named and labelled as Micrometer names Spring Boot's cache
 * metrics, so that dashboards made for those work unchanged.
 *
 * <pre>
 * # TYPE cache_gets_total counter
 * cache_gets_total{cache="owners",provider="redis",result="hit"} 70.0
 * cache_gets_total{cache="owners",provider="redis",result="miss"} 30.0
 * # TYPE cache_puts_total counter
 * cache_puts_total{cache="owners",provider="redis"} 30.0
 * # TYPE cache_removals_total counter
 * cache_removals_total{cache="owners",provider="redis"} 2.0
 * </pre>
 *
 * Cache names are the application's choice, and an application that makes caches per tenant or
 * per request could make them without bound: past {@code maxNames} distinct names, new ones share
 * the name {@code other}.
 */
final class CacheViewMetrics {
  static final String OTHER = "other";

  private final Counter gets;
  private final Counter puts;
  private final Counter removals;
  private final int maxNames;
  private final ConcurrentHashMap<String, CacheSeries> byLabels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> names = new ConcurrentHashMap<>();

  CacheViewMetrics(PrometheusRegistry registry, int maxNames) {
    this.maxNames = maxNames;
    // No trace context to attach, and the exemplar sampler allocates on the caller's thread.
    gets = Counter.builder().name("cache_gets_total")
        .help("Application cache lookups by cache name, provider and result (hit or miss)")
        .labelNames("cache", "provider", "result").withoutExemplars().register(registry);
    puts = Counter.builder().name("cache_puts_total")
        .help("Application cache puts by cache name and provider")
        .labelNames("cache", "provider").withoutExemplars().register(registry);
    removals = Counter.builder().name("cache_removals_total")
        .help("Application cache evict, remove and clear calls by cache name and provider")
        .labelNames("cache", "provider").withoutExemplars().register(registry);
  }

  /** The series of a cache; called once per cache object, so it may allocate. */
  CacheSeries series(String name, String provider) {
    String label = capped(name == null ? OTHER : name);
    String key = label + '\u0000' + provider;
    CacheSeries s = byLabels.get(key);
    if (s == null) {
      s = new CacheSeries(gets.labelValues(label, provider, "hit"),
          gets.labelValues(label, provider, "miss"), puts.labelValues(label, provider),
          removals.labelValues(label, provider));
      CacheSeries raced = byLabels.putIfAbsent(key, s);
      s = raced != null ? raced : s;
    }
    return s;
  }

  private String capped(String name) {
    if (names.containsKey(name)) {
      return name;
    }
    synchronized (names) { // first sight of a name only: keeps the cap exact under races
      if (names.size() >= maxNames) {
        return OTHER;
      }
      names.put(name, Boolean.TRUE);
      return name;
    }
  }
}
