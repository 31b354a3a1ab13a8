package dev.cachedb.agent.instrumentation;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * "Has a super type named X", walking the hierarchy one type at a time and treating a super type
 * whose class file cannot be found as "not X" instead of failing the whole match.
 *
 * <p>Why: another agent that transformed a class first (the OpenTelemetry agent adds marker
 * interfaces from its bootstrap classes, defined without a class file) leaves interfaces our type
 * pool cannot resolve. Byte Buddy's {@code hasSuperType} then throws and the class, a JDBC driver's
 * statement say, would go uninstrumented. An unresolvable interface cannot lead to {@code java.sql}
 * anyway: those resolve from every loader.
 *
 * <p>The walk does not enter the JDK's types (java., javax., jdk., sun., com.sun.) other than
 * those of the wanted type's own package: no JDK class outside {@code java.sql} implements a JDBC
 * interface, and reading {@code java.lang.Object}'s class file (and Serializable's, Runnable's...)
 * for every class the application loads was most of the walk's startup cost. A name is known
 * without reading the class file, so the test is free.
 */
public final class SafeSuperTypes implements ElementMatcher<TypeDescription> {
  private static final int MAX_TYPES = 512;
  private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
  private final String name;
  private final String ownPackage;
  private final SuperTypeIndex index;

  private SafeSuperTypes(String name, SuperTypeIndex index) {
    this.name = name;
    this.ownPackage = name.substring(0, name.lastIndexOf('.') + 1);
    this.index = index;
  }

  public static ElementMatcher<TypeDescription> named(String superTypeName) {
    return new SafeSuperTypes(superTypeName, new SuperTypeIndex(superTypeName));
  }

  /** The same test, answering the class being loaded from {@code index} (one cache, not two). */
  static ElementMatcher<TypeDescription> named(String superTypeName, SuperTypeIndex index) {
    return new SafeSuperTypes(superTypeName, index);
  }

  @Override
  public boolean matches(TypeDescription type) {
    // The class the gate is looking at: answered from class-file headers, cached per loader.
    // Otherwise (an unreadable header, a description a test made) the description is walked.
    ClassBytes.Entry loading = ClassBytes.current(type.getName());
    ClassLoader loader = loading == null ? null : loading.loader.get();
    if (loader != null) {
      Boolean answer = index.matches(loader, loading.internalName, loading);
      if (answer != null) {
        return answer;
      }
    }
    Set<String> seen = new HashSet<>();
    return visit(type, seen);
  }

  private boolean visit(TypeDefinition type, Set<String> seen) {
    // Iterative over super classes, recursive over interfaces; bounded by MAX_TYPES in all.
    for (TypeDefinition t = type; t != null; t = superClass(t)) {
      String typeName;
      try {
        typeName = t.asErasure().getName();
      } catch (RuntimeException unresolvable) {
        return false;
      }
      if (!seen.add(typeName) || seen.size() > MAX_TYPES) {
        return false;
      }
      if (typeName.equals(name)) {
        return true;
      }
      if (inJdkElsewhere(typeName)) {
        return false; // its super types are the JDK's too; see the class comment
      }
      try {
        for (TypeDescription.Generic i : t.getInterfaces()) {
          if (visit(i, seen)) {
            return true;
          }
        }
      } catch (RuntimeException unresolvable) {
        // an interface list that cannot be read: look no further along it
      }
    }
    return false;
  }

  private boolean inJdkElsewhere(String typeName) {
    return !typeName.startsWith(ownPackage) && NamePrefixes.startsWithAny(typeName, JDK_PREFIXES);
  }

  private static TypeDefinition superClass(TypeDefinition t) {
    try {
      return t.getSuperClass();
    } catch (RuntimeException unresolvable) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "safeHasSuperType(" + name + ")";
  }
}
