package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SqlTableNamesTest {

  @Test
  void aKnownTableGivesTheSameInfoInstanceWhateverItsSpelling() {
    SqlStatementInfo first = SqlClassifier.classify("SELECT * FROM Billing.Invoices WHERE id = 1");
    SqlStatementInfo second = SqlClassifier.classify("select 1 from \"billing\".`INVOICES`");

    assertThat(first).hasToString("SELECT/billing.invoices").isSameAs(second);
  }

  @Test
  void nonAsciiNamesAreLowerCasedLikeStringToLowerCase() {
    for (String name : new String[] {"ΣΑΣ", "İSTANBUL", "Ärger", "\u212Aelvin", "顧客"}) {
      assertThat(SqlClassifier.classify("UPDATE \"" + name + "\" SET a = 1").table())
          .isEqualTo(name.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void namesBeyondTheLimitAreRightButNotKept() {
    SqlTableNames names = new SqlTableNames(3);
    for (int i = 0; i < 100; i++) {
      char[] chars = ("t_" + i).toCharArray();
      assertThat(names.intern(chars, chars.length).name).isEqualTo("t_" + i);
    }
    char[] kept = "t_2".toCharArray();
    char[] notKept = "t_3".toCharArray();

    assertThat(names.intern(kept, 3)).isSameAs(names.intern(kept, 3));
    assertThat(names.intern(notKept, 3)).isNotSameAs(names.intern(notKept, 3));
  }

  @Test
  void internedNamesAreFoundByTheirCharacters() {
    char[] chars = "orders".toCharArray();

    assertThat(SqlTableNames.SHARED.intern(chars, chars.length))
        .isSameAs(SqlTableNames.SHARED.intern(new String("orders")));
  }
}
