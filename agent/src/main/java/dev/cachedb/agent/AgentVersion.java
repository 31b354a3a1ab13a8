package dev.cachedb.agent;

import java.io.InputStream;
import java.util.Properties;

/**
 * The agent's version: the jar manifest's {@code Implementation-Version}, which the JVM has read
 * already when it defined this package (reading the build's resource instead opened the agent jar
 * once more during the application's start); the resource when run from the build's classes.
 */
public final class AgentVersion {
  private static final String VERSION = read();

  private AgentVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    Package own = AgentVersion.class.getPackage();
    String manifest = own == null ? null : own.getImplementationVersion();
    if (manifest != null) {
      return manifest;
    }
    try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }
}
