package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.loop.AgentLoop;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * What a module needs at start: the configuration, the agent's private registry, and the agent's
 * one background thread for periodic work.
 */
public final class AgentContext {
  private final AgentConfig config;
  private final PrometheusRegistry registry;
  private final AgentLoop loop;

  public AgentContext(AgentConfig config, PrometheusRegistry registry, AgentLoop loop) {
    this.config = config;
    this.registry = registry;
    this.loop = loop;
  }

  /** With a loop of its own (tests): its thread starts only if a module schedules work. */
  public AgentContext(AgentConfig config, PrometheusRegistry registry) {
    this(config, registry, new AgentLoop());
  }

  public AgentConfig config() {
    return config;
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public AgentLoop loop() {
    return loop;
  }
}
