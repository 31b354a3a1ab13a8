package dev.cachedb.agent.cache;

import dev.cachedb.agent.bootstrap.CacheCalls;

/**
 * Records finished Redis commands into {@link CacheMetrics}. Installed as the bootstrap
 * {@link CacheCalls#sink}, so advice in any class loader reaches it. Never throws: a failure here
 * must not reach the application's Redis call (advice also suppresses, this is the second guard).
 */
public class CacheRecorder extends CacheCalls.Sink {
  private final CacheMetrics metrics;
  private final ServerListener servers;

  /** Told about each Redis server the application talks to (the memory poller listens). */
  public interface ServerListener {
    void server(String host, int port, String user, char[] password);
  }

  public CacheRecorder(CacheMetrics metrics, ServerListener servers) {
    this.metrics = metrics;
    this.servers = servers;
  }

  @Override
  public void read(String command, int hits, int misses, long nanos) {
    try {
      metrics.operation(command).read(hits, misses, nanos);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  @Override
  public void success(String command, long nanos) {
    try {
      metrics.operation(command).success(nanos);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  @Override
  public void error(String command, long nanos) {
    try {
      metrics.operation(command).error(nanos);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  @Override
  public void server(String host, int port, String user, char[] password) {
    try {
      servers.server(host, port, user, password);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }
}
