package dev.cachedb.it.sweep;

import dev.cachedb.it.harness.AppProcess;

/**
 * Whether the agent refused the child's library: a {@code cachedb_agent_instrumentation_info}
 * series with {@code state="refused"} (spec/metrics.md). The child holds one library, so any
 * such series is about the row's version.
 */
final class Refusal {
  private Refusal() {}

  /** The refused series, or null when the agent refused nothing (or cannot be scraped). */
  static String in(AppProcess app) {
    try {
      if (!app.isAlive()) {
        return null;
      }
      for (String key : app.scrape().keysStartingWith("cachedb_agent_instrumentation_info{")) {
        if (key.contains("state=\"refused\"")) {
          return key;
        }
      }
    } catch (Exception unreachable) {
      return null;
    }
    return null;
  }
}
