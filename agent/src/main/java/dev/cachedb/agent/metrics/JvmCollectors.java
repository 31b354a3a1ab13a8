package dev.cachedb.agent.metrics;

import io.prometheus.metrics.config.MetricsProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.util.function.Predicate;

/**
 * client_java's JVM metrics, as {@code JvmMetrics} registers them, with two costs left out:
 *
 * <ul>
 *   <li>No {@code jvm_memory_pool_allocated_bytes_total}: its counters are incremented from GC
 *       notifications with exemplars on whatever the configuration says, and the exemplar sampler
 *       then starts a scheduler thread of its own, one more thread in the application for a
 *       figure {@code jvm_gc_collection_seconds} and the heap gauges mostly cover.
 *   <li>The native-memory metrics only when native memory tracking is on: without it they export
 *       nothing, and probing for it starts the platform MBean server (about 100 ms and a few MB).
 * </ul>
 *
 * Exemplars are off for the rest: there is no trace to link to.
 *
 * <p>They are made at the first scrape ({@link #registerOnFirstScrape}), not at start: building
 * them reads the platform's management beans and loads about 200 classes, some 50 ms of CPU that
 * on a small machine was taken from the application's own start, for metrics nobody reads before
 * the first scrape. An application never scraped never pays it.
 */
public final class JvmCollectors {

  private JvmCollectors() {}

  /** Registers a stand-in that builds the JVM metrics when {@code registry} is first scraped. */
  public static void registerOnFirstScrape(PrometheusRegistry registry) {
    registry.register(new OnFirstScrape());
  }

  private static void register(PrometheusRegistry registry) {
    PrometheusProperties config =
        PrometheusProperties.builder()
            .defaultMetricsProperties(MetricsProperties.builder().exemplarsEnabled(false).build())
            .build();
    JvmThreadsMetrics.builder(config).register(registry);
    JvmBufferPoolMetrics.builder(config).register(registry);
    JvmClassLoadingMetrics.builder(config).register(registry);
    JvmCompilationMetrics.builder(config).register(registry);
    JvmGarbageCollectorMetrics.builder(config).register(registry);
    JvmMemoryMetrics.builder(config).register(registry);
    if (nativeMemoryTracking()) {
      JvmNativeMemoryMetrics.builder(config).register(registry);
    }
    JvmRuntimeInfoMetric.builder(config).register(registry);
    ProcessMetrics.builder(config).register(registry);
  }

  /**
   * The JVM metrics in a registry of their own, built by the first scrape; the agent's registry
   * sees them as one multi-collector. Scrapes run on the endpoint's one thread; the lock is taken
   * per scrape, never on the application's path.
   */
  private static final class OnFirstScrape implements MultiCollector {
    private PrometheusRegistry jvm;

    private synchronized PrometheusRegistry jvm() {
      if (jvm == null) {
        PrometheusRegistry r = new PrometheusRegistry();
        register(r);
        jvm = r;
      }
      return jvm;
    }

    @Override
    public MetricSnapshots collect() {
      return jvm().scrape();
    }

    @Override
    public MetricSnapshots collect(PrometheusScrapeRequest request) {
      return jvm().scrape(request);
    }

    @Override
    public MetricSnapshots collect(Predicate<String> includedNames) {
      return jvm().scrape(includedNames);
    }

    @Override
    public MetricSnapshots collect(
        Predicate<String> includedNames, PrometheusScrapeRequest request) {
      return jvm().scrape(includedNames, request);
    }
  }

  private static boolean nativeMemoryTracking() {
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:NativeMemoryTracking=") && !arg.endsWith("=off")) {
        return true;
      }
    }
    return false;
  }
}
