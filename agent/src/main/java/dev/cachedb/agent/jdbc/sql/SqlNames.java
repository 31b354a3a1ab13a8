package dev.cachedb.agent.jdbc.sql;

import java.util.Locale;

/**
 * Reads a possibly qualified, possibly quoted name ({@code a.b."C"}, {@code [db].[dbo].[T]}, {@code
 * `s`.`t`}) into a {@code table} label value: parts joined by '.', quotes removed, doubled quotes
 * unescaped, lower-cased with {@link Locale#ROOT} (a Turkish default locale would turn "INVOICES"
 * into "ınvoıces"), and cut at {@link #MAX_LENGTH} so a label stays bounded.
 *
 * <p>The characters go into a reused buffer, lower-cased on the way when they are ASCII, and the
 * buffer is looked up in {@link SqlTableNames}: a known name costs no allocation. A name with a
 * non-ASCII character is lower-cased by {@code String.toLowerCase(Locale.ROOT)} as a whole, whose
 * special cases (final sigma, dotted capital I) depend on context and length; that path allocates.
 * One instance per classifier, used by one thread at a time.
 */
final class SqlNames {

  static final int MAX_LENGTH = 128;

  // Holds one character more than a label: "length <= MAX_LENGTH" decides whether a part is
  // appended, so the length counter must tell 128 from "more"; later characters are cut anyway.
  private final char[] chars = new char[MAX_LENGTH + 1];
  private int length;
  private int hash; // String.hashCode of chars[0, min(length, MAX_LENGTH))
  private boolean nonAscii;

  static boolean isName(SqlLexer lexer) {
    return lexer.kind() == SqlLexer.WORD || lexer.kind() == SqlLexer.QUOTED;
  }

  /**
   * Reads the name at the current token and leaves the lexer on the token after it; null if the
   * current token is no name. Names hold no parentheses, so callers' depth counts stay right.
   */
  SqlTableNames.Name read(SqlLexer lexer) {
    if (!isName(lexer)) {
      return null;
    }
    length = 0;
    hash = 0;
    nonAscii = false;
    while (isName(lexer)) {
      if (length <= MAX_LENGTH) {
        appendPart(lexer);
      }
      lexer.next();
      if (!lexer.isPunct('.')) {
        break;
      }
      lexer.next();
      if (isName(lexer)) {
        append('.'); // "users." keeps no trailing dot
      }
    }
    length = Math.min(length, MAX_LENGTH);
    if (length == 0) {
      return null;
    }
    if (nonAscii) {
      return SqlTableNames.SHARED.intern(new String(chars, 0, length).toLowerCase(Locale.ROOT));
    }
    return SqlTableNames.SHARED.intern(chars, length, hash);
  }

  private void appendPart(SqlLexer lexer) {
    String sql = lexer.text();
    int from = lexer.start();
    int to = lexer.end();
    if (lexer.kind() != SqlLexer.QUOTED) {
      for (int i = from; i < to && length <= MAX_LENGTH; i++) {
        append(sql.charAt(i));
      }
      return;
    }
    char close = lexer.first() == '[' ? ']' : lexer.first();
    from++;
    if (to > from && sql.charAt(to - 1) == close) {
      to--; // an unterminated quote runs to the end and has no closing character
    }
    for (int i = from; i < to && length <= MAX_LENGTH; i++) {
      char c = sql.charAt(i);
      append(c);
      if (c == close && i + 1 < to && sql.charAt(i + 1) == close) {
        i++; // "a""b" is a"b
      }
    }
  }

  /** Appends while there is room; past it only the fact that the name is longer matters. */
  private void append(char c) {
    if (length > MAX_LENGTH) {
      return;
    }
    if (c >= 'A' && c <= 'Z') {
      c += 'a' - 'A';
    } else if (c >= 128) {
      nonAscii = true;
    }
    if (length < MAX_LENGTH) {
      hash = 31 * hash + c; // the character past MAX_LENGTH is cut, so it is not hashed
    }
    chars[length++] = c;
  }
}
