package dev.cachedb.agent.cache.redis;

import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.cache.prefix.KeyPrefix;

/**
 * Hits and misses per key prefix, split as {@link CommandKind} splits them per command: a
 * single-key read counts for its key; HMGET's fields for its one key; MGET's values each for
 * their own key, counted by the client as the reply's elements are read ({@link #element}); an
 * EXISTS over several keys, whose reply is only a count, for their prefix when they share one and
 * for {@code other} when they do not. {@code args} is null when prefixes are not counted.
 */
public final class PrefixReads {
  private PrefixReads() {}

  /** Whether the command's reply elements count each for their own key (MGET). */
  public static boolean perKey(String name) {
    return "MGET".equals(name);
  }

  /** One element of an MGET reply: the {@code index}-th key's value or nil. */
  public static void element(
      CacheRecorder out, CommandKeys keys, Object args, int index, boolean present) {
    if (args != null) {
      try {
        read(out.prefix(keys.key(args, index)), present ? 1 : 0, present ? 0 : 1);
      } catch (RuntimeException ignored) {
        // never the application's problem
      }
    }
  }

  static void read(
      CacheRecorder out, CommandKeys keys, Object args, String name, int kind, int keyCount,
      int hits, int misses) {
    if (args == null || (kind == CommandKind.PER_ELEMENT && perKey(name))) {
      return;
    }
    try {
      KeyPrefix prefix = out.prefix(keys.key(args, 0));
      if (kind == CommandKind.COUNT) {
        for (int i = 1; i < keyCount && prefix != out.otherPrefix(); i++) {
          if (out.prefix(keys.key(args, i)) != prefix) {
            prefix = out.otherPrefix();
          }
        }
      }
      read(prefix, hits, misses);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  private static void read(KeyPrefix prefix, int hits, int misses) {
    if (prefix != null) {
      prefix.read(hits, misses);
    }
  }
}
