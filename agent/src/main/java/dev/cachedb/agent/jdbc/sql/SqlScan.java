package dev.cachedb.agent.jdbc.sql;

/**
 * Where each SQL construct ends, for {@link SqlLexer}. Every method moves forward only and stops at
 * the end of the text when a construct is unterminated, so the lexer stays linear.
 */
final class SqlScan {

  /** Longest dollar-quote tag honoured; bounds the closing-tag search (indexOf) to linear time. */
  private static final int MAX_DOLLAR_TAG = 64;

  // Tables for ASCII: the identifier tests run once per character of every word, the lexer's
  // hottest path, and a load beats the chain of range comparisons.
  private static final boolean[] ASCII_IDENT_START = new boolean[128];
  private static final boolean[] ASCII_IDENT_PART = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_IDENT_START[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
      ASCII_IDENT_PART[c] = ASCII_IDENT_START[c] || isDigit(c) || c == '$';
    }
  }

  private SqlScan() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentStart(char c) {
    return c < 128 ? ASCII_IDENT_START[c] : Character.isLetter(c) || Character.isSurrogate(c);
  }

  static boolean isIdentPart(char c) {
    return c < 128 ? ASCII_IDENT_PART[c] : isIdentStart(c) || Character.isLetterOrDigit(c);
  }

  static int wordEnd(String sql, int i) {
    int length = sql.length();
    i++;
    while (i < length && isIdentPart(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Digits, '.', exponent sign and letters glued on (0x1F, 1e-5, 12abc) are all one literal. */
  static int numberEnd(String sql, int i) {
    i++;
    while (i < sql.length()) {
      char d = sql.charAt(i);
      boolean sign = (d == '+' || d == '-') && (sql.charAt(i - 1) | 0x20) == 'e';
      if (!isIdentPart(d) && d != '.' && !sign) {
        break;
      }
      i++;
    }
    return i;
  }

  /** From just after an opening quote to just after the closing one; '' escapes a quote. */
  static int quotedEnd(String sql, int i, char quote, boolean backslashEscapes) {
    int length = sql.length();
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

  /**
   * At the quote of Oracle's q'Xtext X'': the end after the closing delimiter and quote, or the end
   * of the text. A blank delimiter is not Oracle's syntax: it is read as a plain string.
   */
  static int alternativeQuoteEnd(String sql, int quote) {
    int length = sql.length();
    if (quote + 1 >= length || Character.isWhitespace(sql.charAt(quote + 1))) {
      return quotedEnd(sql, quote + 1, '\'', false);
    }
    char open = sql.charAt(quote + 1);
    int pair = "[{(<".indexOf(open);
    char close = pair >= 0 ? "]})>".charAt(pair) : open;
    for (int i = quote + 2; i + 1 < length; i++) {
      if (sql.charAt(i) == close && sql.charAt(i + 1) == '\'') {
        return i + 2;
      }
    }
    return length;
  }

  /** At '$' (PostgreSQL): the end of $$...$$ or $tag$...$tag$, or -1 if no dollar quote starts. */
  static int dollarQuoteEnd(String sql, int start) {
    int length = sql.length();
    int i = start + 1;
    if (i >= length || sql.charAt(i) != '$' && !isIdentStart(sql.charAt(i))) {
      return -1; // $1 is a parameter, a lone $ an operator
    }
    while (i < length
        && i - start <= MAX_DOLLAR_TAG
        && sql.charAt(i) != '$'
        && isIdentPart(sql.charAt(i))) {
      i++;
    }
    if (i >= length || sql.charAt(i) != '$') {
      return -1;
    }
    String tag = sql.substring(start, i + 1);
    int close = sql.indexOf(tag, i + 1);
    return close < 0 ? length : close + tag.length();
  }

  static int lineEnd(String sql, int i) {
    while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** Nested block comment, counted instead of recursed so depth cannot overflow a stack. */
  static int blockCommentEnd(String sql, int i) {
    int length = sql.length();
    int depth = 0;
    while (i < length) {
      char c = sql.charAt(i);
      char n = i + 1 < length ? sql.charAt(i + 1) : 0;
      if (c == '/' && n == '*') {
        depth++;
        i += 2;
      } else if (c == '*' && n == '/') {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return length;
  }
}
