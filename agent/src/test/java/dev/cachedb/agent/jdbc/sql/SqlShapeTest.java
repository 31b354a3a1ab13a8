package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The classifier answers a statement that starts like the last one from that last one's labels
 * (see {@link SqlClassifier}). That shortcut must never change an answer: whatever came before,
 * {@code classify(b)} equals a full walk of {@code b}. The dangerous statements share a long
 * prefix with the one before and differ right at or after the deciding token, so the checks cut
 * every known statement at every position and glue on what could change a token's end.
 */
class SqlShapeTest {

  /** What may follow a cut: each one ends, extends or reopens the token at the cut. */
  private static final String[] TAILS = {
    "", " ", "x", "X1", "_", "$", "1", ".", ".b", "(", ")", ",", ";", "'", "''", "\"", "`",
    "]", "--", "-", "/*", "*/", "#", "#>", "e'", "$$", "\n", "顧", " WHERE id = 1",
    " (a) VALUES (1)", " ON t2 (a)", "\" x", ".\"Q\" WHERE 1"
  };

  @Test
  void literalsPastTheTableReuseTheLabels() {
    String sql = "SELECT name FROM accounts WHERE id = 1";

    assertThat(SqlClassifier.decidedPrefix(sql))
        .isEqualTo("SELECT name FROM accounts WHERE ".length());
    assertThat(SqlClassifier.decidedPrefix("INSERT INTO orders (id) VALUES (7)"))
        .isEqualTo("INSERT INTO orders (i".length());
    assertThat(SqlClassifier.decidedPrefix("UPDATE t SET a = 1"))
        .isEqualTo("UPDATE t SET ".length());
  }

  @Test
  void aWalkThatReachedTheEndRemembersNothing() {
    assertThat(SqlClassifier.decidedPrefix("SELECT 1")).isEqualTo(-1);
    assertThat(SqlClassifier.decidedPrefix("SELECT * FROM accounts")).isEqualTo(-1);
    assertThat(SqlClassifier.decidedPrefix("DELETE FROM t WHERE 'a"))
        .isEqualTo("DELETE FROM t WHERE ".length());
  }

  @Test
  void theCharacterAfterTheLastTokenLookedAtIsPartOfThePrefix() {
    // ALTER gives up on the 17th token after its keyword when it is no object kind. Here that
    // token is TABL; one more letter makes it TABLE, whose name follows.
    String giveUp = "ALTER SESSION SET a b c d e f g h i j k l m n TABL x";
    String table = "ALTER SESSION SET a b c d e f g h i j k l m n TABLE x";

    SqlStatementInfo first = SqlClassifier.classify(giveUp);
    SqlStatementInfo second = SqlClassifier.classify(table);

    assertThat(first).isEqualTo(new SqlStatementInfo("ALTER", "none"));
    assertThat(second).isEqualTo(new SqlStatementInfo("ALTER", "x"));
  }

  @Test
  void everyPairOfKnownStatementsAnswersAsAFullWalk() {
    List<String> all = knownStatements();
    for (String before : all) {
      for (String sql : all) {
        assertSameAsFullWalk(before, sql);
      }
    }
  }

  @Test
  void everyCutOfAKnownStatementAnswersAsAFullWalk() {
    for (String before : knownStatements()) {
      for (int cut = 0; cut <= before.length(); cut++) {
        for (String tail : TAILS) {
          assertSameAsFullWalk(before, before.substring(0, cut) + tail);
          // And the tail glued onto the whole deciding prefix, the closest a different
          // statement can come.
          int decided = SqlClassifier.decidedPrefix(before);
          if (decided > 0 && cut == 0) {
            assertSameAsFullWalk(before, before.substring(0, decided - 1) + tail);
          }
        }
      }
    }
  }

  @Test
  void mutatedStatementsAfterTheirOriginalAnswerAsAFullWalk() {
    Random random = new Random(42);
    List<String> all = knownStatements();
    for (int i = 0; i < 50_000; i++) {
      String before = all.get(random.nextInt(all.size()));
      StringBuilder sql = new StringBuilder(before);
      int at = random.nextInt(sql.length() + 1);
      sql.insert(at, TAILS[random.nextInt(TAILS.length)]);
      if (random.nextBoolean()) {
        int from = Math.min(sql.length(), at + 1);
        sql.delete(from, Math.min(sql.length(), from + random.nextInt(4)));
      }
      assertSameAsFullWalk(before, sql.toString());
    }
  }

  private static void assertSameAsFullWalk(String before, String sql) {
    SqlClassifier.classify(before);
    SqlStatementInfo answer = SqlClassifier.classify(sql);
    assertThat(answer).as("%s after %s", sql, before).isEqualTo(SqlClassifier.parseOnly(sql));
  }

  private static List<String> knownStatements() {
    List<String> out = new ArrayList<>();
    for (SqlStatements.Row row : SqlStatements.rows()) {
      out.add(row.sql);
    }
    return out;
  }
}
