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
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;

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
 */
public final class JvmCollectors {

  private JvmCollectors() {}

  public static void register(PrometheusRegistry registry) {
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

  private static boolean nativeMemoryTracking() {
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:NativeMemoryTracking=") && !arg.endsWith("=off")) {
        return true;
      }
    }
    return false;
  }
}
