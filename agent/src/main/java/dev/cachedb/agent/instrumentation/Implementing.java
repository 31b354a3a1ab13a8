package dev.cachedb.agent.instrumentation;

import java.lang.reflect.Modifier;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * "A class (not an interface) that has super type X and declares a method named one of these",
 * outside some packages: the type matcher of the JDBC instrumentations, which must be asked of
 * every class the application loads, since any package may hold a driver.
 *
 * <p>The tests run cheapest first. The declared-method test rejects nearly every class with one
 * look at its method table, read in place from the class file ({@link ClassHeader}); the name
 * tests then run for a few dozen classes, and the super-type walk, which may read the super
 * types' class files ({@link SuperTypeIndex}), for fewer still, because the walk run for every
 * class was a visible part of the application's start (docs/startup.md).
 *
 * <p>The gate and the weaver ask it of the class file ({@link HeaderMatcher}), so that no Byte
 * Buddy class is needed on the application's threads, after a {@code -javaagent:} start or an
 * attach. {@link #matches} answers a description (the header's, or a test's) the same way.
 */
public final class Implementing implements ElementMatcher<TypeDescription>, HeaderMatcher {
  private final String superType;
  private final String[] methods;
  private final String[] excluded;
  private final String[] excludedInternal;
  private final SuperTypeIndex index;
  private final ElementMatcher<TypeDescription> described;

  private Implementing(String superType, String[] methods, String[] excludedPackages) {
    this.superType = superType;
    this.methods = methods.clone();
    this.excluded = excludedPackages.clone();
    this.excludedInternal = new String[excluded.length];
    for (int i = 0; i < excluded.length; i++) {
      excludedInternal[i] = excluded[i].replace('.', '/');
    }
    this.index = new SuperTypeIndex(superType);
    this.described = SafeSuperTypes.named(superType, index);
  }

  /**
   * {@code superType}: binary name; {@code methods}: ASCII method names, one of which the class
   * must declare; {@code excludedPackages}: name prefixes never matched ({@code "a.b."}).
   */
  public static Implementing type(String superType, String[] methods, String[] excludedPackages) {
    return new Implementing(superType, methods, excludedPackages);
  }

  @Override
  public boolean matchesHeader(ClassLoader loader, ClassBytes.Entry entry) {
    ClassHeader h = entry.parsed();
    if (!h.declaresMethod(methods) || Modifier.isInterface(h.access)
        || NamePrefixes.startsWithAny(entry.internalName, excludedInternal)) {
      return false;
    }
    Boolean found = index.matches(loader, entry.internalName, entry);
    return found != null && found;
  }

  @Override
  public boolean matches(TypeDescription type) {
    // The class the gate is looking at is answered from its class file; any other from the
    // description.
    ClassBytes.Entry loading = ClassBytes.current(type.getName());
    ClassLoader loader = loading == null ? null : loading.loader.get();
    if (loader != null) {
      try {
        return matchesHeader(loader, loading);
      } catch (RuntimeException unreadable) {
        // fall through to the description
      }
    }
    return !type.isInterface()
        && declaresMethod(type)
        && !NamePrefixes.startsWithAny(type.getName(), excluded)
        && described.matches(type);
  }

  private boolean declaresMethod(TypeDescription type) {
    for (MethodDescription m : type.getDeclaredMethods()) {
      for (String name : methods) {
        if (m.getInternalName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "implementing(" + superType + ", declaring " + String.join("|", methods) + ")";
  }
}
