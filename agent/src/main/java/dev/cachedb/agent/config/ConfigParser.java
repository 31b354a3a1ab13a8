package dev.cachedb.agent.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the one {@link AgentConfig} from four sources. Precedence, highest first: agent arguments
 * ({@code -javaagent:cachedb-agent.jar=port=9404,host=127.0.0.1}), system properties
 * ({@code -Dcachedb.port=9404}), environment variables ({@code CACHEDB_PORT=9404}), then the
 * properties file named by {@code config} ({@link ConfigFile}: a regular file, read with a size
 * cap and a deadline). The first problem found is thrown with a message that
 * names the key, the value, where it came from and what is allowed.
 *
 * <p>Unknown {@code cachedb.*} system properties are errors, like unknown keys in the arguments
 * or the file. Unknown {@code CACHEDB_*} environment variables are not: environments are shared
 * by many programs, so only the variables of known keys are read.
 */
public final class ConfigParser {

  private ConfigParser() {}

  public static AgentConfig parse(
      String agentArgs, Map<String, String> systemProperties, Map<String, String> environment)
      throws ConfigException {
    Map<ConfigKey, String> args = fromAgentArguments(agentArgs);
    Map<ConfigKey, String> props = fromSystemProperties(systemProperties);
    Map<ConfigKey, String> env = fromEnvironment(environment);

    Map<ConfigKey, String> merged = new EnumMap<>(ConfigKey.class);
    String configPath = firstOf(ConfigKey.CONFIG, args, props, env);
    if (configPath != null && !configPath.isEmpty()) {
      merged.putAll(fromFile(configPath));
    }
    merged.putAll(env);
    merged.putAll(props);
    merged.putAll(args);
    AgentConfig config = new AgentConfig(merged);
    checkCombinations(config);
    return config;
  }

  /** Keys that only make sense together. */
  static void checkCombinations(AgentConfig c) throws ConfigException {
    boolean user = !c.getString(ConfigKey.AUTH_USER).isEmpty();
    boolean plain = !c.getString(ConfigKey.AUTH_PASSWORD).isEmpty();
    boolean hashed = !c.getString(ConfigKey.AUTH_PASSWORD_SHA256).isEmpty();
    if (plain && hashed) {
      throw new ConfigException(
          "keys 'auth.password' and 'auth.password_sha256' are both set; allowed is one of them");
    }
    if (user != (plain || hashed)) {
      throw new ConfigException(
          "basic authentication needs both 'auth.user' and 'auth.password' (or"
              + " 'auth.password_sha256'); only one was given");
    }
    if (c.getBoolean(ConfigKey.TLS_CLIENT_AUTH)
        && (c.getString(ConfigKey.TLS_KEYSTORE).isEmpty()
            || c.getString(ConfigKey.TLS_TRUSTSTORE).isEmpty())) {
      throw new ConfigException(
          "key 'tls.client_auth' value 'true' needs 'tls.keystore' and 'tls.truststore'");
    }
  }

  /** From the live JVM: {@code System.getProperties()} and {@code System.getenv()}. */
  public static AgentConfig parse(String agentArgs) throws ConfigException {
    Map<String, String> props = new java.util.HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("cachedb.")) {
        props.put(name, System.getProperty(name));
      }
    }
    return parse(agentArgs, props, System.getenv());
  }

  static Map<ConfigKey, String> fromAgentArguments(String agentArgs) throws ConfigException {
    Map<ConfigKey, String> out = new EnumMap<>(ConfigKey.class);
    if (agentArgs == null || agentArgs.trim().isEmpty()) {
      return out;
    }
    for (String part : agentArgs.split(",", -1)) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(
            "agent argument " + quoted(item) + " is not key=value; allowed keys: " + keyList());
      }
      String name = item.substring(0, eq).trim();
      String value = item.substring(eq + 1).trim();
      put(out, name, value, "agent arguments");
      ConfigKey key = ConfigKey.byKey(name);
      if (key.isSecret() && ArgumentCharacters.mayBeAltered(value)) {
        throw new ConfigException(
            "key '" + name + "' (from agent arguments) holds characters the JVM's agent-argument"
                + " channel alters (characters outside the Basic Multilingual Plane, U+0000,"
                + " control characters or broken surrogates), so the secret would not match; give"
                + " it as system property " + key.systemProperty() + ", environment variable "
                + key.environmentVariable() + " or in the file named by 'config'");
      }
    }
    return out;
  }

  static Map<ConfigKey, String> fromSystemProperties(Map<String, String> properties)
      throws ConfigException {
    Map<ConfigKey, String> out = new EnumMap<>(ConfigKey.class);
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (e.getKey().startsWith("cachedb.")) {
        String key = e.getKey().substring("cachedb.".length());
        put(out, key, e.getValue().trim(), "system property " + e.getKey());
      }
    }
    return out;
  }

  static Map<ConfigKey, String> fromEnvironment(Map<String, String> environment)
      throws ConfigException {
    Map<ConfigKey, String> out = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) {
      String v = environment.get(k.environmentVariable());
      if (v != null) {
        put(out, k.key(), v.trim(), "environment variable " + k.environmentVariable());
      }
    }
    return out;
  }

  static Map<ConfigKey, String> fromFile(String path) throws ConfigException {
    Properties p = ConfigFile.read(path);
    Map<ConfigKey, String> out = new EnumMap<>(ConfigKey.class);
    for (String name : p.stringPropertyNames()) {
      if (ConfigKey.CONFIG.key().equals(name)) {
        throw new ConfigException(
            "key 'config' in file " + quoted(path) + ": a properties file cannot name another one");
      }
      put(out, name.trim(), p.getProperty(name).trim(), "file " + quoted(path));
    }
    return out;
  }

  private static void put(Map<ConfigKey, String> out, String name, String value, String source)
      throws ConfigException {
    ConfigKey key = ConfigKey.byKey(name);
    if (key == null) {
      // An unknown key may be a misspelt secret ("auth.pasword"): such a value is not shown.
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      String shown = looksSecret(lower) ? "(hidden)" : quoted(value);
      throw new ConfigException(
          "unknown key " + quoted(name) + " (value " + shown + ", from " + source
              + "); allowed keys: " + keyList());
    }
    if (!key.accepts(value)) {
      String shown = key.isSecret() ? "(hidden)" : quoted(value);
      throw new ConfigException(
          "key '" + name + "' value " + shown + " (from " + source + ") is not allowed; allowed is "
              + key.allowed());
    }
    out.put(key, value);
  }

  /**
   * Text from the operator, made safe for the one error line: control characters escaped (a
   * newline must not split the line or forge another), and bounded in length.
   */
  static String quoted(String text) {
    StringBuilder sb = new StringBuilder("'");
    int limit = Math.min(text.length(), 100);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(text.length() > limit ? "...'" : "'").toString();
  }

  private static boolean looksSecret(String name) {
    return name.contains("pas") || name.contains("pw") || name.contains("secret")
        || name.contains("token") || name.contains("cred");
  }

  @SafeVarargs
  private static String firstOf(ConfigKey key, Map<ConfigKey, String>... sources) {
    for (Map<ConfigKey, String> s : sources) {
      if (s.containsKey(key)) {
        return s.get(key);
      }
    }
    return null;
  }

  private static String keyList() {
    StringBuilder sb = new StringBuilder();
    for (ConfigKey k : ConfigKey.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(k.key());
    }
    return sb.toString();
  }
}
