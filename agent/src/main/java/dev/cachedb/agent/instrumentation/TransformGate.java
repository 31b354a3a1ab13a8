package dev.cachedb.agent.instrumentation;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The agent's only transformer at {@code -javaagent:} start: it decides from the loader, the name
 * and the class-file header whether a class could match any type instrumentation, and hands only
 * those to the weaver ({@link DirectWeaver}). Every other class (all but a few dozen in an
 * application) costs a few comparisons here instead of Byte Buddy's per-class machinery (a type
 * pool, a class-file locator, a lazy description, the listeners). The weaver is built for the
 * first class that could match, or earlier by {@link #warmUp()}.
 *
 * <p>The type matchers are asked here of a description made from the header only: name,
 * modifiers, super class and interface names, none of them resolvable further. A matcher that
 * needs more (annotations, methods, the super types' own super types) must read the class bytes
 * itself (see {@link ClassBytes}, {@link SafeSuperTypes}); one that throws here lets the class
 * through, and the weaver decides with the full description.
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
  }

  /** Builds the weaver: called once, for the first class that could match or by the warm-up. */
  interface Target {
    ClassFileTransformer build();
  }

  private final ElementMatcher<TypeDescription> ignored;
  private final Candidate[] candidates;
  private final Target target;
  private volatile ClassFileTransformer weaver;

  TransformGate(ElementMatcher<TypeDescription> ignored, List<Candidate> candidates, Target target) {
    this.ignored = ignored;
    this.candidates = candidates.toArray(new Candidate[0]);
    this.target = target;
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
      byte[] bytes) throws IllegalClassFormatException {
    ClassBytes.Entry entry = ClassBytes.capture(loader, internalName, bytes);
    if (entry == null || !couldMatch(loader) || !couldMatch(loader, entry)) {
      return null;
    }
    return weaver().transform(loader, internalName, redefined, domain, bytes);
  }

  /** Whether any module applies in this loader (the answers are cached per loader). */
  private boolean couldMatch(ClassLoader loader) {
    for (Candidate c : candidates) {
      if (c.loaders.matches(loader)) {
        return true;
      }
    }
    return false;
  }

  private boolean couldMatch(ClassLoader loader, ClassBytes.Entry entry) {
    TypeDescription header;
    try {
      header = entry.header();
    } catch (RuntimeException unreadable) {
      return true; // e.g. a class-file version newer than our ASM: the weaver decides
    }
    if (ignored.matches(header)) {
      return false;
    }
    for (Candidate c : candidates) {
      try {
        if (c.loaders.matches(loader) && c.types.matches(header)) {
          return true;
        }
      } catch (RuntimeException needsMore) {
        return true;
      }
    }
    return false;
  }

  /**
   * Builds the weaver, reads the advice classes and weaves a sample, on the agent's thread
   * ({@code cachedb-agent}) before it starts the endpoint, so that the application's first library
   * class finds that done (or waits for it, never builds twice).
   */
  void warmUp() {
    try {
      ClassFileTransformer w = weaver();
      if (w instanceof LeanWeaver) {
        ((LeanWeaver) w).resolveAll();
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

  /** A header-only description: what the gate's matchers may look at. */
  static TypeDescription describe(ClassHeader header) {
    String superName = header.superName;
    String[] interfaces = header.interfaces;
    TypeDescription.Generic[] generic = new TypeDescription.Generic[interfaces.length];
    for (int i = 0; i < interfaces.length; i++) {
      generic[i] = latent(interfaces[i]);
    }
    return new TypeDescription.Latent(
        header.name.replace('/', '.'), header.access,
        superName == null ? null : latent(superName), generic);
  }

  private static TypeDescription.Generic latent(String internalName) {
    return new TypeDescription.Latent(internalName.replace('/', '.'), 0, null).asGenericType();
  }
}
