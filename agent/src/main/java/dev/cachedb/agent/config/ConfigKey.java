package dev.cachedb.agent.config;

import java.util.Locale;

/**
 * Every key the agent understands, with its default and the kind of value it takes. A key not
 * listed here is an error wherever it is given, so a typo never silently means "default".
 *
 * <p>Default port 9747: the Prometheus ecosystem's well-known defaults cluster at 9090-9100
 * (server, Pushgateway, Alertmanager, node_exporter), 9404 (commonly used for jmx_exporter) and
 * 9464 (the OpenTelemetry agent's Prometheus exporter); an agent that runs beside those must not
 * collide with them.
 *
 * <p>Every number has a maximum that is safe for any heap and any clock: a statement cache entry
 * can hold a statement of up to 4096 characters and its slot, a table label multiplies the JDBC
 * series by the query types, and an interval past a day is no longer an interval (a time added
 * to one near Long.MAX_VALUE wraps around). A larger value is refused with the key's name rather
 * than failing later in a recorder.
 */
public enum ConfigKey {
  ENABLED("enabled", "true", ValueType.BOOLEAN, "master switch: false loads nothing, serves nothing"),
  PORT("port", "9747", ValueType.PORT, "port of the /metrics endpoint; 0 picks a free one"),
  HOST("host", "0.0.0.0", ValueType.HOST, "address to bind; 127.0.0.1 keeps the endpoint local"),
  REDIS_ENABLED("redis.enabled", "true", ValueType.BOOLEAN, "instrument Jedis and Lettuce"),
  REDIS_MEMORY_ENABLED(
      "redis.memory.enabled",
      "true",
      ValueType.BOOLEAN,
      "poll INFO memory of every Redis server the application talks to"),
  REDIS_MEMORY_INTERVAL(
      "redis.memory.interval", "15s", ValueType.DURATION, "how often the memory poller reads",
      ValueType.DAY_MILLIS),
  REDIS_KEY_PREFIX_ENABLED(
      "redis.key_prefix.enabled",
      "true",
      ValueType.BOOLEAN,
      "count Redis reads per key prefix in cache_key_prefix_reads_total"),
  REDIS_KEY_PREFIX_DELIMITER(
      "redis.key_prefix.delimiter",
      ":",
      ValueType.DELIMITER,
      "the character that ends a key's prefix"),
  REDIS_KEY_PREFIX_MAX(
      "redis.key_prefix.max",
      "50",
      ValueType.POSITIVE_INT,
      "distinct prefix labels; reads of further new prefixes are labelled other",
      500),
  JDBC_ENABLED("jdbc.enabled", "true", ValueType.BOOLEAN, "instrument JDBC statement executions"),
  JDBC_STATEMENT_CACHE_SIZE(
      "jdbc.statement_cache_size",
      "1000",
      ValueType.POSITIVE_INT,
      "distinct SQL strings whose classification is kept, so a repeated statement is not re-parsed",
      10_000),
  JDBC_MAX_TABLES(
      "jdbc.max_tables",
      "200",
      ValueType.POSITIVE_INT,
      "distinct table labels; statements on further new tables are labelled other",
      1_000),
  JDBC_SLOW_QUERY_THRESHOLD(
      "jdbc.slow_query_threshold",
      "500ms",
      ValueType.DURATION,
      "executions taking at least this long count in db_slow_queries_total",
      ValueType.DAY_MILLIS),
  JDBC_SLOW_QUERY_LOG(
      "jdbc.slow_query_log",
      "true",
      ValueType.BOOLEAN,
      "log slow queries, literals masked, at most one line per second"),
  APP_CACHE_ENABLED(
      "app_cache.enabled",
      "true",
      ValueType.BOOLEAN,
      "count gets, puts and removals per cache name of Spring's cache abstraction and JCache"),
  APP_CACHE_MAX_NAMES(
      "app_cache.max_names",
      "100",
      ValueType.POSITIVE_INT,
      "distinct cache names; caches with further new names are labelled other",
      1_000),
  POOL_ENABLED(
      "pool.enabled",
      "true",
      ValueType.BOOLEAN,
      "instrument connection pools: JDBC pools and the Redis clients' own"),
  JVM_METRICS_ENABLED(
      "jvm_metrics.enabled", "true", ValueType.BOOLEAN, "export client_java's standard JVM metrics"),
  LOG_LEVEL("log.level", "info", ValueType.LEVEL, "verbosity of the agent's stderr lines"),
  LOG_TRANSFORM_ERRORS(
      "log.transform_errors",
      "false",
      ValueType.BOOLEAN,
      "log classes the agent failed to instrument at warn instead of debug"),
  HISTOGRAMS_NATIVE(
      "histograms.native",
      "false",
      ValueType.BOOLEAN,
      "also export native histograms (costs an allocation per observation)"),
  AUTH_USER("auth.user", "", ValueType.TEXT, "user for HTTP basic authentication of /metrics"),
  AUTH_PASSWORD(
      "auth.password", "", ValueType.TEXT, "password for basic authentication", Secret.YES),
  AUTH_PASSWORD_SHA256(
      "auth.password_sha256",
      "",
      ValueType.SHA256_HEX,
      "the password's SHA-256 as hex, instead of auth.password",
      Secret.YES),
  TLS_KEYSTORE("tls.keystore", "", ValueType.TEXT, "PKCS12 or JKS keystore: serve over HTTPS"),
  TLS_KEYSTORE_PASSWORD(
      "tls.keystore_password", "", ValueType.TEXT, "password of the keystore", Secret.YES),
  TLS_KEYSTORE_TYPE("tls.keystore_type", "PKCS12", ValueType.KEYSTORE_TYPE, "PKCS12 or JKS"),
  TLS_CLIENT_AUTH(
      "tls.client_auth", "false", ValueType.BOOLEAN, "require a client certificate (needs a truststore)"),
  TLS_TRUSTSTORE(
      "tls.truststore", "", ValueType.TEXT, "keystore of the CAs whose client certificates are accepted"),
  TLS_TRUSTSTORE_PASSWORD(
      "tls.truststore_password", "", ValueType.TEXT, "password of the truststore", Secret.YES),
  CONFIG("config", "", ValueType.TEXT, "path of an optional properties file with these keys");

