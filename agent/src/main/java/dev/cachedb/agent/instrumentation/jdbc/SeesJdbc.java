package dev.cachedb.agent.instrumentation.jdbc;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Class loaders that can load {@code java.sql.Statement}: every ordinary loader, since java.sql is
 * the platform's; an isolating loader that hides it cannot hold a JDBC driver either. Byte Buddy
 * asks for every class loaded, so the answer is kept per loader (weakly, no loader is pinned).
 */
final class SeesJdbc implements ElementMatcher<ClassLoader> {
  private final Map<ClassLoader, Boolean> answers =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return false; // the bootstrap loader holds the JDK only, no driver
    }
    Boolean known = answers.get(loader);
    if (known == null) {
      known = sees(loader);
      answers.put(loader, known);
    }
    return known;
  }

  private static boolean sees(ClassLoader loader) {
    try {
      return Class.forName("java.sql.Statement", false, loader) == java.sql.Statement.class;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
