package dev.cachedb.agent.cache.memory;

import dev.cachedb.agent.metrics.LabelValues;

/**
 * One Redis server the memory poller reads, with the last credentials the application's client
 * authenticated with and what its last successful read said. The credentials stay in memory only,
 * and only the loop thread reads them.
 */
final class RedisServer {
  final String host;
  final int port;
  final String key;
  volatile long due;
  int failures;
  RedisPoll poll; // the read in flight, or null; loop thread only
  volatile RedisInfo last; // null before the first successful read; scrapes read it
  private volatile Credentials credentials;

  RedisServer(String host, int port, long due) {
    this.host = host;
    this.port = port;
    this.key = LabelValues.bound(host + ":" + port); // the server label: host comes from the app
    this.due = due;
  }

  void credentials(String user, char[] password) {
    credentials = new Credentials(user, password.clone());
  }

  /** The credentials to use, read once so user and password always belong together; or null. */
  Credentials credentials() {
    return credentials;
  }

  static final class Credentials {
    final String user;
    final char[] password;

    Credentials(String user, char[] password) {
      this.user = user;
      this.password = password;
    }

    @Override
    public String toString() {
      return "Credentials(hidden)"; // never printed, even by accident
    }
  }
}
