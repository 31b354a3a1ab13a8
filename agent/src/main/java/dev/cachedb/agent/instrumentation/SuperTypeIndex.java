package dev.cachedb.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Does this class have super type X", answered from class-file headers only (the constant pool,
 * super class and interface names: no fields, methods or signatures parsed) and remembered per
 * class loader and class name, so that a super class shared by many classes is read once.
 *
 * <p>Why: the JDBC modules must ask this of every class the application loads. Asking Byte Buddy
 * parsed each class in full and re-read each ancestor's class file for every subclass; on the
 * test-app that was most of the agent's startup time.
 *
 * <p>The memory per loader is bounded ({@link #MAX_NAMES} names, then it starts over): a map of
 * class names to one bit, never a parsed type. Loaders are held weakly.
 */
final class SuperTypeIndex {
  private static final int MAX_NAMES = 20_000;
  private static final int MAX_DEPTH = 64;
  private static final String[] JDK_PREFIXES = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};

  private final String target;
  private final String ownPackage;
  private final Map<ClassLoader, Map<String, Boolean>> known =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, Map<String, Boolean>>());

  /** {@code superTypeName}: binary name, e.g. {@code java.sql.Statement}. */
  SuperTypeIndex(String superTypeName) {
    this.target = superTypeName.replace('.', '/');
    this.ownPackage = target.substring(0, target.lastIndexOf('/') + 1);
  }

  /** The answer for the class in {@code entry}, defined by {@code loader}; null if unreadable. */
  Boolean matches(ClassLoader loader, String internalName, ClassBytes.Entry entry) {
    ClassHeader header;
    try {
      header = entry.parsed();
    } catch (RuntimeException unreadable) {
      return null; // e.g. a class file version newer than our ASM: the caller decides
    }
    Map<String, Boolean> names = namesOf(loader);
    boolean found = internalName.equals(target) || extendsTarget(header, loader, names, 0);
    remember(names, internalName, found);
    return found;
  }

  private boolean extendsTarget(
      ClassHeader header, ClassLoader loader, Map<String, Boolean> names, int depth) {
    if (isTarget(header.superName(), loader, names, depth)) {
      return true;
    }
    for (String i : header.interfaces()) {
      if (isTarget(i, loader, names, depth)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the named type is, or has, the target as a super type. Unreadable: no. */
  private boolean isTarget(String name, ClassLoader loader, Map<String, Boolean> names, int depth) {
    if (name == null) {
      return false;
    }
    if (name.equals(target)) {
      return true;
    }
    if (inJdkElsewhere(name) || depth >= MAX_DEPTH) {
      return false; // see SafeSuperTypes: no JDK type outside the target's package leads there
    }
    Boolean answer = names.get(name);
    if (answer == null) {
      ClassHeader header = read(loader, name);
      answer = header != null && extendsTarget(header, loader, names, depth + 1);
      remember(names, name, answer);
    }
    return answer;
  }

  private boolean inJdkElsewhere(String name) {
    return !name.startsWith(ownPackage) && NamePrefixes.startsWithAny(name, JDK_PREFIXES);
  }

  private Map<String, Boolean> namesOf(ClassLoader loader) {
    Map<String, Boolean> names = known.get(loader);
    if (names == null) {
      names = new ConcurrentHashMap<String, Boolean>();
      known.put(loader, names);
    }
    return names;
  }

  private static void remember(Map<String, Boolean> names, String name, boolean answer) {
    if (names.size() >= MAX_NAMES) {
      names.clear();
    }
    names.put(name, answer);
  }

  /** The header of a class the loader can see, or null. Reads the class file; loads nothing. */
  private static ClassHeader read(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name + ".class")) {
      return in == null ? null : ClassHeader.read(in);
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
