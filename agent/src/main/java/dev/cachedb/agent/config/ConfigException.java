package dev.cachedb.agent.config;

/** A configuration the agent refuses; its message is the one line the operator sees. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  ConfigException(String message) {
    super(message);
  }
}
