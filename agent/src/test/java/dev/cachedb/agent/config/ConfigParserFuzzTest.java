package dev.cachedb.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever an operator types as agent arguments, the parser either returns a configuration or
 * throws {@link ConfigException} with one line: nothing else may escape into premain.
 */
class ConfigParserFuzzTest {
  private static final Map<String, String> NONE = Collections.emptyMap();
  private static final String[] SEEDS = {
    "port=9404,host=127.0.0.1",
    "redis.enabled=false,jdbc.enabled=true,pool.enabled=false,jvm_metrics.enabled=false",
    "log.level=debug,log.transform_errors=true,enabled=true",
    "auth.user=prom,auth.password=secret,tls.keystore_type=JKS",
    "port=0",
  };
  private static final char[] INTERESTING = {',', '=', ' ', '\t', '\n', '\0', '.', '-', '9', 'é',
    '\uD83D', '%', '\\', '"', '\''};

  @Test
  void randomAndMutatedArgumentsNeverThrowAnythingButConfigException() {
    Random random = new Random(20261124L);
    int configs = 0;
    int refused = 0;
    for (int i = 0; i < 100_000; i++) {
      String input = i % 2 == 0 ? randomText(random) : mutate(SEEDS[i % SEEDS.length], random);
      try {
        AgentConfig c = ConfigParser.parse(input, NONE, NONE);
        assertThat(c.port()).isBetween(0, 65535);
        configs++;
      } catch (ConfigException e) {
        assertThat(e.getMessage()).doesNotContain("\n").isNotEmpty();
        refused++;
      }
    }
    assertThat(configs).as("some mutations stay valid").isGreaterThan(1000);
    assertThat(refused).as("most random input is refused").isGreaterThan(10_000);
  }

  private static String randomText(Random r) {
    char[] c = new char[r.nextInt(64)];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextInt(4) == 0 ? INTERESTING[r.nextInt(INTERESTING.length)] : (char) r.nextInt(0x2FF);
    }
    return new String(c);
  }

  private static String mutate(String seed, Random r) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(4)) {
        case 0:
          sb.deleteCharAt(at);
          break;
        case 1:
          sb.insert(at, INTERESTING[r.nextInt(INTERESTING.length)]);
          break;
        case 2:
          sb.setCharAt(at, (char) (32 + r.nextInt(95)));
          break;
        default:
          sb.setLength(at);
      }
    }
    return sb.toString();
  }
}
