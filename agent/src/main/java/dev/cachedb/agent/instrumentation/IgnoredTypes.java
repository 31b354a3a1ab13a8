package dev.cachedb.agent.instrumentation;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Types never worth a look, by name only: ours (including the shaded Byte Buddy and client_java),
 * the JDK's, other agents' and proxies. The bootstrap loader's classes are left out before this
 * is asked: the JDBC and Redis implementations we instrument are never there. No test here may
 * need the class file (such as {@code isSynthetic()}): that would parse every class the
 * application loads. Lambdas and hidden classes never reach a transformer anyway.
 *
 * <p>A plain prefix list rather than Byte Buddy's matchers, so that the gate asks it of the
 * JVM's internal name without loading any of Byte Buddy at {@code -javaagent:} start.
 */
final class IgnoredTypes implements ElementMatcher<TypeDescription> {
  private static final String[] DEFAULTS = {
    "dev.cachedb.agent.",
    "java.",
    "jdk.",
    "sun.",
    "com.sun.",
    // Another agent's own classes (OpenTelemetry's run in its own loader, often without
    // locatable class files, so matching them only fails) and its unshaded Byte Buddy. That name
    // is built at run time because the shade plugin would relocate the literal.
    "io.opentelemetry.javaagent.",
    String.join(".", "net", "bytebuddy", ""),
    "co.elastic.apm.agent.",
    "datadog.trace.",
    "com.newrelic.",
  };
  /** JDK dynamic proxies have no class file; the statement or connection behind one is advised. */
  private static final String PROXY = "$Proxy";

  static final IgnoredTypes INSTANCE = new IgnoredTypes(DEFAULTS);

  private final String[] prefixes;
  private final String[] internalPrefixes;

  private IgnoredTypes(String[] prefixes) {
    this.prefixes = prefixes.clone();
    this.internalPrefixes = new String[prefixes.length];
    for (int i = 0; i < prefixes.length; i++) {
      internalPrefixes[i] = prefixes[i].replace('.', '/');
    }
  }

  /** Other name prefixes (binary names), for tests. */
  static IgnoredTypes of(String... prefixes) {
    return new IgnoredTypes(prefixes);
  }

  /** {@code internalName}: as the JVM passes it, {@code a/b/C}. */
  boolean matchesInternalName(String internalName) {
    return ignored(internalName, internalPrefixes);
  }

  @Override
  public boolean matches(TypeDescription type) {
    return ignored(type.getName(), prefixes);
  }

  private static boolean ignored(String name, String[] prefixes) {
    return NamePrefixes.startsWithAny(name, prefixes) || name.contains(PROXY);
  }

  @Override
  public String toString() {
    return "ignored types";
  }
}
