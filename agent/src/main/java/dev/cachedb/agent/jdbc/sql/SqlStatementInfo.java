package dev.cachedb.agent.jdbc.sql;

/** PLACEHOLDER (branch jdbc): replaced wholesale by the real classifier from branch sql. */
public final class SqlStatementInfo {
  private final String queryType;
  private final String table;

  public SqlStatementInfo(String queryType, String table) {
    this.queryType = queryType;
    this.table = table;
  }

  public String queryType() {
    return queryType;
  }

  public String table() {
    return table;
  }
}
