package dev.cachedb.agent.jdbc.sql;

/**
 * Tells, for the masker, where double-quoted text can only be an identifier. {@code "x"} is an
 * identifier in standard SQL, PostgreSQL, Oracle and H2, but a string in MySQL and MariaDB (without
 * ANSI_QUOTES) and in SQL Server with QUOTED_IDENTIFIER OFF: a token that could be either is
 * masked. It stays readable only where no dialect accepts a string:
 *
 * <ul>
 *   <li>right after {@code FROM JOIN INTO UPDATE TABLE AS}, at the top level or directly inside a
 *       parenthesised query (a paren whose first word is SELECT or WITH). Inside a function's
 *       parentheses FROM takes values ({@code TRIM("x" FROM "secret")}, {@code EXTRACT(YEAR FROM
 *       "2020-01-01")}), so it does not count there;
 *   <li>glued to a {@code .} of a qualified name, {@code "app"."users"}: no string has a member.
 * </ul>
 *
 * <p>Parenthesised queries are remembered for the first 64 depths in one bit each: deeper ones
 * count as function arguments, which only masks more.
 */
final class QuotedNames {

  private static final String[] NAME_BEFORE = {"FROM", "JOIN", "INTO", "UPDATE", "TABLE", "AS"};
  private static final String[] QUERY_STARTS = {"SELECT", "WITH"};

  private int depth;
  private long queryParens; // bit d: the paren opened at depth d holds a query
  private boolean nameNext; // the last token was one of NAME_BEFORE where it names a table
  private boolean afterOpen; // the last token was "("
  private int dotEnd = -1; // end of the last token when it was a "."

  /** Whether the current token, a double-quoted one, can only be an identifier. */
  boolean identifierOnly(SqlLexer lexer) {
    int end = lexer.end();
    boolean dotAfter = end < lexer.text().length() && lexer.text().charAt(end) == '.';
    return nameNext || dotAfter || dotEnd == lexer.start();
  }

  /** Moves past the current token. */
  void track(SqlLexer lexer) {
    boolean inQuery = depth == 0 || depth < 64 && (queryParens & (1L << depth)) != 0;
    nameNext = inQuery && lexer.isAnyWord(NAME_BEFORE);
    if (afterOpen && depth < 64 && lexer.isAnyWord(QUERY_STARTS)) {
      queryParens |= 1L << depth;
    }
    afterOpen = lexer.isPunct('(');
    if (afterOpen) {
      depth++;
      if (depth < 64) {
        queryParens &= ~(1L << depth);
      }
    } else if (lexer.isPunct(')') && depth > 0) {
      depth--;
    }
    dotEnd = lexer.isPunct('.') ? lexer.end() : -1;
  }
}
