package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * "Declares a method named one of these", asked before a costly type test: a class that declares
 * none of the advised methods has nothing to weave, whatever its super types.
 *
 * <p>Why: the JDBC modules must ask "implements {@code java.sql.Statement}" of every class the
 * application loads, and answering it reads the class files of the super types (about 75 ms of
 * the test-app's main thread). Only a class declaring {@code execute...} or {@code prepare...}
 * needs that answer; for the class being loaded this test reads its own bytes, in place.
 */
public final class DeclaresMethod extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
  private final String[] names;

  private DeclaresMethod(String[] names) {
    this.names = names.clone();
  }

  /** {@code names}: ASCII method names. */
  public static ElementMatcher.Junction<TypeDescription> named(String... names) {
    return new DeclaresMethod(names);
  }

  @Override
  public boolean matches(TypeDescription type) {
    if (type instanceof HeaderType) { // the gate's and the weaver's description of a class file
      return ((HeaderType) type).header().declaresMethod(names);
    }
    ClassBytes.Entry loading = ClassBytes.current(type.getName());
    if (loading != null) {
      try {
        return loading.parsed().declaresMethod(names);
      } catch (RuntimeException unreadable) {
        // fall through to the description
      }
    }
    // Already loaded (matching at attach): Byte Buddy's description has the methods.
    return !type.getDeclaredMethods().filter(namedOneOf(names)).isEmpty();
  }

  @Override
  public String toString() {
    return "declaresMethod(" + String.join(", ", names) + ")";
  }
}
