package dev.cachedb.agent.jdbc.sql;

/**
 * Finds, for the masker, the arguments of account statements that hold a password even when they
 * are not quoted, as Oracle writes them ({@code IDENTIFIED BY Password1}) and as some tools send
 * them ({@code CREATE USER u PASSWORD Password1}, {@code CONNECT u PASSWORD x}):
 *
 * <ul>
 *   <li>the token after {@code IDENTIFIED BY}, and after {@code BY}, {@code AS} or {@code USING}
 *       within three words of {@code IDENTIFIED} ({@code IDENTIFIED WITH plugin BY x}, {@code
 *       IDENTIFIED VIA plugin USING x}, Oracle {@code IDENTIFIED EXTERNALLY AS x}), in any
 *       statement;
 *   <li>the token after {@code PASSWORD} or {@code OLD_PASSWORD} (an {@code =} between is allowed)
 *       in statements that start with CREATE, ALTER, SET, CONNECT or GRANT and name no TABLE or
 *       VIEW (where {@code password} is a column name). MySQL's {@code PASSWORD EXPIRE}, {@code
 *       HISTORY}, {@code REUSE}, {@code REQUIRE} and {@code SET PASSWORD FOR} keep their keyword;
 *   <li>the token after Oracle's {@code REPLACE} that follows a masked one (the old password).
 * </ul>
 */
final class SecretArguments {

  private static final String[] ACCOUNT_STATEMENTS = {"CREATE", "ALTER", "SET", "CONNECT", "GRANT"};
  private static final String[] NOT_ACCOUNT = {"TABLE", "VIEW"};
  private static final String[] PASSWORD_WORDS = {"PASSWORD", "OLD_PASSWORD"};
  private static final String[] PASSWORD_CLAUSES = {"FOR", "EXPIRE", "HISTORY", "REUSE", "REQUIRE"};
  private static final String[] IDENTIFIED_ARGUMENTS = {"BY", "AS", "USING"};
  private static final int IDENTIFIED_REACH = 3;

  private boolean statementStart = true;
  private boolean account;
  private int identifiedWords = -1; // words since IDENTIFIED, -1 when none is open
  private boolean armed; // the next value is a secret
  private boolean afterPassword; // armed by PASSWORD: its keyword clauses stay readable
  private boolean masked; // the last token was a masked secret

  /** Whether the current token is a secret argument; call once per token, in order. */
  boolean isSecret(SqlLexer lexer) {
    int kind = lexer.kind();
    boolean value = kind != SqlLexer.PUNCT && kind != SqlLexer.EOF;
    boolean secret = armed && value && !(afterPassword && lexer.isAnyWord(PASSWORD_CLAUSES));
    track(lexer, kind, secret);
    return secret;
  }

  private void track(SqlLexer lexer, int kind, boolean secret) {
    boolean wasMasked = masked;
    masked = secret;
    if (secret) {
      armed = false;
      return;
    }
    if (lexer.isPunct(';')) {
      statementStart = true;
      account = false;
      identifiedWords = -1;
      armed = false;
      return;
    }
    if (statementStart && kind == SqlLexer.WORD) {
      account = lexer.isAnyWord(ACCOUNT_STATEMENTS);
    }
    statementStart = false;
    if (lexer.isAnyWord(NOT_ACCOUNT)) {
      account = false;
    }
    if (armed) {
      armed = lexer.isPunct('='); // PASSWORD = 'x' (SQL Server); anything else ends the clause
      return;
    }
    if (lexer.isWord("IDENTIFIED")) {
      identifiedWords = 0;
    } else if (identifiedWords >= 0 && kind != SqlLexer.PUNCT) {
      armed = lexer.isAnyWord(IDENTIFIED_ARGUMENTS);
      afterPassword = false;
      identifiedWords = armed || ++identifiedWords >= IDENTIFIED_REACH ? -1 : identifiedWords;
    } else if (kind == SqlLexer.PUNCT) {
      identifiedWords = -1;
    } else if (account && lexer.isAnyWord(PASSWORD_WORDS)) {
      armed = true;
      afterPassword = true;
    } else if (wasMasked && lexer.isWord("REPLACE")) {
      armed = true;
      afterPassword = false;
    }
  }
}
