package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlMaskerTest {

  /** SQL and its masked form. */
  static Stream<Arguments> masked() {
    return Stream.of(
        Arguments.of("WHERE id = 42 AND n='x'", "WHERE id = ? AND n=?"),
        Arguments.of(
            "SELECT * FROM t WHERE a = 1.5 AND b = -7 AND c = 1e10",
            "SELECT * FROM t WHERE a = ? AND b = -? AND c = ?"),
        Arguments.of("SELECT .5, 3.25E-4, 0x1F, 0XAB", "SELECT ?, ?, ?, ?"),
        Arguments.of("SELECT X'0A1B', x'ff', B'0101', N'name'", "SELECT ?, ?, ?, ?"),
        Arguments.of("SELECT 'it''s' FROM t", "SELECT ? FROM t"),
        // MySQL reads two strings; PostgreSQL a string ending in a backslash, then b bare: what is
        // a literal under either reading is masked.
        Arguments.of("SELECT 'a\\'b', 'c' FROM t", "SELECT ?? ? ? ?"),
        Arguments.of("SELECT 'a\\'b' FROM t WHERE a = 'c'", "SELECT ? ? ? ? ? ? ?"),
        Arguments.of("SELECT E'it\\'s', e'x' FROM t", "SELECT ?, ? FROM t"),
        Arguments.of("SELECT $$ secret 1 $$, $tag$ it's $x$ $tag$ FROM t", "SELECT ?, ? FROM t"),
        Arguments.of(
            "SELECT * FROM t WHERE id = $1 AND n = ?", "SELECT * FROM t WHERE id = $1 AND n = ?"),
        Arguments.of(
            "SELECT * FROM t WHERE d > '2020-01-01'::date", "SELECT * FROM t WHERE d > ?::date"),
        Arguments.of("SELECT a -- secret 123\nFROM t", "SELECT a FROM t"),
        Arguments.of("SELECT a # secret 123\nFROM t", "SELECT a FROM t"),
        Arguments.of("SELECT /*+ INDEX(t i) */ a /* 42 */ FROM t", "SELECT a FROM t"),
        Arguments.of("SELECT a /* outer /* 7 */ 8 */ FROM t", "SELECT a FROM t"),
        Arguments.of(
            "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')",
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"),
        Arguments.of(
            "INSERT INTO t VALUES (\"bob\", \"x\"), (\"eve\", 3)",
            "INSERT INTO t VALUES (?, ?), (?, ?)"),
        // ".." is a string in MySQL: readable only where no database takes a value.
        Arguments.of(
            "SELECT \"Name\" FROM \"Users\" WHERE \"Name\" = \"bob\"",
            "SELECT ? FROM \"Users\" WHERE ? = ?"),
        Arguments.of(
            "SELECT \"u\".\"Name\" AS \"n\" FROM \"app\".\"Users\" \"u\" JOIN \"Roles\" r"
                + " WHERE \"u\".\"id\" = $1",
            "SELECT \"u\".\"Name\" AS \"n\" FROM \"app\".\"Users\" ? JOIN \"Roles\" r"
                + " WHERE \"u\".\"id\" = $1"),
        Arguments.of(
            "SELECT * FROM (SELECT a FROM \"T\") x WHERE b IN (SELECT c FROM \"U\")",
            "SELECT * FROM (SELECT a FROM \"T\") x WHERE b IN (SELECT c FROM \"U\")"),
        Arguments.of(
            "SELECT TRIM(BOTH \"x\" FROM \"y\") FROM t", "SELECT TRIM(BOTH ? FROM ?) FROM t"),
        Arguments.of(
            "UPDATE \"t\" SET a = \"b\" WHERE id IN (1, 2)",
            "UPDATE \"t\" SET a = ? WHERE id IN (?, ?)"),
        Arguments.of("SELECT q'[it's 7]', Q'{a}' FROM dual", "SELECT ?, ? FROM dual"),
        Arguments.of("SELECT U&'\\0041', N'x' FROM t", "SELECT U&?, ? FROM t"),
        // Password arguments, quoted or not; the statement's keywords stay.
        Arguments.of("CREATE USER u PASSWORD Password1", "CREATE USER u PASSWORD ?"),
        Arguments.of("ALTER USER u IDENTIFIED BY Password1", "ALTER USER u IDENTIFIED BY ?"),
        Arguments.of("CONNECT u PASSWORD x", "CONNECT u PASSWORD ?"),
        Arguments.of(
            "CREATE USER bob IDENTIFIED WITH caching_sha2_password BY pw PASSWORD EXPIRE",
            "CREATE USER bob IDENTIFIED WITH caching_sha2_password BY ? PASSWORD EXPIRE"),
        Arguments.of(
            "ALTER USER bob IDENTIFIED BY pw REPLACE old ACCOUNT UNLOCK",
            "ALTER USER bob IDENTIFIED BY ? REPLACE ? ACCOUNT UNLOCK"),
        Arguments.of(
            "ALTER LOGIN bob WITH PASSWORD = pw OLD_PASSWORD = old",
            "ALTER LOGIN bob WITH PASSWORD = ? OLD_PASSWORD = ?"),
        Arguments.of("SET PASSWORD FOR bob = PASSWORD('x')", "SET PASSWORD FOR bob = PASSWORD(?)"),
        Arguments.of(
            "SELECT password FROM users WHERE password = ?",
            "SELECT password FROM users WHERE password = ?"),
        Arguments.of(
            "ALTER TABLE users ADD COLUMN password TEXT",
            "ALTER TABLE users ADD COLUMN password TEXT"),
        Arguments.of(
            "SELECT * FROM t WHERE n LIKE \"%x%\" AND m IN (\"a\", \"b\")",
            "SELECT * FROM t WHERE n LIKE ? AND m IN (?, ?)"),
        Arguments.of(
            "SELECT `a1` FROM `t2` WHERE t2.c3 IN (4, 5)",
            "SELECT `a1` FROM `t2` WHERE t2.c3 IN (?, ?)"),
        Arguments.of("SELECT * FROM t LIMIT 10 OFFSET 20", "SELECT * FROM t LIMIT ? OFFSET ?"),
        Arguments.of("  SELECT\n\t*\r\n  FROM   t  ", "SELECT * FROM t"),
        Arguments.of("SELECT arr[1] FROM t", "SELECT arr[?] FROM t"),
        Arguments.of("UPDATE t SET n = 'x' WHERE id = 5", "UPDATE t SET n = ? WHERE id = ?"),
        Arguments.of("SELECT 'unterminated FROM t WHERE a = 1", "SELECT ?"),
        Arguments.of("SELECT * FROM café WHERE 名前 = 'テスト'", "SELECT * FROM café WHERE 名前 = ?"),
        Arguments.of("CALL p(1, 'a')", "CALL p(?, ?)"),
        Arguments.of("", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("masked")
  void masksLiterals(String sql, String expected) {
    assertThat(SqlMasker.mask(sql, 1000)).isEqualTo(expected);
  }

  @Test
  void noDigitOrStringLiteralSurvives() {
    String sql =
        "/* c 9001 */ SELECT 'sec 9002' FROM t WHERE z = \"sec 9003\" AND a = 9004 AND b = x'9005' "
            + "AND c = E'9006\\'' AND d = $$9007$$ AND e IN (9008, '9009') # 9010\n"
            + "AND f = -- 9011\n 9012.5 AND g = $q$9013$q$ AND h = 0x9014";

    String masked = SqlMasker.mask(sql, 10_000);

    for (int i = 9001; i <= 9014; i++) {
      assertThat(masked).doesNotContain(Integer.toString(i));
    }
    assertThat(masked).doesNotContain("sec");
  }

  @Test
  void truncatesToMaxLengthWithEllipsis() {
    String masked = SqlMasker.mask("SELECT aaaa, bbbb, cccc FROM table_with_long_name", 20);

    assertThat(masked).hasSize(20).isEqualTo("SELECT aaaa, bbbb...");
  }

  @Test
  void exactLengthIsNotTruncated() {
    assertThat(SqlMasker.mask("SELECT 1", 8)).isEqualTo("SELECT ?");
  }

  @Test
  void tinyMaxLengthStillBounded() {
    assertThat(SqlMasker.mask("SELECT 1", 2)).isEqualTo("SE");
    assertThat(SqlMasker.mask("SELECT 1", 0)).isEmpty();
  }

  @Test
  void unlimitedLengthMasksEverything() {
    String sql = "SELECT " + SqlClassifierTest.repeat("name, 7, ", 100_000) + "x FROM t";

    String masked = SqlMasker.mask(sql, Integer.MAX_VALUE);

    assertThat(masked).hasSize(sql.length()).doesNotContain("7").endsWith("name, ?, x FROM t");
  }

  @Test
  void nullGivesEmpty() {
    assertThat(SqlMasker.mask(null, 100)).isEmpty();
  }

  @Test
  void hugeStatementIsCutWithoutCopyingIt() {
    String huge = "SELECT " + SqlClassifierTest.repeat("a", 1_000_000) + " FROM t WHERE x = 1";

    String masked = SqlMasker.mask(huge, 200);

    assertThat(masked).hasSize(200).startsWith("SELECT aaa").endsWith("...");
  }
}
