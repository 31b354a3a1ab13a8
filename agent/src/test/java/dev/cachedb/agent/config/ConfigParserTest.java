package dev.cachedb.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigParserTest {

  private static final Map<String, String> NONE = Collections.emptyMap();

  /** Agent arguments that parse: the argument string, a key, and the value it must end up with. */
  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(null, "port", "9747"),
        Arguments.of("", "port", "9747"),
        Arguments.of("   ", "host", "0.0.0.0"),
        Arguments.of("port=9404", "port", "9404"),
        Arguments.of("port=0", "port", "0"),
        Arguments.of("port=65535", "port", "65535"),
        Arguments.of("port=9404,host=127.0.0.1", "host", "127.0.0.1"),
        Arguments.of(" port = 9405 , host = ::1 ", "host", "::1"),
        Arguments.of("port=1,,host=localhost", "host", "localhost"),
        Arguments.of("host=my-host.example_1", "host", "my-host.example_1"),
        Arguments.of("redis.enabled=false", "redis.enabled", "false"),
        Arguments.of("redis.enabled=TRUE", "redis.enabled", "TRUE"),
        Arguments.of("jdbc.enabled=false", "jdbc.enabled", "false"),
        Arguments.of("pool.enabled=false", "pool.enabled", "false"),
        Arguments.of("jvm_metrics.enabled=false", "jvm_metrics.enabled", "false"),
        Arguments.of("log.level=debug", "log.level", "debug"),
        Arguments.of("log.level=OFF", "log.level", "OFF"),
        Arguments.of("enabled=false", "enabled", "false"),
        Arguments.of("log.transform_errors=true", "log.transform_errors", "true"),
        Arguments.of("port=1,port=2", "port", "2"),
        Arguments.of("jdbc.statement_cache_size=10000", "jdbc.statement_cache_size", "10000"),
        Arguments.of("jdbc.max_tables=1000", "jdbc.max_tables", "1000"),
        Arguments.of("redis.key_prefix.enabled=false", "redis.key_prefix.enabled", "false"),
        Arguments.of("redis.key_prefix.delimiter=/", "redis.key_prefix.delimiter", "/"),
        Arguments.of("redis.key_prefix.delimiter=|", "redis.key_prefix.delimiter", "|"),
        Arguments.of("redis.key_prefix.max=500", "redis.key_prefix.max", "500"),
        Arguments.of("redis.memory.interval=24h", "redis.memory.interval", "24h"),
        Arguments.of("jdbc.slow_query_threshold=86400000", "jdbc.slow_query_threshold", "86400000"),
        Arguments.of("auth.user=u,auth.password=pässwörd€", "auth.password", "pässwörd€"));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void agentArgumentsThatParse(String args, String key, String expected) throws Exception {
    AgentConfig c = ConfigParser.parse(args, NONE, NONE);
    assertThat(c.getString(ConfigKey.byKey(key))).isEqualTo(expected);
  }

  /** Agent arguments that are refused: the argument string and words the one error line holds. */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("port=abc", new String[] {"'port'", "'abc'", "an integer from 0 to 65535"}),
        Arguments.of("port=65536", new String[] {"'port'", "'65536'"}),
        Arguments.of("port=-1", new String[] {"'port'", "'-1'"}),
        Arguments.of("port=", new String[] {"'port'", "''"}),
        Arguments.of("port=99999999999999999999", new String[] {"'port'"}),
        Arguments.of("prot=9404", new String[] {"unknown key 'prot'", "allowed keys: enabled, port"}),
        Arguments.of("9404", new String[] {"'9404' is not key=value"}),
        Arguments.of("=1", new String[] {"'=1' is not key=value"}),
        Arguments.of("redis.enabled=yes", new String[] {"'redis.enabled'", "'yes'", "true or false"}),
        Arguments.of("log.level=verbose", new String[] {"'log.level'", "off, error, warn, info, debug"}),
        Arguments.of("host=a b", new String[] {"'host'", "'a b'"}),
        Arguments.of("host=", new String[] {"'host'"}),
        Arguments.of("config=/no/such/file.properties", new String[] {"'config'", "cannot read"}),
        Arguments.of("auth.user=prom", new String[] {"'auth.user'", "'auth.password'"}),
        Arguments.of("auth.password=x", new String[] {"'auth.user'"}),
        Arguments.of(
            "auth.user=a,auth.password=b,auth.password_sha256=" + repeat('a', 64),
            new String[] {"both set"}),
        Arguments.of("auth.password_sha256=xyz", new String[] {"64 hexadecimal digits"}),
        Arguments.of("tls.keystore_type=PEM", new String[] {"'PEM'", "PKCS12 or JKS"}),
        Arguments.of("tls.client_auth=true", new String[] {"'tls.truststore'"}),
        // Numbers have maxima safe for any heap and clock; the line names the key.
        Arguments.of(
            "jdbc.statement_cache_size=2147483647",
            new String[] {"'jdbc.statement_cache_size'", "'2147483647'", "from 1 to 10000"}),
        Arguments.of(
            "jdbc.statement_cache_size=50000000",
            new String[] {"'jdbc.statement_cache_size'", "from 1 to 10000"}),
        Arguments.of("jdbc.max_tables=1001", new String[] {"'jdbc.max_tables'", "from 1 to 1000"}),
        Arguments.of(
            "redis.key_prefix.max=501", new String[] {"'redis.key_prefix.max'", "from 1 to 500"}),
        Arguments.of(
            "redis.key_prefix.max=0", new String[] {"'redis.key_prefix.max'", "from 1 to 500"}),
        Arguments.of(
            "redis.key_prefix.delimiter=::",
            new String[] {"'redis.key_prefix.delimiter'", "'::'", "one ASCII punctuation character"}),
        Arguments.of(
            "redis.key_prefix.delimiter=a", new String[] {"'redis.key_prefix.delimiter'", "'a'"}),
        Arguments.of(
            "redis.key_prefix.delimiter=", new String[] {"'redis.key_prefix.delimiter'", "''"}),
        Arguments.of(
            "redis.key_prefix.delimiter=\u00a7", new String[] {"'redis.key_prefix.delimiter'"}),
        Arguments.of(
            "redis.memory.interval=25h", new String[] {"'redis.memory.interval'", "up to 24h"}),
        Arguments.of(
            "jdbc.slow_query_threshold=2562047788015h",
            new String[] {"'jdbc.slow_query_threshold'", "up to 24h"}),
        // Secrets the agent-argument channel alters: refused, pointed at the other sources.
        Arguments.of(
            "auth.user=u,auth.password=a\uD83D\uDE00b",
            new String[] {"'auth.password'", "cachedb.auth.password", "CACHEDB_AUTH_PASSWORD"}),
        Arguments.of(
            "auth.user=u,auth.password=a\u00f0\u009f",
            new String[] {"'auth.password'", "'config'"}),
        Arguments.of(
            "auth.user=u,auth.password=a\u00f0\u00a0\u00a0\u00a0b",
            new String[] {"'auth.password'"}),
        Arguments.of("auth.user=u,auth.password=a\u0000b", new String[] {"'auth.password'"}),
        Arguments.of("auth.user=u,auth.password=a\uD800b", new String[] {"'auth.password'"}),
        Arguments.of(
            "tls.keystore=k,tls.keystore_password=\uFFFD",
            new String[] {"'tls.keystore_password'", "CACHEDB_TLS_KEYSTORE_PASSWORD"}));
  }

  private static String repeat(char c, int n) {
    return new String(new char[n]).replace('\0', c);
  }

  @Test
  void secretValuesNeverAppearInErrors() {
    assertThatThrownBy(() -> ConfigParser.parse("auth.password_sha256=hunter2", NONE, NONE))
        .message()
        .doesNotContain("hunter2")
        .contains("(hidden)");
    assertThatThrownBy(() -> ConfigParser.parse("auth.pasword=hunter2", NONE, NONE))
        .message()
        .contains("unknown key 'auth.pasword'")
        .doesNotContain("hunter2");
  }

  @ParameterizedTest
  @MethodSource("refused")
  void agentArgumentsThatAreRefused(String args, String[] messageParts) {
    assertThatThrownBy(() -> ConfigParser.parse(args, NONE, NONE))
        .isInstanceOf(ConfigException.class)
        .message()
        .contains(messageParts)
        .doesNotContain("\n")
        .doesNotContain("\uD83D\uDE00")
        .doesNotContain("\u00f0");
  }

  @Test
  void secretOutsideTheBasicPlaneArrivesIntactBySystemPropertyOrEnvironment() throws Exception {
    String password = "a\uD83D\uDE00b";
    Map<String, String> props = new HashMap<>();
    props.put("cachedb.auth.user", "u");
    props.put("cachedb.auth.password", password);
    assertThat(ConfigParser.parse(null, props, NONE).getString(ConfigKey.AUTH_PASSWORD))
        .isEqualTo(password);
    Map<String, String> env = new HashMap<>();
    env.put("CACHEDB_AUTH_USER", "u");
    env.put("CACHEDB_AUTH_PASSWORD", password);
    assertThat(ConfigParser.parse(null, NONE, env).getString(ConfigKey.AUTH_PASSWORD))
        .isEqualTo(password);
  }

  @Test
  void everyNumberHasAMaximumBelowIntegerMaxValue() {
    for (ConfigKey k : ConfigKey.values()) {
      if (k.accepts("1") && !k.accepts("x")) { // the numbers and durations
        assertThat(k.accepts(Long.toString(Integer.MAX_VALUE))).as(k.key()).isFalse();
      }
    }
  }

  // Linux: mkfifo. Before the fix, opening the FIFO blocked: the timeout makes that a failure.
  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void fifoIsRefusedAtOnceWithoutOpeningIt(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("agent.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();

    long start = System.nanoTime();
    assertThatThrownBy(() -> ConfigParser.parse("config=" + fifo, NONE, NONE))
        .hasMessageContaining("key 'config'")
        .hasMessageContaining("not a regular file");
    assertThat(System.nanoTime() - start).isLessThan(ConfigFile.DEADLINE_MILLIS * 1_000_000);
  }

  @Test
  void directoryIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigParser.parse("config=" + dir, NONE, NONE))
        .hasMessageContaining("not a regular file");
  }

  @Test
  void fileOverOneMebibyteIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.properties");
    byte[] big = new byte[ConfigFile.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) '#');
    Files.write(file, big);
    assertThatThrownBy(() -> ConfigParser.parse("config=" + file, NONE, NONE))
        .hasMessageContaining("key 'config'")
        .hasMessageContaining("larger than 1 MiB");
    big[big.length - 1] = '\n';
    Files.write(file, java.util.Arrays.copyOf(big, ConfigFile.MAX_BYTES));
    assertThat(ConfigParser.parse("config=" + file, NONE, NONE).port()).isEqualTo(9747);
  }

  @Test
  void precedenceIsArgumentsThenSystemPropertiesThenEnvironmentThenFile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.write(file, "port=1001\nhost=10.0.0.1\nlog.level=debug\njdbc.enabled=false\n".getBytes());
    Map<String, String> props = new HashMap<>();
    props.put("cachedb.port", "1002");
    props.put("cachedb.host", "10.0.0.2");
    props.put("unrelated.property", "x");
    Map<String, String> env = new HashMap<>();
    env.put("CACHEDB_PORT", "1003");
    env.put("CACHEDB_HOST", "10.0.0.3");
    env.put("CACHEDB_LOG_LEVEL", "warn");
    env.put("CACHEDB_SOMETHING_ELSE", "ignored: environments are shared");

    AgentConfig c = ConfigParser.parse("port=1004,config=" + file, props, env);

    assertThat(c.port()).isEqualTo(1004);
    assertThat(c.host()).isEqualTo("10.0.0.2");
    assertThat(c.getString(ConfigKey.LOG_LEVEL)).isEqualTo("warn");
    assertThat(c.getBoolean(ConfigKey.JDBC_ENABLED)).isFalse();
    assertThat(c.getBoolean(ConfigKey.REDIS_ENABLED)).isTrue();
  }

  @Test
  void configFileCanBeNamedByTheEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.write(file, "port=2001\n".getBytes());
    AgentConfig c =
        ConfigParser.parse(null, NONE, Collections.singletonMap("CACHEDB_CONFIG", file.toString()));
    assertThat(c.port()).isEqualTo(2001);
  }

  @Test
  void unknownKeyInFileIsRefusedWithItsSource(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("agent.properties");
    Files.write(file, "redis.enabeld=false\n".getBytes());
    assertThatThrownBy(() -> ConfigParser.parse("config=" + file, NONE, NONE))
        .hasMessageContaining("unknown key 'redis.enabeld'")
        .hasMessageContaining("file '" + file + "'");
  }

  @Test
  void unknownSystemPropertyIsRefused() {
    assertThatThrownBy(
            () -> ConfigParser.parse(null, Collections.singletonMap("cachedb.prot", "1"), NONE))
        .hasMessageContaining("unknown key 'prot'")
        .hasMessageContaining("system property cachedb.prot");
  }

  @Test
  void badEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(
            () -> ConfigParser.parse(null, NONE, Collections.singletonMap("CACHEDB_PORT", "x")))
        .hasMessageContaining("environment variable CACHEDB_PORT");
  }

  @Test
  void defaultsAreDocumentedValues() {
    AgentConfig c = AgentConfig.defaults();
    assertThat(c.port()).isEqualTo(9747);
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.getBoolean(ConfigKey.ENABLED)).isTrue();
    assertThat(c.getBoolean(ConfigKey.JVM_METRICS_ENABLED)).isTrue();
    assertThat(c.logLevel().name()).isEqualTo("INFO");
  }

  @Test
  void durationsAcceptUnits() {
    assertThat(ValueType.durationMillis("250ms")).isEqualTo(250L);
    assertThat(ValueType.durationMillis("15s")).isEqualTo(15_000L);
    assertThat(ValueType.durationMillis("2m")).isEqualTo(120_000L);
    assertThat(ValueType.durationMillis("1h")).isEqualTo(3_600_000L);
    assertThat(ValueType.durationMillis("40")).isEqualTo(40L);
    assertThat(ValueType.durationMillis("s")).isNull();
    assertThat(ValueType.durationMillis("1.5s")).isNull();
    assertThat(ValueType.durationMillis("-1s")).isNull();
  }

  @Test
  void environmentNamesFollowTheKeys() {
    assertThat(ConfigKey.JVM_METRICS_ENABLED.environmentVariable())
        .isEqualTo("CACHEDB_JVM_METRICS_ENABLED");
    assertThat(ConfigKey.REDIS_ENABLED.systemProperty()).isEqualTo("cachedb.redis.enabled");
  }
}
