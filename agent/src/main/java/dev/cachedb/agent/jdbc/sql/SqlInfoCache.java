package dev.cachedb.agent.jdbc.sql;

import java.util.concurrent.ConcurrentHashMap;

/** PLACEHOLDER (branch jdbc): replaced wholesale by the real cache from branch sql. */
public final class SqlInfoCache {
  private final int maxEntries;
  private final ConcurrentHashMap<String, SqlStatementInfo> map = new ConcurrentHashMap<>();

  public SqlInfoCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  public SqlStatementInfo get(String sql) {
    SqlStatementInfo info = map.get(sql);
    if (info == null) {
      info = SqlClassifier.classify(sql);
      if (map.size() < maxEntries) {
        map.put(sql, info);
      }
    }
    return info;
  }
}
