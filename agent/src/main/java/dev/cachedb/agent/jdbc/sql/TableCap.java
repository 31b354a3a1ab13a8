package dev.cachedb.agent.jdbc.sql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** PLACEHOLDER (branch jdbc): replaced wholesale by the real cap from branch sql. */
public final class TableCap {
  private final int maxTables;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  public TableCap(int maxTables) {
    this.maxTables = maxTables;
  }

  public String label(String table) {
    if (seen.contains(table)) {
      return table;
    }
    synchronized (this) {
      if (seen.size() < maxTables) {
        seen.add(table);
        return table;
      }
    }
    return seen.contains(table) ? table : "other";
  }
}
