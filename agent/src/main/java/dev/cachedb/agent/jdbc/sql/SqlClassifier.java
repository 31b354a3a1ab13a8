package dev.cachedb.agent.jdbc.sql;

import java.util.Locale;

/**
 * PLACEHOLDER (branch jdbc): first keyword, and the word after FROM/INTO/UPDATE/CALL, lower-cased.
 * Replaced wholesale by the real classifier from branch sql.
 */
public final class SqlClassifier {
  private SqlClassifier() {}

  public static SqlStatementInfo classify(String sql) {
    String[] words = sql.trim().split("[\\s(),;]+");
    String type = words.length == 0 ? "OTHER" : words[0].toUpperCase(Locale.ROOT);
    switch (type) {
      case "SELECT": case "INSERT": case "UPDATE": case "DELETE": case "MERGE": case "REPLACE":
      case "CALL": case "CREATE": case "ALTER": case "DROP": case "TRUNCATE":
        break;
      default:
        type = "OTHER";
    }
    String table = "none";
    for (int i = 0; i < words.length - 1; i++) {
      String w = words[i].toUpperCase(Locale.ROOT);
      if (w.equals("FROM") || w.equals("INTO") || (i == 0 && (w.equals("UPDATE") || w.equals("CALL")))) {
        table = words[i + 1].toLowerCase(Locale.ROOT);
        break;
      }
    }
    return new SqlStatementInfo(type, table);
  }
}
