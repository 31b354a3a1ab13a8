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
      assertThat(intern(names, "t_" + i).name).isEqualTo("t_" + i);
    }
    assertThat(intern(names, "t_2")).isSameAs(intern(names, "t_2"));
    assertThat(intern(names, "t_3")).isNotSameAs(intern(names, "t_3"));
  }

  @Test
  void internedNamesAreFoundByTheirCharacters() {
    assertThat(intern(SqlTableNames.SHARED, "orders"))
        .isSameAs(SqlTableNames.SHARED.intern(new String("orders")));
  }

  private static SqlTableNames.Name intern(SqlTableNames names, String name) {
    return names.intern(name.toCharArray(), name.length(), name.hashCode());
  }
}
