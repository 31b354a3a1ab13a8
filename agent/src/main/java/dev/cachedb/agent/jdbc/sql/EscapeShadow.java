package dev.cachedb.agent.jdbc.sql;

/**
 * The masker's second reading of a statement. Whether a backslash escapes a quote depends on the
 * database (MySQL: yes; PostgreSQL, Oracle, SQL Server, H2: no), and the two readings disagree
 * about where every later literal starts: {@code 'C:\', 'secret'} is two strings in PostgreSQL,
 * while MySQL's reading ends the first string at the second quote and leaves {@code secret} bare.
 * The masker reads with MySQL's escapes and this shadow reads without them; a token shown by the
 * first reading that overlaps a literal of the second, other than the very same token, is masked
 * too. So text outside quotes under both readings is shown, nothing else.
 *
 * <p>Both readings move forward only, so together they stay linear.
 */
final class EscapeShadow {

  private final SqlLexer shadow;

  EscapeShadow(String sql) {
    shadow = new SqlLexer(sql, false, false, false);
    shadow.next();
  }

  /** Whether [start, end) overlaps a literal of the shadow reading; tokens come in order. */
  boolean hides(int start, int end) {
    while (shadow.kind() != SqlLexer.EOF && shadow.end() <= start) {
      shadow.next();
    }
    while (shadow.kind() != SqlLexer.EOF && shadow.start() < end) {
      if (shadow.start() == start && shadow.end() == end) {
        return false; // the same token: both readings agree, the masker's rules decide
      }
      if (isLiteral()) {
        return true;
      }
      if (shadow.end() > end) {
        return false; // it reaches into the next token: keep it for that one
      }
      shadow.next();
    }
    return false;
  }

  private boolean isLiteral() {
    int kind = shadow.kind();
    return kind == SqlLexer.STRING || kind == SqlLexer.QUOTED && shadow.first() == '"';
  }
}
