package dev.cachedb.agent;

import dev.cachedb.agent.bridge.BootstrapJar;
import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigException;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.config.ConfigParser;
import dev.cachedb.agent.exporter.MetricsEndpoint;
import dev.cachedb.agent.instrumentation.AgentContext;
import dev.cachedb.agent.instrumentation.ForcedFailures;
import dev.cachedb.agent.instrumentation.InstrumentationInstaller;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Instrumentations;
import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import dev.cachedb.agent.metrics.AgentMetrics;
import dev.cachedb.agent.metrics.Histograms;
import dev.cachedb.agent.metrics.JvmCollectors;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the agent, in this order: configuration (a bad one stops here), the registry, the
 * bootstrap bridge, the modules' recorders, then instrumentation, so that no advice runs before
 * the recorders it calls exist. The JVM metrics and the endpoint start last, as the first task of
 * the agent's one background thread ({@link AgentLoop}): they are not needed before the first
 * scrape, and on the startup path they cost the application about half a second (JMX beans, the
 * server's classes). A taken port then means no endpoint, one line on stderr, and the application
 * runs on; the thread stays for the Redis memory poll.
 */
final class AgentStarter {
  /** Not {@code cachedb.*}: that prefix is configuration, and an unknown key there is an error. */
  static final String RUNNING_MARKER = "dev.cachedb.agent.running";

  private AgentStarter() {}

  /** {@code attached}: started in a running JVM (agentmain) rather than by -javaagent. */
  static void start(String args, Instrumentation inst, boolean attached)
      throws IOException, URISyntaxException {
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

    Histograms.configure(config.getBoolean(ConfigKey.HISTOGRAMS_NATIVE));
    PrometheusRegistry registry = new PrometheusRegistry();
    // No metric of the agent uses exemplars, so client_java never starts its scheduler thread:
    // started lazily on a web application's request thread, it would keep that application's
    // class loader alive forever (ClassLoaderIsolationIT).
    AgentMetrics agentMetrics = new AgentMetrics(registry, AgentVersion.get());

    if (config.getBoolean(ConfigKey.REDIS_ENABLED)
        || config.getBoolean(ConfigKey.JDBC_ENABLED)
        || config.getBoolean(ConfigKey.POOL_ENABLED)) {
      // Before any module class is loaded: verifying a module or recorder class can load the
      // bootstrap hook classes it refers to, and they must come from the bootstrap copy, never
      // the agent jar on the application class path. Only when something will be instrumented:
      // appending to the bootstrap path costs the JVM its class-data sharing for application
      // classes (it says so in one line on stderr).
      BootstrapJar.install(inst, agentJar());
    }
    AgentLoop loop = new AgentLoop();
    List<InstrumentationModule> modules = enabled(Instrumentations.all(), config);
    Runnable warmUp = () -> { };
    if (!modules.isEmpty()) {
      AgentContext context = new AgentContext(config, registry, loop);
      for (InstrumentationModule m : modules) {
        m.start(context);
      }
      ForcedFailures.installIfAsked(); // test-only switch, off unless a test sets it
      warmUp = InstrumentationInstaller.install(
          inst, config, modules, agentMetrics::transformFailed, attached);
    }

    Runnable instrumentationWarmUp = warmUp;
    // here: the thread is created from premain. The warm-up first: it readies the weaver before
    // the application's first JDBC or Redis class needs it, off the application's threads.
    loop.schedule(now -> {
      instrumentationWarmUp.run();
      return serve(config, registry, loop);
    });
  }

  /** Registers the JVM metrics and starts the endpoint; runs once, on the loop thread. */
  private static long serve(AgentConfig config, PrometheusRegistry registry, AgentLoop loop) {
    try {
      if (config.getBoolean(ConfigKey.JVM_METRICS_ENABLED)) {
        JvmCollectors.register(registry);
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

  private static File agentJar() throws URISyntaxException {
    return new File(
        AgentStarter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
