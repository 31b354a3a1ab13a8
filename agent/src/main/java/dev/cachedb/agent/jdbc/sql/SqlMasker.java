package dev.cachedb.agent.jdbc.sql;

/**
 * Replaces the literals of a SQL statement with {@code ?} so it can be logged (slow-query log).
 * Masked: numbers, hex, every quoted text that a supported database can read as a value ('..',
 * E'..', X'..', B'..', N'..', U&'..', Oracle q'[..]', $$..$$, $tag$..$tag$, and ".." except where
 * it can only be an identifier: {@link QuotedNames}), password arguments even when unquoted
 * ({@link SecretArguments}), and any text that is a literal under either reading of backslashes
 * ({@link EscapeShadow}). Comments are dropped: they may hold anything. Runs of whitespace become
 * one space, so the result is one log line. Keywords, unquoted and backticked identifiers,
 * operators and bind markers ({@code ?}, {@code $1}) stay. docs/sql.md lists the rules.
 *
 * <p>Linear time like the lexer, and it stops lexing once the output is longer than asked. When
 * in doubt it masks: a log line that says too little is the right way to be wrong.
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
    SqlLexer lexer = new SqlLexer(sql, false, true, true);
    EscapeShadow shadow = new EscapeShadow(sql);
    QuotedNames names = new QuotedNames();
    SecretArguments secrets = new SecretArguments();
    StringBuilder out = new StringBuilder(Math.min(sql.length(), maxLength) + 16);
    int dollarEnd = -1; // end of a '$' token: $1 right after it is a bind marker, not a number
    while (out.length() <= maxLength && lexer.next() != SqlLexer.EOF) {
      if (lexer.gapBefore() && out.length() > 0) {
        out.append(' ');
      }
      int kind = lexer.kind();
      boolean literal =
          kind == SqlLexer.STRING
              || kind == SqlLexer.NUMBER && lexer.start() != dollarEnd
              || kind == SqlLexer.QUOTED && lexer.first() == '"' && !names.identifierOnly(lexer);
      // Every check runs on every token: each one keeps state that the next token needs.
      literal |= secrets.isSecret(lexer);
      literal |= shadow.hides(lexer.start(), lexer.end());
      names.track(lexer);
      if (literal) {
        out.append('?');
      } else {
        // A 1 MB identifier must not be copied whole; room is compared, not added (overflow).
        long room = Math.max(1L, maxLength + 1L - out.length());
        int end = lexer.end() - lexer.start() <= room ? lexer.end() : lexer.start() + (int) room;
        out.append(sql, lexer.start(), end);
      }
      dollarEnd = lexer.isPunct('$') ? lexer.end() : -1;
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
