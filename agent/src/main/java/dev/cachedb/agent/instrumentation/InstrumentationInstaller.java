package dev.cachedb.agent.instrumentation;


import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the enabled {@link InstrumentationModule}s. Every transformer is retransformation-capable
 * and advice is inlined without adding members, so a retransformation (ours after an attach,
 * another agent's later) may change those classes.
 *
 * <p>Startup cost is paid per class the JVM loads. At {@code -javaagent:} start the only
 * transformer is a {@link TransformGate}: it answers "could this class match" from the loader, the
 * name and the class-file header, and hands the few classes that pass to a {@link DirectWeaver},
 * built for the first of them (or earlier, as a warm-up, on the agent's thread {@code
 * cachedb-agent} before it starts the endpoint). No library class is loaded yet then, so there
 * is nothing to retransform. After an attach, Byte Buddy's agent builder is installed instead
 * ({@link AttachInstaller}): it also retransforms the classes already loaded.
 */
public final class InstrumentationInstaller {

  private InstrumentationInstaller() {}

  /**
   * Installs the given modules, which the caller has already filtered to the enabled ones.
   * {@code attached}: started by attach into a running JVM, whose loaded classes are then
   * retransformed; at {@code -javaagent:} start there are none of interest. Returns the warm-up
   * to run off the application's startup path (nothing to do after an attach).
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
    if (attached) {
      // Before Byte Buddy's transformer: the JVM calls transformers in the order they were added.
      inst.addTransformer(ClassBytes.CAPTURE, true);
      AttachInstaller.builder(config, candidates, moduleOf, onTransformFailure).installOn(inst);
      return () -> { };
    }
    TransformGate gate = new TransformGate(IgnoredTypes.INSTANCE, candidates,
        () -> {
          awaitRecorders.run(); // no advice may run before the recorders it calls exist
          return build(config, candidates, moduleOf, onTransformFailure);
        });
    // Retransformation-capable: another agent (OpenTelemetry's) may retransform a class later,
    // and only such a transformer is asked again then.
    inst.addTransformer(gate, true);
    return gate::warmUp;
  }

  /** The weaver, built when the gate first lets a class through (or by the warm-up). */
  private static ClassFileTransformer build(AgentConfig config,
      List<TransformGate.Candidate> candidates, Map<TypeInstrumentation, String> moduleOf,
      Runnable onTransformFailure) {
    try {
      return new LeanWeaver(candidates, moduleOf, failures(config, onTransformFailure));
    } catch (RuntimeException | LinkageError e) {
      AgentLog.error("cannot instrument, the application runs on without it: "
          + AgentLog.describe(e));
      return (loader, name, redefined, domain, bytes) -> null;
    }
  }

  static TransformFailures failures(AgentConfig config, Runnable onTransformFailure) {
    return new TransformFailures(
        config.getBoolean(ConfigKey.LOG_TRANSFORM_ERRORS)
            ? AgentLog.Level.WARN
            : AgentLog.Level.DEBUG,
        onTransformFailure);
  }
}
