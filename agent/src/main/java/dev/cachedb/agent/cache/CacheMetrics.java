package dev.cachedb.agent.cache;

import dev.cachedb.agent.metrics.Histograms;
import dev.cachedb.agent.metrics.LabelValues;
import dev.cachedb.agent.metrics.SecondsHistogram;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cache metrics of the contract, and a cache of resolved data points per Redis command.
 *
 * <pre>
 * # TYPE cache_operations_total counter
 * cache_operations_total{operation="get",result="hit"} 70.0
 * cache_operations_total{operation="get",result="miss"} 30.0
 * # TYPE cache_operation_duration_seconds histogram
 * cache_operation_duration_seconds_bucket{operation="get",le="5.0E-5"} 0
 * ...
 * # TYPE cache_hit_rate gauge
 * cache_hit_rate 70.0
 * </pre>
 *
 * Commands are a bounded set, so the per-command map cannot grow without bound; even so it is
 * capped, and names past the cap share the {@code other} operation.
 */
public final class CacheMetrics {
  static final int MAX_OPERATIONS = 512;
  private static final double[] BUCKETS = {
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    2.5, 5
  };

  private final Counter operations;
  private final SecondsHistogram duration;
  private final ConcurrentHashMap<String, CacheOperation> byName = new ConcurrentHashMap<>();
  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();

  public CacheMetrics(PrometheusRegistry registry, Histograms histograms) {
    operations =
        Counter.builder()
            .name("cache_operations_total")
            .help("Redis commands the application issued, by command and result")
            .labelNames("operation", "result")
            // No trace context to attach here, and the exemplar sampler's periodic attempt
            // allocates on the application's thread.
            .withoutExemplars()
            .register(registry);
    duration =
        histograms.seconds(
            "cache_operation_duration_seconds",
            "Client-side time from sending a Redis command to having its reply",
            BUCKETS,
            "operation");
    registry.register(duration);
    GaugeWithCallback.builder()
        .name("cache_hit_rate")
        .help("100 * hits / (hits + misses) since the agent started; NaN before the first read")
        .callback(cb -> cb.call(hitRate()))
        .register(registry);
  }

  /**
   * The data points of one command. After the first call per name this is one hash lookup: the
   * name's hash is cached in the String, so nothing is allocated.
   */
  public CacheOperation operation(String command) {
    CacheOperation op = byName.get(command);
    return op != null ? op : create(command);
  }

  private CacheOperation create(String command) {
    // Custom commands (Lettuce's ProtocolKeyword, Jedis' sendCommand) can be named anything.
    String label =
        byName.size() >= MAX_OPERATIONS
            ? "other"
            : LabelValues.bound(command.toLowerCase(Locale.ROOT));
    CacheOperation op = new CacheOperation(this, label, operations, duration);
    CacheOperation raced = byName.putIfAbsent(command, op);
    return raced != null ? raced : op;
  }

  double hitRate() {
    long h = hits.sum();
    long m = misses.sum();
    return h + m == 0 ? Double.NaN : 100.0 * h / (h + m);
  }
}
