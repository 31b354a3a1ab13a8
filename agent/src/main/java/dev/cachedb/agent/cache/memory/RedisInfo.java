package dev.cachedb.agent.cache.memory;

import java.io.IOException;

/**
 * What one poll learnt from a server's {@code INFO memory} and {@code INFO stats}, immutable so a
 * scrape on another thread reads one poll's values together. A field the server did not give is
 * {@link #ABSENT}: {@code maxmemory} joined {@code INFO memory} in Redis 3.2 (older servers only
 * have it in {@code CONFIG GET}, which an application's ACL user is less likely to be allowed),
 * and a field that is not a non-negative integer is not trusted either, so a proxy or a fork that
 * answers INFO its own way loses that series, never the whole poll. Only {@code used_memory} is
 * required: without it the reply is not an INFO of a Redis, and the poll counts as failed.
 */
final class RedisInfo {
  static final long ABSENT = -1;

  final long usedMemory;
  final long maxMemory;
  final long keyspaceHits;
  final long keyspaceMisses;
  final long evictedKeys;
  final long expiredKeys;

  private RedisInfo(String memory, String stats) throws IOException {
    usedMemory = field(memory, "used_memory");
    if (usedMemory == ABSENT) {
      throw new IOException("INFO memory had no used_memory");
    }
    maxMemory = field(memory, "maxmemory");
    keyspaceHits = field(stats, "keyspace_hits");
    keyspaceMisses = field(stats, "keyspace_misses");
    evictedKeys = field(stats, "evicted_keys");
    expiredKeys = field(stats, "expired_keys");
  }

  /** The fields of the two sections' reply texts; fails only without {@code used_memory}. */
  static RedisInfo parse(String memory, String stats) throws IOException {
    return new RedisInfo(memory, stats);
  }

  /**
   * The value of the line {@code name:value}, or {@link #ABSENT}. Matched at a line start and up
   * to the colon, so {@code used_memory} is not {@code used_memory_rss}.
   */
  static long field(String info, String name) {
    int from = 0;
    while (from < info.length()) {
      int end = info.indexOf('\n', from);
      if (end < 0) {
        end = info.length();
      }
      if (info.startsWith(name, from)
          && from + name.length() < end
          && info.charAt(from + name.length()) == ':') {
        return number(info, from + name.length() + 1, end);
      }
      from = end + 1;
    }
    return ABSENT;
  }

  /** The decimal digits in {@code [from, end)} (one CR allowed at the end), or ABSENT. */
  private static long number(String s, int from, int end) {
    if (end > from && s.charAt(end - 1) == '\r') {
      end--;
    }
    if (from == end || end - from > 18) { // 18 digits cannot overflow a long
      return ABSENT;
    }
    long value = 0;
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return ABSENT;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