  /** Whether a value may appear in an error line: secrets never do. */
  enum Secret {
    NO,
    YES
  }

  private final String key;
  private final String defaultValue;
  private final ValueType type;
  private final String meaning;
  private final Secret secret;
  private final long max;

  ConfigKey(String key, String defaultValue, ValueType type, String meaning) {
    this(key, defaultValue, type, meaning, Secret.NO, Long.MAX_VALUE);
  }

  ConfigKey(String key, String defaultValue, ValueType type, String meaning, long max) {
    this(key, defaultValue, type, meaning, Secret.NO, max);
  }

  ConfigKey(String key, String defaultValue, ValueType type, String meaning, Secret secret) {
    this(key, defaultValue, type, meaning, secret, Long.MAX_VALUE);
  }

  ConfigKey(
      String key, String defaultValue, ValueType type, String meaning, Secret secret, long max) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.type = type;
    this.meaning = meaning;
    this.secret = secret;
    this.max = max;
  }

  /** Largest number, or duration in milliseconds, the key takes. */
  long max() {
    return max;
  }

  /** Whether {@code value} is one this key takes. */
  boolean accepts(String value) {
    return type.accepts(value, max);
  }

  /** What the key takes, in words for the error line. */
  String allowed() {
    return type.allowed(max);
  }

  boolean isSecret() {
    return secret == Secret.YES;
  }

  /** The name used in agent arguments and properties files, e.g. {@code redis.enabled}. */
  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String meaning() {
    return meaning;
  }

  /** {@code cachedb.redis.enabled}. */
  public String systemProperty() {
    return "cachedb." + key;
  }

  /** {@code CACHEDB_REDIS_ENABLED}. */
  public String environmentVariable() {
    return "CACHEDB_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  static ConfigKey byKey(String key) {
    for (ConfigKey k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }
}
