package dev.cachedb.agent;

import dev.cachedb.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;

/**
 * Entry points for {@code -javaagent:} and for attach. Nothing here may stop the application:
 * every failure becomes one line on stderr and the application runs on without the agent.
 */
public final class Agent {

  private Agent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  private static void start(String args, Instrumentation inst, boolean attached) {
    try {
      AgentStarter.start(args, inst, attached);
    } catch (Throwable t) {
      AgentLog.error("failed to start, the application runs on without it: " + AgentLog.describe(t));
    }
  }
}
