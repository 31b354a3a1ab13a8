package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlClassifierTest {

  static final Set<String> TYPES =
      new HashSet<>(
          Arrays.asList(
              "SELECT",
              "INSERT",
              "UPDATE",
              "DELETE",
              "MERGE",
              "REPLACE",
              "CALL",
              "CREATE",
              "ALTER",
              "DROP",
              "TRUNCATE",
              "OTHER"));

  /** Every row of statements.txt: expected type, expected table, SQL. */
  static Stream<Arguments> statements() {
    return SqlStatements.rows().stream().map(r -> Arguments.of(r.type, r.table, r.sql));
  }

  @ParameterizedTest(name = "{0}/{1} <- {2}")
  @MethodSource("statements")
  void classifiesStatement(String type, String table, String sql) {
    SqlStatementInfo info = SqlClassifier.classify(sql);

    assertThat(info.queryType()).as("query_type").isEqualTo(type);
    assertThat(info.table()).as("table").isEqualTo(table);
  }

  @Test
  void tableHoldsAtLeast120Statements() {
    assertThat(SqlStatements.rows()).hasSizeGreaterThanOrEqualTo(120);
    assertThat(SqlStatements.rows()).allSatisfy(r -> assertThat(TYPES).contains(r.type));
  }

  @Test
  void nullAndEmptyAreOtherWithoutTable() {
    assertThat(SqlClassifier.classify(null)).isEqualTo(new SqlStatementInfo("OTHER", "none"));
    assertThat(SqlClassifier.classify("")).isEqualTo(new SqlStatementInfo("OTHER", "none"));
  }

  @Test
  void longTableNameIsCutTo128Characters() {
    String name = repeat("a", 1000);

    SqlStatementInfo info = SqlClassifier.classify("SELECT * FROM s." + name);

    assertThat(info.table()).hasSize(SqlClassifier.MAX_TABLE_LENGTH).startsWith("s.aaa");
  }

  @Test
  void longQuotedTableNameIsCutTo128Characters() {
    String info =
        SqlClassifier.classify("INSERT INTO \"" + repeat("B", 5000) + "\" VALUES (1)").table();

    assertThat(info).isEqualTo(repeat("b", SqlClassifier.MAX_TABLE_LENGTH));
  }

  @Test
  void tableIsLowerCasedIndependentOfDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(new java.util.Locale("tr", "TR"));
      assertThat(SqlClassifier.classify("SELECT * FROM INVOICES").table()).isEqualTo("invoices");
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void valueObjectsCompareByContent() {
    SqlStatementInfo a = SqlClassifier.classify("SELECT * FROM t");
    SqlStatementInfo b = SqlClassifier.classify("select * from T");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).hasToString("SELECT/t");
  }

  static String repeat(String s, int n) {
    StringBuilder b = new StringBuilder(s.length() * n);
    for (int i = 0; i < n; i++) {
      b.append(s);
    }
    return b.toString();
  }
}
