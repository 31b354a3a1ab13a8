package dev.cachedb.agent.log;

import java.io.PrintStream;

/**
 * The agent's only output channel: one line per event on stderr, prefixed so an operator can grep
 * for it. No logging framework, because the application's own (or its configuration) must never
 * see or be changed by ours. Never call this on the hot path of an intercepted call.
 */
public final class AgentLog {

  /** Levels in increasing verbosity. */
  public enum Level {
    OFF,
    ERROR,
    WARN,
    INFO,
    DEBUG
  }

  private static volatile Level level = Level.INFO;
  private static volatile PrintStream out = System.err;

  private AgentLog() {}

  public static void setLevel(Level newLevel) {
    level = newLevel;
  }

  public static boolean isEnabled(Level l) {
    return l != Level.OFF && l.ordinal() <= level.ordinal();
  }

  public static void error(String message) {
    log(Level.ERROR, message);
  }

  public static void warn(String message) {
    log(Level.WARN, message);
  }

  public static void info(String message) {
    log(Level.INFO, message);
  }

  public static void debug(String message) {
    log(Level.DEBUG, message);
  }

  /**
   * Writes one line. A throwable is reduced to its class and message: a stack trace would be noise
   * in the application's log, and could carry values from the application.
   */
  public static void log(Level l, String message) {
    if (isEnabled(l)) {
      out.println("[cachedb-agent] " + l.name() + " " + message);
    }
  }

  public static String describe(Throwable t) {
    String msg = t.getMessage();
    return t.getClass().getName() + (msg == null ? "" : ": " + firstLine(msg));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
