package dev.cachedb.agent.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
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
 * # TYPE cachedb_agent_advice_errors_total counter
 * cachedb_agent_advice_errors_total{module="lettuce-5.0"} 0.0
 * </pre>
 *
 * <p>{@value #ADVICE_ERRORS} has one series per enabled module from the start (and {@code
 * unknown}), so that a rate works from the first error on.
 */
public final class AgentMetrics {
  public static final String ADVICE_ERRORS = "cachedb_agent_advice_errors_total";

  private final Counter transformErrors;
  private final Counter adviceErrors;

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
    adviceErrors =
        Counter.builder()
            .withoutExemplars()
            .name(ADVICE_ERRORS)
            .help("Throwables that advice or its hooks threw inside an intercepted call and the"
                + " agent swallowed; the call went on, its metrics may be missing")
            .labelNames("module")
            .register(registry);
  }

  public void transformFailed() {
    transformErrors.inc();
  }

  /** The advice error count of one module, created now: the error path only increments it. */
  public CounterDataPoint adviceErrors(String module) {
    return adviceErrors.labelValues(module);
  }
}
