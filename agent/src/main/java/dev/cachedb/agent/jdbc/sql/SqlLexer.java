package dev.cachedb.agent.jdbc.sql;

/**
 * Single-pass SQL tokenizer shared by {@link SqlClassifier} and {@link SqlMasker}.
 *
 * <p>Design: the lexer never backtracks. Every character is examined a bounded number of times, so
 * the cost is linear in the statement's length whatever the input (1 MB of quotes, comment openers
 * or parentheses). Unterminated strings, quoted identifiers and comments simply run to the end of
 * the text. Whitespace and comments are skipped between tokens; {@link #gapBefore()} tells the
 * masker that something was skipped so it can keep tokens apart without copying comment text.
 *
 * <p>Dialect choices, made for the safer outcome when dialects disagree:
 *
 * <ul>
 *   <li>Backslash escapes a quote inside '...' (MySQL default). In PostgreSQL with
 *       standard_conforming_strings a string ending in a backslash then runs on: the masker hides
 *       too much rather than leaking, which is the right way to be wrong.
 *   <li>Block comments nest (PostgreSQL, H2, the SQL standard).
 *   <li>{@code #} starts a comment (MySQL) except in PostgreSQL's {@code #>}, {@code #>>} and
 *       {@code #-} operators.
 * </ul>
 */
final class SqlLexer {

  static final int EOF = 0;
  /** Unquoted identifier or keyword. */
  static final int WORD = 1;
  /** "x", `x`, or [x] when brackets are identifiers. */
  static final int QUOTED = 2;
  /** String literal of any kind: '..', E'..', X'..', N'..', $$..$$, $tag$..$tag$. */
  static final int STRING = 3;
  static final int NUMBER = 4;
  /** Any other single character: ( ) , . ; = ? and operators. */
  static final int PUNCT = 5;

  /** Longest dollar-quote tag honoured; bounds the closing-tag search (indexOf) to linear time. */
  private static final int MAX_DOLLAR_TAG = 64;

  private final String sql;
  private final int length;
  private final boolean bracketIdentifiers;
  private int pos;
  private int kind;
  private int start;
  private boolean gapBefore;

  SqlLexer(String sql, boolean bracketIdentifiers) {
    this.sql = sql;
    this.length = sql.length();
    this.bracketIdentifiers = bracketIdentifiers;
  }

  String text() {
    return sql;
  }

  int kind() {
    return kind;
  }

  int start() {
    return start;
  }

  /** End (exclusive) of the current token. */
  int end() {
    return pos;
  }

  /** True when whitespace or a comment preceded the current token. */
  boolean gapBefore() {
    return gapBefore;
  }

  char first() {
    return sql.charAt(start);
  }

  boolean isPunct(char c) {
    return kind == PUNCT && sql.charAt(start) == c;
  }

  /** Case-insensitive keyword test without allocating; {@code upper} is an ASCII keyword. */
  boolean isWord(String upper) {
    return kind == WORD
        && pos - start == upper.length()
        && sql.regionMatches(true, start, upper, 0, upper.length());
  }

  /** Moves to the next token and returns its kind. */
  int next() {
    gapBefore = skipBlanksAndComments();
    start = pos;
    lex();
    if (kind != EOF && pos <= start) {
      pos = start + 1; // guards the single-pass promise: every token consumes a character
    }
    return kind;
  }

  private int lex() {
    if (pos >= length) {
      return kind = EOF;
    }
    char c = sql.charAt(pos);
    if (c == '\'') {
      pos = skipQuoted(pos + 1, '\'', true);
      return kind = STRING;
    }
    if (c == '"' || c == '`') {
      pos = skipQuoted(pos + 1, c, false);
      return kind = QUOTED;
    }
    if (c == '[' && bracketIdentifiers) {
      pos = skipQuoted(pos + 1, ']', false);
      return kind = QUOTED;
    }
    if (c == '$' && dollarQuote()) {
      return kind = STRING;
    }
    if (isDigit(c) || c == '.' && pos + 1 < length && isDigit(sql.charAt(pos + 1))) {
      // Digits, '.', exponent sign and any letters glued on (0x1F, 1e-5, 12abc): all one literal.
      pos++;
      while (pos < length) {
        char d = sql.charAt(pos);
        boolean sign = (d == '+' || d == '-') && (sql.charAt(pos - 1) | 0x20) == 'e';
        if (!isIdentPart(d) && d != '.' && !sign) {
          break;
        }
        pos++;
      }
      return kind = NUMBER;
    }
    if (isIdentStart(c)) {
      pos++;
      while (pos < length && isIdentPart(sql.charAt(pos))) {
        pos++;
      }
      if (pos - start == 1 && pos < length && sql.charAt(pos) == '\'' && "eEnNxXbB".indexOf(c) >= 0) {
        pos = skipQuoted(pos + 1, '\'', true); // E'..', N'..', X'..', B'..' are literals
        return kind = STRING;
      }
      return kind = WORD;
    }
    pos++;
    return kind = PUNCT;
  }


  /** At '$' (PostgreSQL): $$...$$ or $tag$...$tag$ consumes the whole literal; else no move. */
  private boolean dollarQuote() {
    int i = pos + 1;
    if (i >= length || sql.charAt(i) != '$' && !isIdentStart(sql.charAt(i))) {
      return false; // $1 is a parameter, a lone $ an operator
    }
    while (i < length && i - pos <= MAX_DOLLAR_TAG && sql.charAt(i) != '$' && isIdentPart(sql.charAt(i))) {
      i++;
    }
    if (i >= length || sql.charAt(i) != '$') {
      return false;
    }
    String tag = sql.substring(pos, i + 1);
    int close = sql.indexOf(tag, i + 1);
    pos = close < 0 ? length : close + tag.length();
    return true;
  }

  /** Returns the index after the closing quote; a doubled quote is an escaped one. */
  private int skipQuoted(int i, char quote, boolean backslashEscapes) {
    while (i < length) {
      char c = sql.charAt(i);
      if (c == '\\' && backslashEscapes) {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < length && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return length;
  }

  private boolean skipBlanksAndComments() {
    int begin = pos;
    while (pos < length) {
      char c = sql.charAt(pos);
      char n = pos + 1 < length ? sql.charAt(pos + 1) : 0;
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pos++;
      } else if (c == '-' && n == '-' || c == '#' && n != '>' && n != '-') {
        while (pos < length && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
          pos++;
        }
      } else if (c == '/' && n == '*') {
        skipBlockComment();
      } else {
        break;
      }
    }
    return pos > begin;
  }

  /** Nested block comment with a counter instead of recursion, so depth cannot overflow a stack. */
  private void skipBlockComment() {
    int depth = 0;
    while (pos < length) {
      char c = sql.charAt(pos);
      char n = pos + 1 < length ? sql.charAt(pos + 1) : 0;
      if (c == '/' && n == '*') {
        depth++;
        pos += 2;
      } else if (c == '*' && n == '/') {
        pos += 2;
        if (--depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 128 && Character.isLetter(c)
        || Character.isSurrogate(c);
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$' || c >= 128 && Character.isLetterOrDigit(c);
  }
}
