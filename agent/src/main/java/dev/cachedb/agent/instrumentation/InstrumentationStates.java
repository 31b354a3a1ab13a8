package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.log.AgentLog;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What became of each module in each library version met: woven ({@code active}) or refused.
 * A refusal is one WARN line, once per module and version, naming the library version and why;
 * the states are exported as one info metric per module, version and state:
 *
 * <pre>
 * # TYPE cachedb_agent_instrumentation info
 * cachedb_agent_instrumentation_info{module="lettuce-5.0",state="active",version="6.6.0"} 1
 * cachedb_agent_instrumentation_info{module="jedis-4.0",state="refused",version="9.0.0"} 1
 * </pre>
 *
 * Loaders are checked as the application first loads a library class, which may be before the
 * registry exists: states seen before are kept and exported once it does.
 */
public final class InstrumentationStates {
  static final String UNKNOWN = "unknown";

  private final Set<String> seen = new LinkedHashSet<>();
  private Info info;

  void active(String module, String version) {
    record(module, version, "active");
  }

  void refused(String module, String version, String why) {
    if (record(module, version, "refused")) {
      AgentLog.warn(module + " refused for " + (version == null ? "a version that states none" :
          "version " + version) + ": the library " + why
          + "; it runs without this agent's instrumentation there");
    }
  }

  /** Creates the metric in the agent's registry, with every state seen so far. */
  public synchronized void register(PrometheusRegistry registry) {
    info = Info.builder()
        .name("cachedb_agent_instrumentation_info")
        .help("Each instrumentation module and library version met: active, or refused")
        .labelNames("module", "version", "state")
        .register(registry);
    for (String key : seen) {
      info.addLabelValues(key.split("\n", -1));
    }
  }

  /** The states seen, {@code [module version state, ...]}, for tests and the debug log. */
  @Override
  public synchronized String toString() {
    return seen.toString().replace('\n', ' ');
  }

  /** True the first time this module, version and state are seen. */
  private synchronized boolean record(String module, String version, String state) {
    String v = version == null ? UNKNOWN : version;
    if (!seen.add(module + "\n" + v + "\n" + state)) {
      return false;
    }
    if (info != null) {
      info.addLabelValues(module, v, state);
    }
    return true;
  }
}
