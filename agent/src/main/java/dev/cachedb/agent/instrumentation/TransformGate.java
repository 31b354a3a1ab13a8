package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.weave.ClassFiles;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The agent's only transformer, at {@code -javaagent:} start and after an attach alike: it decides
 * from the loader, the name and the class-file header whether a class could match any type
 * instrumentation, and hands only those to the weaver ({@link AsmWeaver}). Every other class (all
 * but a few dozen in an application) costs a few comparisons here. The weaver is built for the
 * first class that could match, or earlier by {@link #warmUp()}. After an attach the same tests
 * pick the classes already loaded ({@link #couldMatch(Class)}), which {@link LoadedClasses} then
 * retransforms through this gate.
 *
 * <p>A type matcher by name alone ({@link ByName}) is answered from the name the JVM passes, so
 * most classes cost one set lookup; one that reads the class file itself ({@link HeaderMatcher},
 * {@link Implementing}) is given it. Neither needs any of Byte Buddy, so none of it is loaded on
 * the application's threads for the gate. Any other matcher is asked of a description made from
 * the header only ({@link HeaderType}: name, modifiers, super class and interface names, none of
 * them resolvable further); one that needs more throws, which lets the class through, and the
 * weaver counts it as a failure (no type instrumentation of the agent has such a matcher).
 */
final class TransformGate implements ClassFileTransformer {

  /** One type instrumentation with its module's loader test and its type matcher. */
  static final class Candidate {
    final ElementMatcher<ClassLoader> loaders;
    final ElementMatcher<TypeDescription> types;
    final TypeInstrumentation instrumentation;

    Candidate(ElementMatcher<ClassLoader> loaders, ElementMatcher<TypeDescription> types,
        TypeInstrumentation instrumentation) {
      this.loaders = loaders;
      this.types = types;
      this.instrumentation = instrumentation;
    }

    /**
     * Whether the type matcher takes the class in {@code entry}: by name, by the class file, or
     * (any other matcher) by a description made from the header. Throws if it cannot tell.
     */
    boolean takes(ClassLoader loader, ClassBytes.Entry entry) {
      if (types instanceof ByName) {
        return ((ByName) types).matchesInternalName(entry.internalName);
      }
      if (types instanceof HeaderMatcher) {
        return ((HeaderMatcher) types).matchesHeader(loader, entry);
      }
      return types.matches(entry.header());
    }
  }

  /** Builds the weaver: called once, for the first class that could match or by the warm-up. */
  interface Target {
    ClassFileTransformer build();
  }

  private final IgnoredTypes ignored;
  private final LoaderCandidates byLoader;
  private final Target target;
  private volatile ClassFileTransformer weaver;

  TransformGate(IgnoredTypes ignored, List<Candidate> candidates, Target target) {
    this.ignored = ignored;
    this.byLoader = new LoaderCandidates(candidates.toArray(new Candidate[0]));
    this.target = target;
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
      byte[] bytes) throws IllegalClassFormatException {
    ClassBytes.Entry entry = ClassBytes.capture(loader, internalName, bytes);
    if (entry == null) {
      return null;
    }
    LoaderCandidates.Applicable applicable = byLoader.of(loader);
    if (applicable.none()
        || !(applicable.byName(internalName) || couldMatch(loader, applicable.byHeader, entry))) {
      return null;
    }
    return weaver().transform(loader, internalName, redefined, domain, bytes);
  }

  /**
   * Whether this gate would hand {@code loaded}, a class already loaded (after an attach), to the
   * weaver: the same tests, the header read from the class file its loader holds. A class whose
   * class file cannot be read there is let through: retransforming it gives the gate its bytes.
   */
  boolean couldMatch(Class<?> loaded) {
    ClassLoader loader = loaded.getClassLoader();
    if (loader == null) {
      return false; // the bootstrap loader's classes are never matched
    }
    if (loaded.getName().indexOf('/') >= 0) {
      // A class defined with no class file of its own (a lambda's: JDK 8's VM-anonymous classes,
      // 15's hidden ones, named like "Outer$$Lambda$171/609389093") is never a library's type.
      // JDK 8 still calls it modifiable, and retransforming one there makes its next use throw
      // NoClassDefFoundError in the application.
      return false;
    }
    LoaderCandidates.Applicable applicable = byLoader.of(loader);
    String internalName = loaded.getName().replace('.', '/');
    if (applicable.none()) {
      return false;
    }
    if (applicable.byName(internalName)) {
      return true;
    }
    if (applicable.byHeader.length == 0 || ignored.matchesInternalName(internalName)) {
      return false; // the ignore rules first here: a class file read costs more than they do
    }
    byte[] bytes;
    try {
      bytes = ClassFiles.read(loader, loaded.getName());
    } catch (IOException | RuntimeException unreadable) {
      return true;
    }
    return couldMatch(loader, applicable.byHeader, new ClassBytes.Entry(loader, internalName, bytes));
  }

  private boolean couldMatch(ClassLoader loader, Candidate[] byHeader, ClassBytes.Entry entry) {
    for (Candidate c : byHeader) {
      try {
        if (c.takes(loader, entry)) {
          return !ignored.matchesInternalName(entry.internalName);
        }
      } catch (RuntimeException needsMore) {
        // an unreadable class file, or a matcher that needs more than the header: the weaver
        // decides (and counts a failure)
        return !ignored.matchesInternalName(entry.internalName);
      }
    }
    return false; // the ignore rules asked last: they would reject few of the classes seen here
  }

  /**
   * Builds the weaver, reads the advice classes and weaves a sample, on the agent's thread
   * ({@code cachedb-agent}) before it starts the endpoint, so that the application's first library
   * class finds that done (or waits for it, never builds twice).
   */
  void warmUp() {
    try {
      ClassFileTransformer w = weaver();
      if (w instanceof AsmWeaver) {
        ((AsmWeaver) w).resolveAll();
        WarmUp.weaveSample();
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // only a warm-up: the first real transformation reports any problem of its own
    }
  }

  private ClassFileTransformer weaver() {
    ClassFileTransformer t = weaver;
    if (t == null) {
      synchronized (this) {
        t = weaver;
        if (t == null) {
          t = target.build();
          weaver = t;
        }
      }
    }
    return t;
  }
}
