package dev.cachedb.agent.jdbc.sql;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Classifies a SQL statement into the {@code query_type} and {@code table} labels of the metrics
 * contract (docs/sql.md lists every rule with examples).
 *
 * <p>Design: one forward walk over {@link SqlLexer} tokens with a parenthesis depth counter. No
 * regular expressions (they can backtrack), no recursion (nesting depth is attacker-sized), no
 * rewinding: the cost is linear in the statement's length. Subqueries, CTE bodies and function
 * arguments are skipped by comparing the depth with the depth of the statement's own keyword.
 *
 * <p>Steady state allocates nothing: classifiers (lexer state and name buffer) are reused from a
 * small striped pool, keywords are compared in place against constants, and the result is the
 * shared info object of an interned table name ({@link SqlTableNames}). A pool rather than a
 * ThreadLocal: with virtual threads (JDK 21+) a ThreadLocal would make one classifier per request.
 * A thread takes the classifier of its stripe by getAndSet(null), so it owns it alone; if the
 * stripe is empty (another thread holds it) it makes a new one, which costs an allocation and
 * nothing else, and puts it back afterwards.
 *
 * <p>Same shape, no parse: the labels depend only on the tokens the walk looked at, and the walk
 * stops early (at the table name, or the token after it). Each pooled classifier remembers its
 * last statement and how many characters of it decided the answer; a statement that starts with
 * exactly those characters has the same tokens there and so the same labels, and costs one
 * comparison of that prefix. That is the case of an application that inlines literals ({@code
 * ... WHERE id = 4711}): every statement is new to {@link SqlInfoCache}, but each differs from the
 * last one of its kind only past the table.
 */
public final class SqlClassifier {

  /** Longer table names are cut so a label stays bounded whatever the SQL holds. */
  static final int MAX_TABLE_LENGTH = SqlNames.MAX_LENGTH;

  /** DDL keywords between CREATE/ALTER/DROP and the object kind (OR REPLACE, DEFINER=x, ...). */
  private static final int MAX_DDL_PREFIX_TOKENS = 16;

  private static final String[] MAIN_KEYWORDS = words("SELECT INSERT UPDATE DELETE MERGE REPLACE");
  // Indexes into TYPES.
  private static final int SELECT = 0;
  private static final int INSERT = 1;
  private static final int UPDATE = 2;
  private static final int DELETE = 3;
  private static final int MERGE = 4;
  private static final int REPLACE = 5;
  private static final int CALL = 6;
  private static final int TRUNCATE = 10;
  private static final String[] TYPES =
      words("SELECT INSERT UPDATE DELETE MERGE REPLACE CALL CREATE ALTER DROP TRUNCATE");
  static final int TYPE_COUNT = TYPES.length;
  private static final String[] INSERT_MODIFIERS =
      words("LOW_PRIORITY DELAYED HIGH_PRIORITY IGNORE INTO OVERWRITE TABLE ALL");
  private static final String[] UPDATE_MODIFIERS = words("LOW_PRIORITY IGNORE ONLY");
  private static final String[] DELETE_MODIFIERS = words("LOW_PRIORITY QUICK IGNORE FROM ONLY");
  private static final String[] MERGE_MODIFIERS = words("INTO");
  private static final String[] TRUNCATE_MODIFIERS = words("TABLE ONLY IF EXISTS");
  private static final String[] DDL_MODIFIERS = words("IF NOT EXISTS CONCURRENTLY ONLY");
  private static final String[] SUBQUERY_STARTS = words("SELECT WITH VALUES");
  private static final String[] FROM_MODIFIERS = words("ONLY LATERAL");
  // USER and ROLE are left out on purpose: account names are not tables.
  private static final String[] DDL_KINDS =
      words(
          "TABLE VIEW INDEX SEQUENCE TRIGGER SCHEMA DATABASE FUNCTION PROCEDURE TYPE DOMAIN"
              + " EXTENSION ALIAS SYNONYM EVENT");

  /** Stripes; a power of two well above the cores that classify at the same moment. */
  private static final int STRIPES = 32;

  /** Array elements between stripes, so two stripes never share a 64-byte cache line. */
  private static final int SPACING = 16;

  private static final AtomicReferenceArray<SqlClassifier> POOL =
      new AtomicReferenceArray<>(STRIPES * SPACING);

  /** Longest statement remembered as the last shape; longer ones are parsed every time. */
  static final int MAX_REMEMBERED_LENGTH = SqlInfoCache.MAX_CACHED_SQL_LENGTH;

  private final SqlLexer lexer = new SqlLexer("", true);
  private final SqlNames names = new SqlNames();
  private int depth;

  // The last statement parsed, the length of its prefix that decided the labels, and the labels.
  private String lastSql;
  private int lastDecided;
  private SqlStatementInfo lastInfo;

  private SqlClassifier() {}

  /** Never throws, never returns null; null or empty SQL is OTHER/none. */
  public static SqlStatementInfo classify(String sql) {
    SqlStatementInfo same = sameShape(sql);
    return same != null ? same : parse(sql);
  }

