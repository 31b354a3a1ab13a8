package dev.cachedb.testapp;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * The Redis the workloads talk to: the one {@code --redis=host:port} names, or an embedded
 * redis-server started on a free loopback port and stopped by {@link #close()}.
 */
final class RedisAddress implements AutoCloseable {
  private final String host;
  private final int port;
  private final RedisServer embedded;

  private RedisAddress(String host, int port, RedisServer embedded) {
    this.host = host;
    this.port = port;
    this.embedded = embedded;
  }

  static RedisAddress of(String hostPort) throws IOException {
    if (hostPort != null) {
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("--redis takes host:port, not " + hostPort);
      }
      return new RedisAddress(
          hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), null);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // Limited and evicting, as a cache is run, so the server view's maxmemory has a value.
    RedisServer server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("maxmemory 64mb")
            .setting("maxmemory-policy allkeys-lru")
            .build();
    server.start();
    System.out.println("test-app: embedded redis on 127.0.0.1:" + port);
    return new RedisAddress("127.0.0.1", port, server);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.stop();
    }
  }
}
