package dev.cachedb.agent.config;

import dev.cachedb.agent.log.AgentLog;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's configuration: immutable, every value already checked by {@link ConfigParser}, so
 * the typed getters cannot fail. Keys not given take their {@link ConfigKey#defaultValue()}.
 */
public final class AgentConfig {

  private final Map<ConfigKey, String> values;

  AgentConfig(Map<ConfigKey, String> given) {
    Map<ConfigKey, String> all = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) {
      all.put(k, given.containsKey(k) ? given.get(k) : k.defaultValue());
    }
    this.values = Collections.unmodifiableMap(all);
  }

  /** All defaults: what an agent with no arguments, properties or environment runs with. */
  public static AgentConfig defaults() {
    return new AgentConfig(new EnumMap<ConfigKey, String>(ConfigKey.class));
  }

  public String getString(ConfigKey key) {
    return values.get(key);
  }

  public boolean getBoolean(ConfigKey key) {
    return Boolean.parseBoolean(values.get(key));
  }

  public int getInt(ConfigKey key) {
    return Integer.parseInt(values.get(key));
  }

  public long getDurationMillis(ConfigKey key) {
    return ValueType.durationMillis(values.get(key));
  }

  public AgentLog.Level logLevel() {
    return AgentLog.Level.valueOf(values.get(ConfigKey.LOG_LEVEL).toUpperCase(Locale.ROOT));
  }

  public String host() {
    return getString(ConfigKey.HOST);
  }

  public int port() {
    return getInt(ConfigKey.PORT);
  }
}