  /**
   * The labels of the last statement parsed on this thread's stripe if {@code sql} starts with
   * the prefix that decided them, else null. Costs no hash of {@code sql}, which for a statement
   * made anew each time would be a walk over all of it.
   */
  static SqlStatementInfo sameShape(String sql) {
    if (sql == null || sql.isEmpty()) {
      return SqlStatementInfo.OTHER;
    }
    int stripe = stripe();
    SqlClassifier classifier = POOL.getAndSet(stripe, null);
    if (classifier == null) {
      return null;
    }
    try {
      return classifier.likeLast(sql);
    } finally {
      POOL.lazySet(stripe, classifier); // may replace one put back meanwhile: that one is dropped
    }
  }

  /** Classifies by walking the tokens, and remembers the statement's shape for the stripe. */
  static SqlStatementInfo parse(String sql) {
    if (sql == null || sql.isEmpty()) {
      return SqlStatementInfo.OTHER;
    }
    int stripe = stripe();
    SqlClassifier classifier = POOL.getAndSet(stripe, null);
    if (classifier == null) {
      classifier = new SqlClassifier();
    }
    try {
      return classifier.walk(sql);
    } finally {
      POOL.lazySet(stripe, classifier);
    }
  }

  /** A full walk on a classifier of its own, remembering nothing: the shortcut's reference. */
  static SqlStatementInfo parseOnly(String sql) {
    if (sql == null || sql.isEmpty()) {
      return SqlStatementInfo.OTHER;
    }
    return new SqlClassifier().walk(sql);
  }

  /** How many leading characters of {@code sql} decide its labels, or -1 if all do; for tests. */
  static int decidedPrefix(String sql) {
    SqlClassifier classifier = new SqlClassifier();
    classifier.walk(sql);
    return classifier.lastSql != null ? classifier.lastDecided : -1;
  }

  /** Thread ids are sequential, so neighbouring threads get different stripes. */
  private static int stripe() {
    return ((int) Thread.currentThread().getId() & (STRIPES - 1)) * SPACING;
  }

  private SqlStatementInfo likeLast(String sql) {
    String last = lastSql;
    if (last == sql) {
      return lastInfo; // a constant statement run again: no characters to compare
    }
    int decided = lastDecided;
    return last != null && sql.length() >= decided && sql.regionMatches(0, last, 0, decided)
        ? lastInfo
        : null;
  }

  private SqlStatementInfo walk(String sql) {
    lastSql = null;
    lastInfo = null;
    try {
      depth = 0;
      lexer.reset(sql);
      SqlStatementInfo info = statement();
      remember(sql, info);
      return info;
    } catch (RuntimeException | StackOverflowError e) {
      return SqlStatementInfo.OTHER; // last resort only: the walk itself has no throwing path
    } finally {
      lexer.reset(""); // the pool must not keep a megabyte statement reachable
    }
  }

  /**
   * Keeps the prefix that decided: up to the end of the last token the walk looked at, plus one
   * character, since that character is what ended the token (a word, a number, a doubled quote).
   * A walk that reached the end of the text depended on all of it, so nothing is remembered:
   * equal statements are {@link SqlInfoCache}'s job.
   */
  private void remember(String sql, SqlStatementInfo info) {
    int end = lexer.end();
    if (end < sql.length() && sql.length() <= MAX_REMEMBERED_LENGTH) {
      lastSql = sql;
      lastDecided = end + 1;
      lastInfo = info;
    }
  }

  private SqlStatementInfo statement() {
    advance();
    // "(SELECT ...)", JDBC escapes "{call p(?)}" and "{? = call p(?)}".
    while (lexer.isPunct('(') || lexer.isPunct('{') || lexer.isPunct('?') || lexer.isPunct('=')) {
      advance();
    }
    if (lexer.isWord("WITH")) {
      skipCommonTableExpressions();
    }
    int type = keyword();
    boolean values = type < 0 && lexer.isWord("VALUES");
    if (type < 0 && !values) {
      return SqlStatementInfo.OTHER;
    }
    advance();
    if (type == CALL || values) {
      SqlStatementInfo sequence = sequenceValue(type == CALL);
      if (sequence != null || values) {
        return sequence != null ? sequence : SqlStatementInfo.OTHER;
      }
    }
    SqlTableNames.Name table;
    switch (type) {
      case SELECT:
        table = selectTable();
        break;
      case INSERT:
      case REPLACE:
        table = nameAfter(INSERT_MODIFIERS);
        break;
      case UPDATE:
        table = nameAfter(UPDATE_MODIFIERS);
        break;
      case DELETE:
        table = nameAfter(DELETE_MODIFIERS);
        break;
      case MERGE:
        table = nameAfter(MERGE_MODIFIERS);
        break;
      case TRUNCATE:
        table = nameAfter(TRUNCATE_MODIFIERS);
        break;
      case CALL:
        table = names.read(lexer);
        break;
      default:
        table = ddlObject();
    }
    return (table == null ? SqlTableNames.NONE : table).info(type, TYPES[type]);
  }

