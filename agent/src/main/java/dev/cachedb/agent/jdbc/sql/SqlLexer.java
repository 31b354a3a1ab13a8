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
 *   <li>Oracle's {@code q'[..]'} (and {@code nq'..'}) is a string whose end is the closing
 *       delimiter and a quote: {@code [] {} () <>} pair up, any other character closes itself.
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

  /** String literal of any kind: '..', E'..', X'..', N'..', q'[..]', $$..$$, $tag$..$tag$. */
  static final int STRING = 3;

  static final int NUMBER = 4;

  /** Any other single character: ( ) , . ; = ? and operators. */
  static final int PUNCT = 5;

  private final boolean bracketIdentifiers;
  private final boolean backslashInSingle;
  private final boolean backslashInDouble;
  private String sql;
  private int length;
  private int pos;
  private int kind;
  private int start;
  private boolean gapBefore;

  SqlLexer(String sql, boolean bracketIdentifiers) {
    this(sql, bracketIdentifiers, true, false);
  }

  /**
   * {@code backslashInSingle}/{@code backslashInDouble}: whether a backslash escapes a quote in
   * '..' and ".." (MySQL's default: both; PostgreSQL, Oracle, SQL Server, H2: neither). E'..'
   * always honours it.
   */
  SqlLexer(
      String sql,
      boolean bracketIdentifiers,
      boolean backslashInSingle,
      boolean backslashInDouble) {
    this.bracketIdentifiers = bracketIdentifiers;
    this.backslashInSingle = backslashInSingle;
    this.backslashInDouble = backslashInDouble;
    reset(sql);
  }

  /** Starts over on another text, so a pooled classifier reuses its lexer. */
  void reset(String text) {
    sql = text;
    length = text.length();
    pos = 0;
    kind = EOF;
    start = 0;
    gapBefore = false;
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
    if (kind != WORD || pos - start != upper.length()) {
      return false;
    }
    for (int i = 0; i < upper.length(); i++) {
      char c = sql.charAt(start + i);
      char k = upper.charAt(i);
      // ASCII letters fold by one bit; anything else takes regionMatches' rule, under which
      // dotless i, long s and the Kelvin sign match I, S and K, as they always did here.
      if (c != k && ((c | 0x20) != (k | 0x20) || k < 'A' || k > 'Z' || c < 'A')
          && (c < 128 || !sql.regionMatches(true, start + i, upper, i, 1))) {
        return false;
      }
    }
    return true;
  }

  boolean isAnyWord(String[] upperWords) {
    for (String w : upperWords) {
      if (isWord(w)) {
        return true;
      }
    }
    return false;
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
      pos = SqlScan.quotedEnd(sql, pos + 1, '\'', backslashInSingle);
      return kind = STRING;
    }
    if (c == '"' || c == '`') {
      pos = SqlScan.quotedEnd(sql, pos + 1, c, c == '"' && backslashInDouble);
      return kind = QUOTED;
    }
    if (c == '[' && bracketIdentifiers) {
      pos = SqlScan.quotedEnd(sql, pos + 1, ']', false);
      return kind = QUOTED;
    }
    if (c == '$') {
      int end = SqlScan.dollarQuoteEnd(sql, pos);
      if (end > 0) {
        pos = end;
        return kind = STRING;
      }
    }
    boolean fraction = c == '.' && pos + 1 < length && SqlScan.isDigit(sql.charAt(pos + 1));
    if (SqlScan.isDigit(c) || fraction) {
      pos = SqlScan.numberEnd(sql, pos);
      return kind = NUMBER;
    }
    if (SqlScan.isIdentStart(c)) {
      pos = SqlScan.wordEnd(sql, pos);
      if (pos - start > 2 || pos >= length || sql.charAt(pos) != '\'') {
        return kind = WORD; // the common case, decided without looking at the letters
      }
      char last = sql.charAt(pos - 1);
      if ((last | 0x20) == 'q' && (pos - start == 1 || (c | 0x20) == 'n')) {
        pos = SqlScan.alternativeQuoteEnd(sql, pos);
        return kind = STRING; // Oracle q'[..]', nq'{..}'
      }
      if (pos - start == 1 && "eEnNxXbB".indexOf(c) >= 0) { // E'..', N'..', X'..', B'..'
        pos = SqlScan.quotedEnd(sql, pos + 1, '\'', (c | 0x20) == 'e' || backslashInSingle);
        return kind = STRING;
      }
      return kind = WORD;
    }
    pos++;
    return kind = PUNCT;
  }

  private boolean skipBlanksAndComments() {
    int begin = pos;
    while (pos < length) {
      char c = sql.charAt(pos);
      if (c == ' ') {
        pos++;
        continue;
      }
      if (c > ' ' && c < 128 && c != '-' && c != '#' && c != '/') {
        break; // the common case: a token starts; no other ASCII above space is blank
      }
      char n = pos + 1 < length ? sql.charAt(pos + 1) : 0;
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pos++;
      } else if (c == '-' && n == '-' || c == '#' && n != '>' && n != '-') {
        pos = SqlScan.lineEnd(sql, pos);
      } else if (c == '/' && n == '*') {
        pos = SqlScan.blockCommentEnd(sql, pos);
      } else {
        break;
      }
    }
    return pos > begin;
  }
}
