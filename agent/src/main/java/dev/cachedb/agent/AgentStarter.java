package dev.cachedb.agent;

import dev.cachedb.agent.bridge.BootstrapJar;
import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigException;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.config.ConfigParser;
import dev.cachedb.agent.exporter.MetricsEndpoint;
import dev.cachedb.agent.instrumentation.InstrumentationInstaller;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.InstrumentationStates;
import dev.cachedb.agent.instrumentation.Instrumentations;
import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import dev.cachedb.agent.metrics.JvmCollectors;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the agent, in this order: configuration (a bad one stops here), the bootstrap bridge,
 * the instrumentation's gate. The registry and the modules' recorders ({@link AgentRuntime}), the
 * weaver's warm-up and the endpoint follow on the agent's one background thread ({@link
 * AgentLoop}), off the application's startup path; no advice runs before the recorders it calls
 * exist, because the weaver waits for them. The JVM metrics are built by the first scrape. On the
 * startup path these cost the application about half a second (JMX beans, the server's classes).
 * A taken port means no endpoint, one line on stderr, and the application runs on; the thread
 * stays for the Redis memory poll.
 */
final class AgentStarter {
  /** Not {@code cachedb.*}: that prefix is configuration, and an unknown key there is an error. */
  static final String RUNNING_MARKER = "dev.cachedb.agent.running";

  private AgentStarter() {}

  /** {@code attached}: started in a running JVM (agentmain) rather than by -javaagent. */
  static void start(String args, Instrumentation inst, boolean attached)
      throws IOException {
    AgentConfig config;
    try {
      config = ConfigParser.parse(args);
    } catch (ConfigException e) {
      AgentLog.error(
          "bad configuration: " + e.getMessage() + ". The agent is off; the application runs on.");
      return;
    }
    AgentLog.setLevel(config.logLevel());
    if (!config.getBoolean(ConfigKey.ENABLED)) {
      AgentLog.info("disabled by configuration (enabled=false)");
      return;
    }

    // One agent per JVM: a second -javaagent flag, or an attach to a JVM that already runs the
    // agent, must not instrument every class twice. System properties are JVM-wide and atomic.
    if (System.getProperties().putIfAbsent(RUNNING_MARKER, AgentVersion.get()) != null) {
      AgentLog.warn("already running in this JVM; this second start is ignored");
      return;
    }

    if (config.getBoolean(ConfigKey.REDIS_ENABLED)
        || config.getBoolean(ConfigKey.JDBC_ENABLED)
        || config.getBoolean(ConfigKey.POOL_ENABLED)) {
      // Before any module class is loaded: verifying a module or recorder class can load the
      // bootstrap hook classes it refers to, and they must come from the bootstrap copy, never
      // the agent jar on the application class path. Only when something will be instrumented:
      // appending to the bootstrap path costs the JVM its class-data sharing for application
      // classes (it says so in one line on stderr).
      BootstrapJar.install(inst);
    }
    AgentLoop loop = new AgentLoop();
    List<InstrumentationModule> modules = enabled(Instrumentations.all(), config);
    InstrumentationStates states = new InstrumentationStates();
    AgentRuntime runtime = new AgentRuntime(config, modules, states, loop);
    if (attached) {
      runtime.start(); // the loaded classes are retransformed next, and their advice runs at once
    }
    Runnable warmUp = () -> { };
    if (!modules.isEmpty()) {
      warmUp = InstrumentationInstaller.install(
          inst, config, modules, states, runtime::transformFailed, runtime::awaitStarted, attached);
    }
    Runnable instrumentationWarmUp = warmUp;
    // The agent's thread, created here from premain: the recorders first (the first woven class
    // waits for them), then the weaver's warm-up, before the application's first JDBC or Redis
    // class needs it, then the endpoint.
    loop.schedule(now -> {
      runtime.start();
      instrumentationWarmUp.run();
      return serve(config, runtime.registry(), loop);
    });
  }

  /** Registers the JVM metrics and starts the endpoint; runs once, on the loop thread. */
  private static long serve(AgentConfig config, PrometheusRegistry registry, AgentLoop loop) {
    if (registry == null) {
      return AgentLoop.DONE; // the recorders could not start; said so already
    }
    try {
      if (config.getBoolean(ConfigKey.JVM_METRICS_ENABLED)) {
        JvmCollectors.registerOnFirstScrape(registry);
      }
      MetricsEndpoint endpoint = MetricsEndpoint.start(config, registry, loop);
      AgentLog.info(
          "cachedb-agent " + AgentVersion.get() + " serving metrics on " + endpoint.scheme()
              + "://" + config.host() + ":" + endpoint.port() + "/metrics");
    } catch (IOException e) {
      AgentLog.error(
          "cannot serve metrics on " + config.host() + ":" + config.port() + " ("
              + AgentLog.describe(e) + "). No metrics are served; the application runs on.");
    } catch (Throwable t) {
      AgentLog.error(
          "cannot serve metrics (" + AgentLog.describe(t) + "); the application runs on.");
    }
    return AgentLoop.DONE;
  }

  private static List<InstrumentationModule> enabled(
      List<InstrumentationModule> all, AgentConfig config) {
    List<InstrumentationModule> on = new ArrayList<>();
    for (InstrumentationModule m : all) {
      if (config.getBoolean(m.switchKey())) {
        on.add(m);
      }
    }
    return on;
  }

}
