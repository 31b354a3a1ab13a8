package dev.cachedb.agent.jdbc.sql;

/**
 * What a statement is for the metrics: its {@code query_type} and {@code table} label values.
 * Immutable; equal when both values are equal.
 */
public final class SqlStatementInfo {

  /** Table label for statements without a table ({@code SELECT 1}, {@code COMMIT}). */
  public static final String NO_TABLE = "none";

  static final SqlStatementInfo OTHER = new SqlStatementInfo("OTHER", NO_TABLE);

  private final String queryType;
  private final String table;

  SqlStatementInfo(String queryType, String table) {
    this.queryType = queryType;
    this.table = table;
  }

  /**
   * One of SELECT, INSERT, UPDATE, DELETE, MERGE, REPLACE, CALL, CREATE, ALTER, DROP, TRUNCATE or
   * OTHER.
   */
  public String queryType() {
    return queryType;
  }

  /** Lower-cased main table, schema kept ({@code billing.invoices}), or {@code none}. */
  public String table() {
    return table;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SqlStatementInfo)) {
      return false;
    }
    SqlStatementInfo other = (SqlStatementInfo) o;
    return queryType.equals(other.queryType) && table.equals(other.table);
  }

  @Override
  public int hashCode() {
    return 31 * queryType.hashCode() + table.hashCode();
  }

  @Override
  public String toString() {
    return queryType + "/" + table;
  }
}
