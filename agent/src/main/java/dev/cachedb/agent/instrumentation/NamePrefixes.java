package dev.cachedb.agent.instrumentation;

/** The one prefix test the name-based rules share (ignore rules, excluded packages, JDK types). */
final class NamePrefixes {
  private NamePrefixes() {}

  static boolean startsWithAny(String name, String[] prefixes) {
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