  /**
   * H2's and HSQLDB's {@code CALL NEXT VALUE FOR s}, and H2's and Derby's {@code VALUES NEXT VALUE
   * FOR s} (Hibernate's sequence reads there): SELECT/none, as the same read is on the databases
   * that spell it {@code SELECT nextval('s')} or {@code SELECT s.NEXTVAL FROM DUAL}. A sequence is
   * no table and the statement calls no procedure. Null when the statement is something else; for
   * a CALL, the lexer is then left on the procedure name.
   */
  private SqlStatementInfo sequenceValue(boolean call) {
    while (lexer.isPunct('(')) {
      advance();
    }
    if (!lexer.isWord("NEXT")) {
      return null;
    }
    advance();
    if (lexer.isWord("VALUE")) {
      return SqlTableNames.NONE.info(SELECT, TYPES[SELECT]);
    }
    // A procedure named NEXT, already passed: its name is all that is left to label.
    return call ? SqlTableNames.SHARED.intern("next").info(CALL, TYPES[CALL]) : null;
  }

  /** The index in TYPES of the current token if it is a statement type keyword, else -1. */
  private int keyword() {
    for (int i = 0; i < TYPES.length; i++) {
      if (lexer.isWord(TYPES[i])) {
        return i;
      }
    }
    return -1;
  }

  /** WITH [RECURSIVE] a AS (...), b AS (...) SELECT: stops on the main keyword at WITH's depth. */
  private void skipCommonTableExpressions() {
    int base = depth;
    advance();
    while (lexer.kind() != SqlLexer.EOF) {
      if (depth == base && lexer.isAnyWord(MAIN_KEYWORDS)) {
        return;
      }
      advance();
    }
  }

  /** First table after the SELECT's own FROM; a subquery there yields its first real table. */
  private SqlTableNames.Name selectTable() {
    int base = depth;
    while (!(depth == base && lexer.isWord("FROM"))) {
      if (lexer.kind() == SqlLexer.EOF || depth == base && lexer.isPunct(';')) {
        return null; // SELECT 1, SELECT NOW()
      }
      advance();
    }
    int floor = depth; // the outer FROM's depth: never look past the derived table's end
    while (true) {
      advance(); // past FROM
      while (lexer.isPunct('(') || lexer.isAnyWord(FROM_MODIFIERS)) {
        advance();
      }
      if (SqlNames.isName(lexer) && !lexer.isAnyWord(SUBQUERY_STARTS)) {
        SqlTableNames.Name name = names.read(lexer);
        // generate_series(1, 10), TABLE(...), UNNEST(...): a function, not a table.
        if (name == null || lexer.isPunct('(') || name.name.equals("dual")) {
          return null;
        }
        return name;
      }
      // Derived table: its own FROM, at the depth of its SELECT, before its parenthesis closes.
      int inner = depth;
      while (!(depth == inner && lexer.isWord("FROM"))) {
        if (lexer.kind() == SqlLexer.EOF || depth < inner || depth <= floor) {
          return null;
        }
        advance();
      }
    }
  }

  private SqlTableNames.Name nameAfter(String[] modifiers) {
    while (lexer.isAnyWord(modifiers)) {
      advance();
    }
    return names.read(lexer);
  }

  /** CREATE/ALTER/DROP: the object after TABLE, VIEW...; INDEX and TRIGGER: the table after ON. */
  private SqlTableNames.Name ddlObject() {
    int base = depth;
    for (int i = 0; !lexer.isAnyWord(DDL_KINDS); i++) {
      if (i >= MAX_DDL_PREFIX_TOKENS || lexer.kind() == SqlLexer.EOF) {
        return null; // ALTER SESSION SET ..., CREATE USER ...
      }
      advance();
    }
    boolean onTable = lexer.isWord("INDEX") || lexer.isWord("TRIGGER");
    advance();
    // PostgreSQL's unnamed "CREATE INDEX ON t (a)": ON is not the index name.
    SqlTableNames.Name name = onTable && lexer.isWord("ON") ? null : nameAfter(DDL_MODIFIERS);
    if (onTable) {
      while (lexer.kind() != SqlLexer.EOF && !(depth == base && lexer.isWord("ON"))) {
        advance();
      }
      if (lexer.kind() != SqlLexer.EOF) {
        advance();
        SqlTableNames.Name table = nameAfter(DDL_MODIFIERS);
        name = table != null ? table : name;
      }
    }
    return name;
  }

  /** Moves on one token, counting the parenthesis just passed. */
  private void advance() {
    if (lexer.isPunct('(')) {
      depth++;
    } else if (lexer.isPunct(')')) {
      depth--;
    }
    lexer.next();
  }

  private static String[] words(String spaceSeparated) {
    return spaceSeparated.split(" ");
  }
}
