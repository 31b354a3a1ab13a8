package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlInfoCacheTest {

  @Test
  void hitReturnsTheSameInstance() {
    SqlInfoCache cache = new SqlInfoCache(10);

    SqlStatementInfo first = cache.get("SELECT * FROM users WHERE id = ?");
    SqlStatementInfo second = cache.get(new String("SELECT * FROM users WHERE id = ?"));

    assertThat(first).isSameAs(second);
    assertThat(first).hasToString("SELECT/users");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void neverHoldsMoreThanMaxEntries() {
    SqlInfoCache cache = new SqlInfoCache(3);

    for (int i = 0; i < 100; i++) {
      assertThat(cache.get("SELECT * FROM t" + i).table()).isEqualTo("t" + i);
      assertThat(cache.size()).isBetween(1, 3);
    }
  }

  @Test
  void inlinedLiteralsOfOneShapeTakeNoSlot() {
    SqlInfoCache cache = new SqlInfoCache(10);

    assertThat(cache.get("SELECT name FROM accounts WHERE id = 0")).hasToString("SELECT/accounts");
    for (int i = 1; i < 100; i++) {
      assertThat(cache.get("SELECT name FROM accounts WHERE id = " + i))
          .hasToString("SELECT/accounts");
    }
    assertThat(cache.get("UPDATE accounts SET name = 'x'")).hasToString("UPDATE/accounts");

    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void longStatementIsClassifiedButNotKept() {
    SqlInfoCache cache = new SqlInfoCache(10);
    String huge = "DELETE FROM big WHERE id IN (" + SqlClassifierTest.repeat("1,", 5000) + "1)";

    assertThat(cache.get(huge)).hasToString("DELETE/big");
    assertThat(cache.size()).isZero();
  }

  @Test
  void nullIsOtherAndNotKept() {
    SqlInfoCache cache = new SqlInfoCache(10);

    assertThat(cache.get(null)).hasToString("OTHER/none");
    assertThat(cache.size()).isZero();
  }

  @Test
  void concurrentUseGivesCorrectAnswers() throws InterruptedException {
    SqlInfoCache cache = new SqlInfoCache(16);
    Thread[] threads = new Thread[4];
    boolean[] wrong = new boolean[1];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  if (!cache
                      .get("UPDATE t" + (i % 40) + " SET a = ?")
                      .table()
                      .equals("t" + (i % 40))) {
                    wrong[0] = true;
                  }
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(wrong[0]).isFalse();
    assertThat(cache.size()).isLessThanOrEqualTo(16 + threads.length);
  }
}
