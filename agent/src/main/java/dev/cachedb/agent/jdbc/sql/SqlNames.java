package dev.cachedb.agent.jdbc.sql;

import java.util.Locale;

/**
 * Reads a possibly qualified, possibly quoted name ({@code a.b."C"}, {@code [db].[dbo].[T]}, {@code
 * `s`.`t`}) into a {@code table} label value: parts joined by '.', quotes removed, doubled quotes
 * unescaped, lower-cased with {@link Locale#ROOT} (a Turkish default locale would turn "INVOICES"
 * into "ınvoıces"), and cut at {@link #MAX_LENGTH} so a label stays bounded.
 */
final class SqlNames {

  static final int MAX_LENGTH = 128;

  private SqlNames() {}

  static boolean isName(SqlLexer lexer) {
    return lexer.kind() == SqlLexer.WORD || lexer.kind() == SqlLexer.QUOTED;
  }

  /**
   * Reads the name at the current token and leaves the lexer on the token after it; null if the
   * current token is no name. Names hold no parentheses, so callers' depth counts stay right.
   */
  static String read(SqlLexer lexer) {
    if (!isName(lexer)) {
      return null;
    }
    StringBuilder name = new StringBuilder();
    while (isName(lexer)) {
      if (name.length() <= MAX_LENGTH) {
        appendPart(lexer, name);
      }
      lexer.next();
      if (!lexer.isPunct('.')) {
        break;
      }
      lexer.next();
      if (isName(lexer)) {
        name.append('.'); // "users." keeps no trailing dot
      }
    }
    if (name.length() > MAX_LENGTH) {
      name.setLength(MAX_LENGTH);
    }
    return name.length() == 0 ? null : name.toString().toLowerCase(Locale.ROOT);
  }

  private static void appendPart(SqlLexer lexer, StringBuilder name) {
    String sql = lexer.text();
    int from = lexer.start();
    int to = lexer.end();
    if (lexer.kind() != SqlLexer.QUOTED) {
      name.append(sql, from, Math.min(to, from + MAX_LENGTH + 1));
      return;
    }
    char close = lexer.first() == '[' ? ']' : lexer.first();
    from++;
    if (to > from && sql.charAt(to - 1) == close) {
      to--; // an unterminated quote runs to the end and has no closing character
    }
    for (int i = from; i < to && name.length() <= MAX_LENGTH; i++) {
      char c = sql.charAt(i);
      name.append(c);
      if (c == close && i + 1 < to && sql.charAt(i + 1) == close) {
        i++; // "a""b" is a"b
      }
    }
  }
}
