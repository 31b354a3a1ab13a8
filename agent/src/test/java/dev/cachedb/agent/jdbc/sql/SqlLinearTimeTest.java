package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input takes more than linear time: for each pathological fragment, classifying and masking a
 * statement 16 times longer must take well under 16 * 16 = 256 times as long (what a quadratic
 * scan would take). The bound allowed is 64x plus 100 ms of slack, best of five runs each, so a
 * loaded CI machine does not make it flaky while a quadratic scan (256x) still fails it.
 */
class SqlLinearTimeTest {
  private static final int SMALL = 32 * 1024;
  private static final int LARGE = 16 * SMALL;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(", ")", "'", "\"", "`", "[", "/*", "*/", "--\n", "$$", "$a$", "{", "\\", "E'", "'\\",
        "SELECT ", "FROM ", "WITH a AS (", "(SELECT * FROM ", "INSERT INTO ", "a.", "1, ",
        "'x', ", "/* SELECT */ ", "é顧"
      })
  void sixteenTimesLongerTakesAtMostAboutSixteenTimesLonger(String fragment) {
    String small = repeat(fragment, SMALL);
    String large = repeat(fragment, LARGE);
    run(small); // warm-up, so the small case is not measured in the interpreter
    run(large);

    long smallNanos = best(small);
    long largeNanos = best(large);

    assertThat(largeNanos)
        .as("fragment %s: %d ns for %d chars, %d ns for %d chars", fragment, smallNanos,
            small.length(), largeNanos, large.length())
        .isLessThan(64 * smallNanos + 100_000_000L);
  }

  private static long best(String sql) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      run(sql);
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }

  private static void run(String sql) {
    assertThat(SqlClassifier.classify(sql)).isNotNull();
    assertThat(SqlMasker.mask(sql, 1000).length()).isLessThanOrEqualTo(1000);
  }

  private static String repeat(String fragment, int length) {
    StringBuilder sb = new StringBuilder(length + fragment.length());
    while (sb.length() < length) {
      sb.append(fragment);
    }
    return sb.toString();
  }
}
