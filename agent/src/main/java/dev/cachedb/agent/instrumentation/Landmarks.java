package dev.cachedb.agent.instrumentation;

import net.bytebuddy.matcher.ElementMatcher;

/**
 * A module's version line, told apart by landmark classes: a loader matches when it can see all
 * of {@code present} and none of {@code absent} (resource names, {@code a/b/C.class}; each
 * commented where it is declared with the version that added or removed it). Looking up a
 * resource loads and initialises nothing. The answer is cached per loader by the installer.
 */
public final class Landmarks implements ElementMatcher<ClassLoader> {
  private final String[] present;
  private final String[] absent;

  public Landmarks(String[] present, String[] absent) {
    this.present = present.clone();
    this.absent = absent.clone();
  }

  /** Loaders that see every one of {@code present}. */
  public static Landmarks of(String... present) {
    return new Landmarks(present, new String[0]);
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return false; // no instrumented library lives on the bootstrap class path
    }
    for (String c : present) {
      if (loader.getResource(c) == null) {
        return false;
      }
    }
    for (String c : absent) {
      if (loader.getResource(c) != null) {
        return false;
      }
    }
    return true;
  }
}
