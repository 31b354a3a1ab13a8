package dev.cachedb.agent.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The agent's metrics about itself.
 *
 * <pre>
 * # TYPE cachedb_agent_info gauge
 * cachedb_agent_info{version="0.1.0"} 1
 * # TYPE cachedb_agent_transform_errors_total counter
 * cachedb_agent_transform_errors_total 0.0
 * </pre>
 */
public final class AgentMetrics {
  private final Counter transformErrors;

  public AgentMetrics(PrometheusRegistry registry, String version) {
    Info info =
        Info.builder()
            .name("cachedb_agent_info")
            .help("cachedb-agent build information")
            .labelNames("version")
            .register(registry);
    info.setLabelValues(version);
    transformErrors =
        Counter.builder()
            .withoutExemplars()
            .name("cachedb_agent_transform_errors_total")
            .help("Classes the agent tried to instrument and left unchanged because it failed")
            .register(registry);
  }

  public void transformFailed() {
    transformErrors.inc();
  }
}
