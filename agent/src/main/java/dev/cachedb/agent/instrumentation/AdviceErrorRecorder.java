package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.bootstrap.AdviceErrors;
import dev.cachedb.agent.metrics.AgentMetrics;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Counts the throwables advice threw and the weaving suppressed, per module, and reports the
 * first of each module once at WARN: the class of what was thrown and the advice's name, never
 * its message, which could carry a key, a value or SQL. Without this, advice failing on every
 * call (a library version with a changed method) left the metrics empty and said nothing.
 *
 * <p>The woven code names its {@link #site}: the module and the advice class, because two
 * modules may share an advice class (Jedis 2.9 and 4.0 do). The map from site to module is built
 * once from the modules' declarations and only read after; each module's counter child exists
 * from the start, so an error allocates nothing but its first log line. A site no module
 * declares counts under {@value #UNKNOWN}.
 */
public final class AdviceErrorRecorder extends AdviceErrors.Sink {
  static final String UNKNOWN = "unknown";

  private final Map<String, ModuleErrors> bySite = new HashMap<>();
  private final ModuleErrors unknown;
  private final Consumer<String> warn;

  /** {@code warn}: where the first error of each module is reported ({@code AgentLog::warn}). */
  public AdviceErrorRecorder(
      List<InstrumentationModule> modules, AgentMetrics metrics, Consumer<String> warn) {
    this.warn = warn;
    for (InstrumentationModule module : modules) {
      ModuleErrors errors = new ModuleErrors(module.name(), metrics.adviceErrors(module.name()));
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        type.transform(
            (methods, adviceClass) -> bySite.put(site(module.name(), adviceClass), errors));
      }
    }
    unknown = new ModuleErrors(UNKNOWN, metrics.adviceErrors(UNKNOWN));
  }

  /** What the woven code reports for {@code adviceClass} woven for {@code module}. */
  static String site(String module, String adviceClass) {
    return module + "/" + adviceClass;
  }

  @Override
  public void suppressed(String site, Throwable thrown) {
    ModuleErrors errors = site == null ? null : bySite.get(site);
    if (errors == null) {
      errors = unknown;
    }
    errors.count.inc();
    if (!errors.logged.get() && errors.logged.compareAndSet(false, true)) {
      warn.accept("advice " + simpleName(site) + " of module " + errors.module + " threw "
          + (thrown == null ? "null" : thrown.getClass().getName())
          + "; the application's call went on without it. Further errors of this module are"
          + " only counted in " + AgentMetrics.ADVICE_ERRORS + "{module=\"" + errors.module
          + "\"}");
    }
  }

  /** {@code Outer$Advice} of a site: enough to find it, short enough to read. */
  private static String simpleName(String site) {
    return site == null ? "null" : site.substring(site.lastIndexOf('.') + 1);
  }

  private static final class ModuleErrors {
    final String module;
    final CounterDataPoint count;
    final AtomicBoolean logged = new AtomicBoolean();

    ModuleErrors(String module, CounterDataPoint count) {
      this.module = module;
      this.count = count;
    }
  }
}
