package dev.cachedb.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No agent-argument string takes more than linear time to parse or refuse: 16 times the input
 * must cost well under the 256 times a quadratic parser would need (bound: 64x plus 100 ms, best
 * of five, so a loaded machine does not make it flaky).
 */
class ConfigParserLinearTimeTest {
  private static final Map<String, String> NONE = Collections.emptyMap();
  private static final int SMALL = 16 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {",", "=", "a=b,", "port=0,", "port=9", "x", "\\", "\"", " ", "log.level=debug,"})
  void sixteenTimesLongerTakesAtMostAboutSixteenTimesLonger(String fragment) {
    String small = repeat(fragment, SMALL);
    String large = repeat(fragment, 16 * SMALL);
    best(small);
    best(large);

    long smallNanos = best(small);
    long largeNanos = best(large);

    assertThat(largeNanos)
        .as("fragment %s: %d ns small, %d ns large", fragment, smallNanos, largeNanos)
        .isLessThan(64 * smallNanos + 100_000_000L);
  }

  private static long best(String args) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      try {
        ConfigParser.parse(args, NONE, NONE);
      } catch (ConfigException expected) {
        // refusing is fine; only the time counts here
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }

  private static String repeat(String fragment, int length) {
    StringBuilder sb = new StringBuilder(length + fragment.length());
    while (sb.length() < length) {
      sb.append(fragment);
    }
    return sb.toString();
  }
}
