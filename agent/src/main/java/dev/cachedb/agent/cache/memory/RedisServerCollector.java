package dev.cachedb.agent.cache.memory;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * The Redis server's own view of its cache, from the memory poller's last successful read of each
 * server ({@link RedisServer#last}), read at scrape time. The counters are the server's own
 * numbers, not sums the agent keeps: they restart at zero when the server restarts or runs {@code
 * CONFIG RESETSTAT}, which {@code rate()} takes as a counter reset, and at any scrape they equal
 * what {@code INFO stats} said at the last poll. A server has series exactly while the poller
 * holds it, and a field its INFO lacks (older servers, proxies) has none.
 *
 * <pre>
 * # TYPE cache_memory_max_bytes gauge
 * cache_memory_max_bytes{server="127.0.0.1:6379"} 2097152.0
 * # TYPE cache_server_evicted_keys_total counter
 * cache_server_evicted_keys_total{server="127.0.0.1:6379"} 1843.0
 * # TYPE cache_server_expired_keys_total counter
 * cache_server_expired_keys_total{server="127.0.0.1:6379"} 20.0
 * # TYPE cache_server_keyspace_hits_total counter
 * cache_server_keyspace_hits_total{server="127.0.0.1:6379"} 300.0
 * # TYPE cache_server_keyspace_misses_total counter
 * cache_server_keyspace_misses_total{server="127.0.0.1:6379"} 100.0
 * </pre>
 */
final class RedisServerCollector {
  private RedisServerCollector() {}

  static void register(PrometheusRegistry registry, Collection<RedisServer> servers) {
    GaugeWithCallback.builder()
        .name("cache_memory_max_bytes")
        .help("maxmemory from INFO memory of each Redis server the application talks to; 0: none")
        .labelNames("server")
        .callback(
            cb -> {
              for (RedisServer s : servers) {
                RedisInfo info = s.last;
                if (info != null && info.maxMemory != RedisInfo.ABSENT) {
                  cb.call(info.maxMemory, s.key);
                }
              }
            })
        .register(registry);
    counter(registry, servers, "cache_server_keyspace_hits_total",
        "keyspace_hits from INFO stats: lookups of existing keys, as the server counts them",
        info -> info.keyspaceHits);
    counter(registry, servers, "cache_server_keyspace_misses_total",
        "keyspace_misses from INFO stats: lookups of absent keys, as the server counts them",
        info -> info.keyspaceMisses);
    counter(registry, servers, "cache_server_evicted_keys_total",
        "evicted_keys from INFO stats: keys the server removed to stay under maxmemory",
        info -> info.evictedKeys);
    counter(registry, servers, "cache_server_expired_keys_total",
        "expired_keys from INFO stats: keys the server removed when their TTL ran out",
        info -> info.expiredKeys);
  }

  private static void counter(PrometheusRegistry registry, Collection<RedisServer> servers,
      String name, String help, ToLongFunction<RedisInfo> field) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("server")
        .callback(
            cb -> {
              for (RedisServer s : servers) {
                RedisInfo info = s.last;
                long value = info == null ? RedisInfo.ABSENT : field.applyAsLong(info);
                if (value != RedisInfo.ABSENT) {
                  cb.call(value, s.key);
                }
              }
            })
        .register(registry);
  }
}
