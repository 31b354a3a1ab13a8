package dev.cachedb.agent.cache.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeyPrefixesTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final KeyPrefixes prefixes = new KeyPrefixes(registry, ':', 50);

  private String label(String key) {
    String asText = prefixes.of(key).label;
    String asBytes = prefixes.of(key.getBytes(StandardCharsets.UTF_8)).label;
    assertThat(asBytes).as("binary form of %s", key).isEqualTo(asText);
    return asText;
  }

  private static String scrape(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "user:42, user",
    "session:7f9c1e2a-4b3d-4c5e-8f60-123456789abc, session",
    "owners::42, owners",
    "cart-items:1, cart-items",
    "app.v1:config, app.v1",
    "oauth2:token, oauth2",
    "userSession:1, userSession",
    "userSessionId:1, userSessionId",
    "spring_session:sessions:1, spring_session",
    "Owners:1, Owners",
    "plainkey, none",
    "'', none",
    "a:, a",
  })
  void namesAreKept(String key, String expected) {
    assertThat(label(key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "user42:profile", // an id glued to a word
    "v2:users", // one digit in two characters
    "tenant-0b1f9c2e:orders",
    "2024-01-01:report",
    "12345:x",
    "550e8400-e29b-41d4-a716-446655440000:x",
    "deadbeef1:x",
    "alice@example.com:cart",
    "my key:1",
    "eyJhbGciOiJIUzI1NiJ9:x",
    "dGhpc2lzYXRva2Vu:x",
    "aBcDeFgH:x",
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc:x",
    "abcdefghijklmnopqrstuvwxyzabcdefg:x", // 33 characters
    "https:x", // five consonants in a row
    "_private:x",
    ":x",
    "::",
    ":",
    "user%41:x",
    "caf\u00e9:x",
  })
  void anythingElseIsOther(String key) {
    assertThat(label(key)).isEqualTo("other");
  }

  @Test
  void hostileKeysGiveOnlyOtherOrNone() throws IOException {
    Random random = new Random(19);
    List<Object> keys = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String uuid = UUID.randomUUID().toString();
      String hex = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
      String number = Long.toString(Math.abs(random.nextLong()));
      String email = "user" + i + "@example.com";
      String token = token(random, 16 + random.nextInt(24), false);
      String urlToken = token(random, 16 + random.nextInt(24), true);
      String jwt =
          "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + token(random, 24, true) + "."
              + token(random, 20, true);
      for (String id : Arrays.asList(uuid, hex, number, email, token, urlToken, jwt)) {
        secrets.add(id);
        keys.add(id); // no delimiter
        keys.add(id + ":profile");
        keys.add(id + "::" + i);
        keys.add("user" + number.substring(0, 2 + i % 5) + ":" + id);
        keys.add(id.getBytes(StandardCharsets.UTF_8));
      }
      // Binary keys: serialized objects, protobuf, packed ids; never text from the start.
      byte[] binary = new byte[2 + random.nextInt(64)];
      random.nextBytes(binary);
      binary[0] = (byte) (0x80 | binary[0]);
      keys.add(binary);
      keys.add(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 't', ':', 1});
      binary = binary.clone();
      binary[binary.length / 2] = ':';
      keys.add(binary);
    }
    keys.add("");
    keys.add(new byte[0]);
    keys.add(":::::");
    keys.add(new byte[] {':', ':', ':'});
    char[] huge = new char[1 << 20];
    Arrays.fill(huge, 'a');
    keys.add(new String(huge)); // no delimiter at all
    huge[huge.length - 1] = ':';
    keys.add(new String(huge)); // a megabyte of prefix
    keys.add(new byte[1 << 20]);
    keys.add(12345L);
    keys.add(null);

    Set<String> labels = new HashSet<>();
    for (Object key : keys) {
      labels.add(prefixes.of(key).label);
    }
    assertThat(labels).containsExactlyInAnyOrder("other", "none");
    String text = scrape(registry);
    for (String secret : secrets) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void distinctPrefixesAreCappedThenOther() throws IOException {
    PrometheusRegistry own = new PrometheusRegistry();
    KeyPrefixes capped = new KeyPrefixes(own, ':', 3);
    assertThat(capped.of("alpha:1").label).isEqualTo("alpha");
    assertThat(capped.of("beta:1").label).isEqualTo("beta");
    assertThat(capped.of("gamma:1").label).isEqualTo("gamma");
    assertThat(capped.of("delta:1").label).isEqualTo("other");
    assertThat(capped.of("alpha:2")).isSameAs(capped.of("alpha:3".getBytes(StandardCharsets.US_ASCII)));
    assertThat(capped.of("x").label).isEqualTo("none");
    capped.of("beta:2").read(2, 1);
    capped.of("delta:2").read(0, 4);
    String text = scrape(own);
    assertThat(text).contains("cache_key_prefix_reads_total{prefix=\"beta\",result=\"hit\"} 2.0");
    assertThat(text).contains("cache_key_prefix_reads_total{prefix=\"beta\",result=\"miss\"} 1.0");
    assertThat(text).contains("cache_key_prefix_reads_total{prefix=\"other\",result=\"miss\"} 4.0");
    assertThat(text).doesNotContain("delta");
  }

  @Test
  void anotherDelimiterEndsThePrefix() {
    KeyPrefixes slash = new KeyPrefixes(new PrometheusRegistry(), '/', 50);
    assertThat(slash.of("user/42").label).isEqualTo("user");
    assertThat(slash.of("user:42").label).isEqualTo("none");
    assertThat(slash.of("user:42/x").label).isEqualTo("other");
  }

  @Test
  void collidingHashesStayApart() {
    // "Aa" and "BB" have the same String hash.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(prefixes.of("Aa:1").label).isEqualTo("Aa");
    assertThat(prefixes.of("BB:1").label).isEqualTo("BB");
    assertThat(prefixes.of("Aa:2".getBytes(StandardCharsets.US_ASCII)).label).isEqualTo("Aa");
  }

  @Test
  void concurrentFirstSightsMakeOneLabelEach() throws Exception {
    KeyPrefixes shared = new KeyPrefixes(new PrometheusRegistry(), ':', 50);
    String[] names = {"alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma", "theta"};
    Thread[] threads = new Thread[4];
    KeyPrefix[][] seen = new KeyPrefix[threads.length][names.length];
    for (int t = 0; t < threads.length; t++) {
      final int id = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < names.length; i++) {
                  seen[id][i] = shared.of(names[i] + ":" + id);
                }
              });
    }
    for (Thread t : threads) {
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    for (int i = 0; i < names.length; i++) {
      for (int t = 1; t < threads.length; t++) {
        assertThat(seen[t][i]).isSameAs(seen[0][i]);
      }
      assertThat(seen[0][i].label).isEqualTo(names[i]);
    }
  }

  @Test
  void steadyStateLookupsAllocateNothing() {
    Object[] keys = {
      "user:1", "session:abc", "owners::42".getBytes(StandardCharsets.UTF_8), "nokey",
      "550e8400-e29b-41d4-a716-446655440000:x", "user:2".getBytes(StandardCharsets.UTF_8)
    };
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < 8; round++) {
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 100_000; i++) {
        prefixes.of(keys[i % keys.length]).read(1, 0);
      }
      allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
    }
    assertThat(allocated).as("bytes for 100000 lookups").isLessThan(1024);
  }

  private static String token(Random random, int length, boolean urlSafe) {
    String alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + (urlSafe ? "-_" : "+/");
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * Keys that share their first chars with a prefix found before, so the look-up by first chars
   * offers that prefix: only a key with that label and then the delimiter may take it.
   */
  @Test
  void aPrefixFoundBeforeIsOnlyTakenByKeysThatBeginWithItAndTheDelimiter() {
    for (int round = 0; round < 2; round++) { // the second round finds each one remembered
      assertThat(label("user:1")).isEqualTo("user");
      assertThat(label("users:2")).isEqualTo("users");
      assertThat(label("user")).isEqualTo("none");
      assertThat(label("user_x:3")).isEqualTo("user_x");
      assertThat(label("us:4")).isEqualTo("us");
      assertThat(label("user:5")).isEqualTo("user");
      assertThat(label("u")).isEqualTo("none");
      assertThat(label("u:")).isEqualTo("u");
      assertThat(label("usr42:6")).isEqualTo("other");
      assertThat(label("user:7")).isEqualTo("user");
    }
  }
}
