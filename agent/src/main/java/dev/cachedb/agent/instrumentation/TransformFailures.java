package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.log.AgentLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the types the agent failed to instrument, at definition or at retransformation. Such a
 * type is left exactly as it was, so a failure costs the application nothing but the metrics of
 * that type; the operator sees one line per type (at debug, or warn with
 * {@code log.transform_errors=true}) and a count.
 */
final class TransformFailures {
  /** Bounded so a pathological application cannot grow it: past this, failures are only counted. */
  private static final int MAX_REMEMBERED = 1000;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AgentLog.Level level;
  private final Runnable onFailure;

  TransformFailures(AgentLog.Level level, Runnable onFailure) {
    this.level = level;
    this.onFailure = onFailure;
  }

  /** {@code typeName}: the binary name, {@code a.b.C}. */
  void failed(String typeName, Throwable throwable) {
    onFailure.run();
    if (seen.size() < MAX_REMEMBERED && seen.add(typeName)) {
      AgentLog.log(
          level,
          "could not instrument " + typeName + ", left unchanged: " + AgentLog.describe(throwable));
    }
  }
}
