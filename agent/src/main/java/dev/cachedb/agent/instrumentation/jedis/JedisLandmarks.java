package dev.cachedb.agent.instrumentation.jedis;

import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches class loaders by the Jedis classes they can see: all of {@code present} and none of
 * {@code absent}. Looking up a resource does not load or initialise anything.
 */
public final class JedisLandmarks implements ElementMatcher<ClassLoader> {
  private final String[] present;
  private final String[] absent;

  public JedisLandmarks(String[] present, String[] absent) {
    this.present = present.clone();
    this.absent = absent.clone();
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return false; // the bootstrap loader never holds Jedis
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
