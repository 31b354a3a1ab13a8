package dev.cachedb.agent.jdbc.sql;

/** PLACEHOLDER (branch jdbc): replaced wholesale by the real masker from branch sql. */
public final class SqlMasker {
  private SqlMasker() {}

  public static String mask(String sql, int maxLength) {
    String s = sql.replaceAll("'([^']|'')*'", "?").replaceAll("\\b\\d+(\\.\\d+)?\\b", "?");
    return s.length() <= maxLength ? s : s.substring(0, maxLength) + "...";
  }
}
