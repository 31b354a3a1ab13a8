package dev.cachedb.agent;

import dev.cachedb.agent.bootstrap.AdviceErrors;
import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.AdviceErrorRecorder;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.InstrumentationStates;
import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import dev.cachedb.agent.metrics.AgentMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The registry, the agent's own metrics and the modules' recorders. At {@code -javaagent:} start
 * they are built on the agent's thread, in parallel with the application's own start (about
 * 40 ms of the premain before): no advice can run before, because the weaver waits for them
 * ({@link #awaitStarted}) before it returns the first woven class. After an attach they are built
 * before the loaded classes are retransformed, whose advice runs at once.
 */
final class AgentRuntime {
  private final AgentConfig config;
  private final List<InstrumentationModule> modules;
  private final InstrumentationStates states;
  private final AgentLoop loop;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Thread starting;
  private volatile PrometheusRegistry registry;
  private volatile AgentMetrics agentMetrics;

  AgentRuntime(
      AgentConfig config, List<InstrumentationModule> modules, InstrumentationStates states,
      AgentLoop loop) {
    this.config = config;
    this.modules = modules;
    this.states = states;
    this.loop = loop;
  }

  /** Builds everything, once; a failure leaves the modules' hooks at their no-op defaults. */
  synchronized void start() {
    if (started.getCount() == 0) {
      return;
    }
    starting = Thread.currentThread();
    try {
      PrometheusRegistry r = new PrometheusRegistry();
      // No metric of the agent uses exemplars, so client_java never starts its scheduler thread:
      // started lazily on a web application's request thread, it would keep that application's
      // class loader alive forever (ClassLoaderIsolationIT).
      agentMetrics = new AgentMetrics(r, AgentVersion.get());
      states.register(r);
      registry = r;
      if (!modules.isEmpty()) { // else nothing is woven, and the bootstrap jar is not installed
        AdviceErrors.sink = new AdviceErrorRecorder(modules, agentMetrics, AgentLog::warn);
      }
      AgentContext context = new AgentContext(config, r, loop);
      for (InstrumentationModule m : modules) {
        m.start(context);
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.error(
          "cannot start the recorders, no metrics are recorded: " + AgentLog.describe(e));
    } finally {
      started.countDown();
    }
  }

  /**
   * Returns once {@link #start} has run. The thread running it may weave a class meanwhile (a
   * module that loads a library class) and does not wait for itself.
   */
  void awaitStarted() {
    if (Thread.currentThread() == starting) {
      return;
    }
    try {
      started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The registry, or null if {@link #start} failed before it was made. */
  PrometheusRegistry registry() {
    return registry;
  }

  void transformFailed() {
    AgentMetrics m = agentMetrics;
    if (m != null) {
      m.transformFailed();
    }
  }
}
