package dev.cachedb.agent.jdbc.sql;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the classification of recent statements so a repeated statement (the normal case with
 * prepared statements and ORMs) costs one map lookup: {@code ConcurrentHashMap.get} is lock-free
 * and allocates nothing, and {@code String} caches its hash code.
 *
 * <p>Memory is bounded twice: by entry count, and by not caching statements longer than {@link
 * #MAX_CACHED_SQL_LENGTH} (those are classified every time). When full the map is cleared and
 * refilled rather than frozen: an application that inlines literals would otherwise fill it with
 * one-off statements forever and its hot statements would never get in. Clearing costs a burst of
 * re-classification, which is cheap (about a microsecond per statement).
 */
public final class SqlInfoCache {

  /** Statements longer than this are classified on each call but never kept. */
  public static final int MAX_CACHED_SQL_LENGTH = 4096;

  private final int maxEntries;
  private final ConcurrentHashMap<String, SqlStatementInfo> cache;

  public SqlInfoCache(int maxEntries) {
    this.maxEntries = Math.max(1, maxEntries);
    this.cache = new ConcurrentHashMap<>(Math.min(this.maxEntries, 1024));
  }

  /** Never throws, never returns null. */
  public SqlStatementInfo get(String sql) {
    if (sql == null || sql.length() > MAX_CACHED_SQL_LENGTH) {
      return SqlClassifier.classify(sql);
    }
    SqlStatementInfo info = cache.get(sql);
    if (info != null) {
      return info;
    }
    info = SqlClassifier.classify(sql);
    if (cache.size() >= maxEntries) {
      cache.clear();
    }
    cache.put(sql, info);
    return info;
  }

  /** Entries held now; for tests. */
  int size() {
    return cache.size();
  }
}
