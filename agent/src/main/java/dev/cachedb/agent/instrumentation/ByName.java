package dev.cachedb.agent.instrumentation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A type matcher by class name alone: exact names, or a package prefix with a name suffix. The
 * gate answers it from the name the JVM passes with the class file ({@link #matchesInternalName}),
 * so a library's instrumentation costs every other class one set lookup, with no class-file
 * parsing and no Byte Buddy matcher chain (whose megamorphic calls the JIT compiled, at some
 * cost, during the application's start), after an attach as at start. {@link #matches} serves
 * descriptions (tests, other matchers).
 */
public final class ByName implements ElementMatcher<TypeDescription> {
  private final Set<String> names;
  private final Set<String> internalNames;
  private final String prefix;
  private final String internalPrefix;
  private final String suffix;

  private ByName(Set<String> names, String prefix, String suffix) {
    this.names = names;
    this.internalNames = new HashSet<>();
    for (String n : names) {
      internalNames.add(n.replace('.', '/'));
    }
    this.prefix = prefix;
    this.internalPrefix = prefix == null ? null : prefix.replace('.', '/');
    this.suffix = suffix;
  }

  /** Binary names ({@code a.b.C$D}). */
  public static ByName named(String... binaryNames) {
    return new ByName(new HashSet<>(Arrays.asList(binaryNames)), null, null);
  }

  /** Classes whose binary name starts with {@code prefix} and ends with {@code suffix}. */
  public static ByName startingAndEnding(String prefix, String suffix) {
    return new ByName(new HashSet<String>(), prefix, suffix);
  }

  /** The exact names, internal form ({@code a/b/C$D}). */
  Set<String> internalNames() {
    return internalNames;
  }

  /** Whether a prefix and suffix are tested besides the exact names. */
  boolean hasPattern() {
    return prefix != null;
  }

  /** {@code internalName}: as the JVM passes it, {@code a/b/C$D}. */
  boolean matchesInternalName(String internalName) {
    return internalNames.contains(internalName)
        || (prefix != null
            && internalName.endsWith(suffix)
            && internalName.startsWith(internalPrefix));
  }

  @Override
  public boolean matches(TypeDescription type) {
    String name = type.getName();
    return names.contains(name)
        || (prefix != null && name.endsWith(suffix) && name.startsWith(prefix));
  }

  @Override
  public String toString() {
    return prefix == null ? "named(" + names + ")" : "named(" + prefix + "*" + suffix + ")";
  }
}
