package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the enabled {@link InstrumentationModule}s: one {@link TransformGate} in front of one
 * {@link AsmWeaver}, whatever way the agent started. The gate answers "could this class match"
 * from the loader, the name and the class-file header, and hands the few classes that pass to the
 * weaver, built for the first of them (or earlier, as a warm-up, on the agent's thread {@code
 * cachedb-agent} before it starts the endpoint).
 *
 * <p>At {@code -javaagent:} start no library class is loaded yet, so there is nothing to
 * retransform. After an attach the same gate picks the classes already loaded and they are
 * retransformed through it ({@link LoadedClasses}). The gate is retransformation-capable and
 * advice is inlined without adding members, so a retransformation (ours after an attach, another
 * agent's later) may change those classes and keeps our advice.
 */
public final class InstrumentationInstaller {

  private InstrumentationInstaller() {}

  /**
   * Installs the given modules, which the caller has already filtered to the enabled ones.
   * {@code attached}: started by attach into a running JVM, whose loaded classes are then
   * retransformed before this returns; at {@code -javaagent:} start there are none of interest.
   * Returns the warm-up to run off the application's startup path (nothing to do after an
   * attach: the retransformation has built the weaver).
   */
  public static Runnable install(
      Instrumentation inst, AgentConfig config, List<InstrumentationModule> modules,
      InstrumentationStates states, Runnable onTransformFailure, Runnable awaitRecorders,
      boolean attached) {
    List<TransformGate.Candidate> candidates = new ArrayList<>();
    // Each type's module, which the woven code names when its advice throws (AdviceErrors).
    Map<TypeInstrumentation, String> moduleOf = new IdentityHashMap<>();
    for (InstrumentationModule module : modules) {
      // Landmarks, version and references, once per loader: a module is woven whole or not at all.
      ElementMatcher<ClassLoader> loaders =
          new CachedLoaderMatcher(new ModuleCheck(module, states));
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        candidates.add(new TransformGate.Candidate(loaders, type.typeMatcher(), type));
        moduleOf.put(type, module.name());
      }
    }
    TransformFailures failures = new TransformFailures(
        config.getBoolean(ConfigKey.LOG_TRANSFORM_ERRORS)
            ? AgentLog.Level.WARN
            : AgentLog.Level.DEBUG,
        onTransformFailure);
    TransformGate gate = new TransformGate(IgnoredTypes.INSTANCE, candidates,
        () -> {
          awaitRecorders.run(); // no advice may run before the recorders it calls exist
          return build(candidates, moduleOf, failures);
        });
    // Retransformation-capable: ours after an attach, and another agent (OpenTelemetry's) may
    // retransform a class later; only such a transformer is asked again then.
    inst.addTransformer(gate, true);
    if (attached) {
      int classes = LoadedClasses.retransform(inst, gate, failures);
      if (AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
        AgentLog.debug("retransformed " + classes + " loaded classes");
      }
      return () -> { };
    }
    return gate::warmUp;
  }

  /** The weaver, built when the gate first lets a class through (or by the warm-up). */
  private static ClassFileTransformer build(List<TransformGate.Candidate> candidates,
      Map<TypeInstrumentation, String> moduleOf, TransformFailures failures) {
    try {
      return new AsmWeaver(candidates, moduleOf, failures);
    } catch (RuntimeException | LinkageError e) {
      AgentLog.error("cannot instrument, the application runs on without it: "
          + AgentLog.describe(e));
      return (loader, name, redefined, domain, bytes) -> null;
    }
  }
}
