package dev.cachedb.agent.jdbc.sql;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the number of distinct {@code table} label values: each label value is a time series in
 * every scraper, and an application that creates tables dynamically (per tenant, per day) must not
 * grow the exporter without bound. The first {@code maxTables} distinct tables keep their name;
 * later new ones are labelled {@code other}.
 *
 * <p>A known table costs one lock-free map lookup. Admitting a new table takes a lock, which
 * happens at most {@code maxTables} times in the life of the cap, so the count stays exact; once
 * full, unknown tables get {@code other} without locking.
 */
public final class TableCap {

  /** Label for tables beyond the cap. */
  public static final String OTHER = "other";

  private final int maxTables;
  private final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
  private volatile int size;

  public TableCap(int maxTables) {
    this.maxTables = Math.max(0, maxTables);
  }

  /** The table itself if known or admitted now, {@code none} for no table, else {@code other}. */
  public String label(String table) {
    if (table == null) {
      return SqlStatementInfo.NO_TABLE;
    }
    if (seen.containsKey(table) || table.equals(SqlStatementInfo.NO_TABLE)) {
      return table;
    }
    if (size >= maxTables) {
      return OTHER;
    }
    synchronized (this) {
      if (seen.containsKey(table)) {
        return table;
      }
      if (size >= maxTables) {
        return OTHER;
      }
      seen.put(table, Boolean.TRUE);
      size++;
      return table;
    }
  }
}
