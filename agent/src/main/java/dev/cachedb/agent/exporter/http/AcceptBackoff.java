package dev.cachedb.agent.exporter.http;

import dev.cachedb.agent.loop.AgentLoop;
import java.nio.channels.SelectionKey;

/**
 * Stops accepting for a while after a failed accept (file descriptors used up), which otherwise
 * fails again at once, because the connection stays queued, and would spin the loop: 50 ms,
 * doubling to 1 s while it keeps failing, so the port answers within a second of descriptors being
 * freed. The listener itself is never closed.
 */
final class AcceptBackoff implements AgentLoop.Task {
  private final AgentLoop loop;
  SelectionKey key; // the listener's; set once it is registered
  private long pauseMillis;
  private long resumeAt;

  AcceptBackoff(AgentLoop loop) {
    this.loop = loop;
  }

  void pause() {
    pauseMillis = pauseMillis == 0 ? 50 : Math.min(1000, pauseMillis * 2);
    resumeAt = System.currentTimeMillis() + pauseMillis;
    key.interestOps(0);
    loop.schedule(this);
  }

  /** An accept worked: the next failure starts the back-off from the bottom. */
  void reset() {
    pauseMillis = 0;
  }

  @Override
  public long run(long now) {
    if (now < resumeAt) {
      return resumeAt;
    }
    if (key.isValid()) {
      key.interestOps(SelectionKey.OP_ACCEPT);
    }
    return AgentLoop.DONE;
  }
}
