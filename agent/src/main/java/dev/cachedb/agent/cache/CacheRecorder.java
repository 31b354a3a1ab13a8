package dev.cachedb.agent.cache;

import dev.cachedb.agent.cache.prefix.KeyPrefix;
import dev.cachedb.agent.cache.prefix.KeyPrefixes;

/**
 * Records finished Redis commands into {@link CacheMetrics}: what the Jedis and Lettuce recorders
 * (cache/redis) call once a command's outcome is known. Never throws: a failure here must not
 * reach the application's Redis call (advice also suppresses, this is the second guard).
 */
public class CacheRecorder {
  private final CacheMetrics metrics;
  private final ServerListener servers;
  private final KeyPrefixes prefixes; // null when redis.key_prefix.enabled=false

  /** Told about each Redis server the application talks to (the memory poller listens). */
  public interface ServerListener {
    void server(String host, int port, String user, char[] password);
  }

  public CacheRecorder(CacheMetrics metrics, ServerListener servers) {
    this(metrics, servers, null);
  }

  public CacheRecorder(CacheMetrics metrics, ServerListener servers, KeyPrefixes prefixes) {
    this.metrics = metrics;
    this.servers = servers;
    this.prefixes = prefixes;
  }

  /** Whether reads are counted per key prefix: clients keep a read's keys only then. */
  public boolean countsPrefixes() {
    return prefixes != null;
  }

  /** The prefix of {@code key} (a String or byte[]); null when prefixes are not counted. */
  public KeyPrefix prefix(Object key) {
    return prefixes == null ? null : prefixes.of(key);
  }

  /** The label of prefixes that do not look like names, null when prefixes are not counted. */
  public KeyPrefix otherPrefix() {
    return prefixes == null ? null : prefixes.other();
  }

  /** A read classified per key: {@code hits} and {@code misses} as the metrics contract says. */
  public void read(String command, int hits, int misses, long nanos) {
    try {
      metrics.operation(command).read(hits, misses, nanos);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  /** Any other command that got a reply. */
  public void success(String command, long nanos) {
    try {
      metrics.operation(command).success(nanos);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  /** An error reply, a timeout, a connection failure. */
  public void error(String command, long nanos) {
    try {
      metrics.operation(command).error(nanos);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }

  /** A Redis server the application talks to, and the credentials its client uses (may be null). */
  public void server(String host, int port, String user, char[] password) {
    try {
      servers.server(host, port, user, password);
    } catch (RuntimeException ignored) {
      // never the application's problem
    }
  }
}
