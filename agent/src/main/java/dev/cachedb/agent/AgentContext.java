package dev.cachedb.agent;

import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.loop.AgentLoop;
import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a module needs at start: the configuration, the agent's private registry, and the agent's
 * one background thread for periodic work.
 */
public final class AgentContext {
  private final AgentConfig config;
  private final PrometheusRegistry registry;
  private final AgentLoop loop;
  private final Histograms histograms;
  private final Map<Class<?>, Object> shared = new HashMap<>();

  public AgentContext(AgentConfig config, PrometheusRegistry registry, AgentLoop loop) {
    this.config = config;
    this.registry = registry;
    this.loop = loop;
    this.histograms = new Histograms(config.getBoolean(ConfigKey.HISTOGRAMS_NATIVE));
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

  /**
   * The one {@code type} that several modules share (the cache runtime of every Redis client, the
   * recorder of every pool library), made by the first module that asks: metrics registered once,
   * one sink installed. The agent's one way to start a shared thing once.
   */
  public synchronized <T> T shared(Class<T> type, Supplier<T> make) {
    Object s = shared.get(type);
    if (s == null) {
      s = make.get();
      shared.put(type, s);
    }
    return type.cast(s);
  }

  /** Makes every histogram of the agent, classic or also native as configured. */
  public Histograms histograms() {
    return histograms;
  }
}
