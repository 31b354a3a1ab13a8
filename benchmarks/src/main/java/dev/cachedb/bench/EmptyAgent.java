package dev.cachedb.bench;

import java.lang.instrument.Instrumentation;

/**
 * A Java agent that does nothing: the "empty" benchmark variant. Merely starting the JVM with a
 * {@code -javaagent} changes what the JIT does (on H2's point select it costs about 120 B and
 * tens of nanoseconds per query with no instrumentation at all), so this variant shows how much of
 * an agent's cost is the JVM's, and how much is the agent's own.
 */
public final class EmptyAgent {
  private EmptyAgent() {}

  public static void premain(String args, Instrumentation inst) {}
}
