package dev.cachedb.agent.loop;

import dev.cachedb.agent.log.AgentLog;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of log line that a client of the endpoint (or a server the agent polls) can cause, let
 * through at most once a minute: a client that sends a thousand bad requests a second must not
 * fill the application's stderr. The next line that is let through says how many were left out.
 */
public final class LogLimit {
  static final long PERIOD_MILLIS = 60_000;

  private final AgentLog.Level level;
  private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
  private final AtomicInteger dropped = new AtomicInteger();

  public LogLimit(AgentLog.Level level) {
    this.level = level;
  }

  /** Logs {@code message} unless a line of this kind was logged in the last minute. */
  public void log(String message) {
    if (!AgentLog.isEnabled(level)) {
      return;
    }
    long now = System.currentTimeMillis();
    long at = nextAt.get();
    if (now < at || !nextAt.compareAndSet(at, now + PERIOD_MILLIS)) {
      dropped.incrementAndGet();
      return;
    }
    int left = dropped.getAndSet(0);
    AgentLog.log(level, left == 0 ? message
        : message + " (" + left + " more like it in the last minute were not logged)");
  }
}
