package dev.cachedb.bench;

import java.io.IOException;
import java.net.ServerSocket;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (embedded-redis ships the binary) on loopback, one per fork, with
 * the key the benchmarks read.
 */
@State(Scope.Benchmark)
public class RedisServerState {
  static final String KEY = "bench:key";
  RedisServer server;
  int port;

  @Setup
  public void start() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
    server.start();
    try (redis.clients.jedis.Jedis j = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
      j.set(KEY, "a value of some thirty-two bytes");
    }
  }

  @TearDown
  public void stop() throws IOException {
    server.stop();
  }
}
