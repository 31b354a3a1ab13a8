package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated SQL must never make the classifier or masker throw or answer outside the
 * contract. Seeded, so a failure reproduces; the failing input is in the assertion message.
 * Pathological inputs check for stack overflows and hangs; their speed is measured by
 * ClassifierThroughput, not asserted here (wall-clock asserts are flaky on a loaded machine).
 */
class SqlFuzzTest {

  private static final String[] FRAGMENTS = {
    "'",
    "''",
    "\"",
    "`",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "$$",
    "$a$",
    "$",
    "/*",
    "*/",
    "--",
    "#",
    "\n",
    " ",
    "\t",
    "\\",
    ".",
    ",",
    ";",
    "?",
    "=",
    ":",
    "::",
    "E'",
    "x'",
    "0x",
    "1",
    "1.5e-3",
    "SELECT",
    "FROM",
    "INSERT",
    "INTO",
    "UPDATE",
    "DELETE",
    "WITH",
    "AS",
    "ON",
    "INDEX",
    "TABLE",
    "CALL",
    "CREATE",
    "DROP",
    "VALUES",
    "IN",
    "LIKE",
    "ONLY",
    "t",
    "s.t",
    "é",
    "顧",
    "\uD83D\uDE00",
    "\uD800",
    "\uDC00",
    "\u0000",
    "\u00A0",
    "\u2028"
  };

  @Test
  void randomCharactersNeverBreakTheContract() {
    Random random = new Random(20261124L);
    for (int i = 0; i < 40_000; i++) {
      StringBuilder sql = new StringBuilder();
      int length = random.nextInt(64);
      for (int j = 0; j < length; j++) {
        sql.append(
            random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(128));
      }
      check(sql.toString());
    }
  }

  @Test
  void randomFragmentsNeverBreakTheContract() {
    Random random = new Random(42L);
    for (int i = 0; i < 30_000; i++) {
      StringBuilder sql = new StringBuilder();
      int count = random.nextInt(24);
      for (int j = 0; j < count; j++) {
        sql.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        if (random.nextBoolean()) {
          sql.append(' ');
        }
      }
      check(sql.toString());
    }
  }

  @Test
  void mutatedRealStatementsNeverBreakTheContract() {
    List<SqlStatements.Row> rows = SqlStatements.rows();
    Random random = new Random(7L);
    for (int i = 0; i < 40_000; i++) {
      StringBuilder sql = new StringBuilder(rows.get(random.nextInt(rows.size())).sql);
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        mutate(sql, random);
      }
      check(sql.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(",
        ")",
        "'",
        "\"",
        "`",
        "[",
        "/*",
        "*/",
        "--",
        "$$",
        "$a$",
        "{",
        "SELECT ",
        "FROM ",
        "WITH a AS (",
        "(SELECT * FROM ",
        "\\",
        "E'",
        "'\\",
        "INSERT INTO ",
        "CREATE INDEX ",
        "a.",
        "1",
        "é"
      })
  void megabyteOfOneFragmentIsHandled(String fragment) {
    String sql = repeatToMegabyte(fragment);

    SqlStatementInfo info = SqlClassifier.classify(sql);
    String masked = SqlMasker.mask(sql, 1000);

    assertValid(sql, info);
    assertThat(masked.length()).isLessThanOrEqualTo(1000);
  }

  @Test
  void deeplyNestedSubqueriesResolveWithoutStackOverflow() {
    int depth = 200_000;
    String sql = "SELECT * FROM " + repeat("(SELECT * FROM ", depth) + "deep" + repeat(")", depth);

    assertThat(SqlClassifier.classify(sql)).hasToString("SELECT/deep");
    assertThat(SqlMasker.mask(sql, 50)).hasSize(50);
  }

  @Test
  void hugeStatementStillFindsItsTable() {
    String sql = "INSERT INTO big (a) VALUES " + repeat("('x', 1), ", 100_000) + "('y', 2)";

    assertThat(SqlClassifier.classify(sql)).hasToString("INSERT/big");
  }

  private static void check(String sql) {
    SqlStatementInfo info = SqlClassifier.classify(sql);
    assertValid(sql, info);
    String masked = SqlMasker.mask(sql, 80);
    assertThat(masked).as(sql).isNotNull();
    assertThat(masked.length()).as(sql).isLessThanOrEqualTo(80);
  }

  private static void assertValid(String sql, SqlStatementInfo info) {
    String shown = sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
    assertThat(info).as(shown).isNotNull();
    assertThat(SqlClassifierTest.TYPES).as(shown).contains(info.queryType());
    assertThat(info.table()).as(shown).isNotNull().isNotEmpty();
    assertThat(info.table().length()).as(shown).isLessThanOrEqualTo(SqlClassifier.MAX_TABLE_LENGTH);
  }

  private static void mutate(StringBuilder sql, Random random) {
    int at = sql.length() == 0 ? 0 : random.nextInt(sql.length() + 1);
    switch (random.nextInt(6)) {
      case 0: // insert a fragment: quotes, comment openers, parentheses, keywords
        sql.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        break;
      case 1: // delete a run
        sql.delete(at, Math.min(sql.length(), at + 1 + random.nextInt(5)));
        break;
      case 2: // replace one char with a random one
        if (at < sql.length()) {
          sql.setCharAt(at, (char) random.nextInt(0x3000));
        }
        break;
      case 3: // truncate
        sql.setLength(at);
        break;
      case 4: // duplicate a run
        int end = Math.min(sql.length(), at + random.nextInt(20));
        sql.insert(at, sql.substring(at, end));
        break;
      default: // prepend a fragment
        sql.insert(0, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
  }

  private static String repeatToMegabyte(String fragment) {
    return repeat(fragment, 1_000_000 / fragment.length());
  }

  private static String repeat(String s, int n) {
    return SqlClassifierTest.repeat(s, n);
  }
}
