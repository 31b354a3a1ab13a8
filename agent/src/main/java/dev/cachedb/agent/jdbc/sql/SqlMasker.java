package dev.cachedb.agent.jdbc.sql;

/**
 * Replaces the literals of a SQL statement with {@code ?} so it can be logged (slow-query log):
 * numbers, hex, strings of every kind ('..', E'..', X'..', N'..', $$..$$, $tag$..$tag$) and
 * comments (dropped: they may hold anything). Runs of whitespace become one space, so the result is
 * one log line. Identifiers, keywords, operators and bind markers ({@code ?}, {@code $1}) stay.
 *
 * <p>Double-quoted text is an identifier in standard SQL, PostgreSQL and H2 but a string in MySQL
 * without ANSI_QUOTES. It is masked where a value is expected (after an operator or LIKE, inside a
 * VALUES or IN list) and kept elsewhere, so {@code WHERE name = "bob"} does not leak while {@code
 * SELECT "Name" FROM "Users"} stays readable.
 *
 * <p>Linear time like the lexer, and it stops lexing once the output is longer than asked.
 */
public final class SqlMasker {

  private static final String ELLIPSIS = "...";

  private SqlMasker() {}

  /** Never throws; null gives "", and the result is at most {@code maxLength} characters. */
  public static String mask(String sql, int maxLength) {
    if (sql == null || maxLength <= 0) {
      return "";
    }
    try {
      return truncate(maskLiterals(sql, maxLength), maxLength);
    } catch (RuntimeException e) {
      return "?"; // last resort: reveal nothing
    }
  }

  private static StringBuilder maskLiterals(String sql, int maxLength) {
    SqlLexer lexer = new SqlLexer(sql, false);
    StringBuilder out = new StringBuilder(Math.min(sql.length(), maxLength) + 16);
    int depth = 0;
    int listDepth = -1; // depth of the VALUES (...) or IN (...) list we are in, -1 if none
    boolean listNext = false; // the last word was VALUES or IN: a "(" opens a value list
    boolean listClosed = false; // a list just closed: ", (" opens the next VALUES row
    boolean valueNext = false; // after an operator or LIKE a value is expected
    int dollarEnd = -1; // end of a '$' token: $1 right after it is a bind marker, not a number
    while (out.length() <= maxLength && lexer.next() != SqlLexer.EOF) {
      if (lexer.gapBefore() && out.length() > 0) {
        out.append(' ');
      }
      int kind = lexer.kind();
      boolean quotedValue =
          kind == SqlLexer.QUOTED
              && lexer.first() == '"'
              && (valueNext || listDepth >= 0 && depth >= listDepth);
      boolean bindMarker = kind == SqlLexer.NUMBER && lexer.start() == dollarEnd;
      if ((kind == SqlLexer.STRING || kind == SqlLexer.NUMBER || quotedValue) && !bindMarker) {
        out.append('?');
      } else {
        // A 1 MB identifier must not be copied whole; room is compared, not added (overflow).
        long room = Math.max(1L, maxLength + 1L - out.length());
        int end = lexer.end() - lexer.start() <= room ? lexer.end() : lexer.start() + (int) room;
        out.append(sql, lexer.start(), end);
      }
      dollarEnd = lexer.isPunct('$') ? lexer.end() : -1;
      valueNext =
          kind == SqlLexer.PUNCT && "=<>!+-*/%|&^~".indexOf(lexer.first()) >= 0
              || lexer.isWord("LIKE")
              || lexer.isWord("ILIKE");
      if (lexer.isPunct('(')) {
        depth++;
        if (listNext && listDepth < 0) {
          listDepth = depth;
        }
      } else if (lexer.isPunct(')')) {
        depth--;
        if (listDepth >= 0 && depth < listDepth) {
          listDepth = -1;
          listClosed = true;
          listNext = false;
          continue;
        }
      }
      listNext =
          lexer.isWord("VALUES")
              || lexer.isWord("VALUE")
              || lexer.isWord("IN")
              || listClosed && lexer.isPunct(',');
      listClosed = false;
    }
    return out; // longer than maxLength exactly when text was left out: truncate() marks it
  }

  private static String truncate(StringBuilder out, int maxLength) {
    if (out.length() <= maxLength) {
      return out.toString();
    }
    if (maxLength <= ELLIPSIS.length()) {
      return out.substring(0, maxLength);
    }
    out.setLength(maxLength - ELLIPSIS.length());
    return out.append(ELLIPSIS).toString();
  }
}
