package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.references.ModuleReferences;
import dev.cachedb.agent.log.AgentLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Whether a module is woven into a class loader: its landmarks are there, the library's stated
 * version is not newer than the agent supports, and the library has every class, method and field
 * the module's advice and hooks reference. A module that fails either of the last two is refused
 * in that loader as a whole, never woven into some of its types and not others, and says so
 * ({@link InstrumentationStates}). Asked once per loader (the caller caches the answer).
 */
final class ModuleCheck implements ElementMatcher<ClassLoader> {
  private final InstrumentationModule module;
  private final ElementMatcher<ClassLoader> landmarks;
  private final InstrumentationStates states;
  private volatile ModuleReferences references;

  ModuleCheck(InstrumentationModule module, InstrumentationStates states) {
    this.module = module;
    this.landmarks = module.classLoaderMatcher();
    this.states = states;
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (!landmarks.matches(loader)) {
      return false; // not this module's library, or not its version line
    }
    Library library = module.library();
    String version = library.version(loader);
    if (library.tooNew(version)) {
      states.refused(module.name(), version,
          "is newer than the newest supported, " + library.newestMajor + ".x");
      return false;
    }
    String missing;
    try {
      missing = references().firstMissing(loader);
    } catch (IOException | RuntimeException e) {
      missing = "an unreadable reference of the agent's own (" + AgentLog.describe(e) + ")";
    }
    if (missing != null) {
      states.refused(module.name(), version, "lacks " + missing);
      return false;
    }
    states.active(module.name(), version);
    return true;
  }

  /** The module's references, collected from its advice classes the first time they are needed. */
  ModuleReferences references() throws IOException {
    ModuleReferences r = references;
    if (r == null) {
      synchronized (this) {
        r = references;
        if (r == null) {
          r = collect(module);
          references = r;
        }
      }
    }
    return r;
  }

  static ModuleReferences collect(InstrumentationModule module) throws IOException {
    ModuleReferences.Builder builder = ModuleReferences.builder(ModuleCheck.class.getClassLoader());
    for (TypeInstrumentation type : module.typeInstrumentations()) {
      Collection<String> targets = targets(type);
      List<String> advice = new ArrayList<>();
      type.transform((methods, adviceClass) -> advice.add(adviceClass));
      for (String a : advice) {
        builder.advice(a, targets);
      }
    }
    return builder.build();
  }

  /** The exact types a type instrumentation names; none when it matches by pattern or otherwise. */
  private static Collection<String> targets(TypeInstrumentation type) {
    if (type.typeMatcher() instanceof ByName) {
      ByName byName = (ByName) type.typeMatcher();
      if (!byName.hasPattern()) {
        return byName.internalNames();
      }
    }
    return Collections.emptyList();
  }

  @Override
  public String toString() {
    return "module(" + module.name() + ")";
  }
}
