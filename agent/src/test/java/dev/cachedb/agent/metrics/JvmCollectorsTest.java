package dev.cachedb.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmCollectorsTest {

  @Test
  void theFirstScrapeHoldsTheJvmMetricsAndLaterScrapesTheSameOnes() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmCollectors.registerOnFirstScrape(registry);

    List<String> first = names(registry.scrape());
    assertThat(first).contains("jvm_threads_current", "jvm_memory_used_bytes",
        "jvm_classes_currently_loaded", "jvm_runtime", "process_cpu_seconds");
    assertThat(first).doesNotContain("jvm_memory_pool_allocated_bytes");
    assertThat(names(registry.scrape())).isEqualTo(first);
  }

  @Test
  void aNameFilterReachesTheJvmMetrics() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmCollectors.registerOnFirstScrape(registry);

    assertThat(names(registry.scrape(name -> name.equals("jvm_threads_current"))))
        .containsExactly("jvm_threads_current");
  }

  private static List<String> names(MetricSnapshots snapshots) {
    List<String> names = new ArrayList<>();
    for (MetricSnapshot s : snapshots) {
      names.add(s.getMetadata().getPrometheusName());
    }
    return names;
  }
}
