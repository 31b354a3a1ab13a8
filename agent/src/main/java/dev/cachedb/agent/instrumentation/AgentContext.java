package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.config.AgentConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** What a module needs at start: the configuration and the agent's private registry. */
public final class AgentContext {
  private final AgentConfig config;
  private final PrometheusRegistry registry;

  public AgentContext(AgentConfig config, PrometheusRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  public AgentConfig config() {
    return config;
  }

  public PrometheusRegistry registry() {
    return registry;
  }
}
