package dev.cachedb.bench.overhead;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis for the petclinic service, in this process's children, so that the JVM
 * measured runs the service alone. Prints {@code postgres=<port> redis=<port>} once both answer,
 * then runs until its standard input closes.
 *
 * <p>Argument: Redis's maxmemory in bytes: the owners cache is sized by it (allkeys-lru), so a
 * share of lookups misses whatever the request rate.
 */
public final class BackingServers {
  private BackingServers() {}

  public static void main(String[] args) throws Exception {
    long redisMaxMemory = Long.parseLong(args[0]);
    // No waiting for the disk at commit: a shared machine's disk stalls would be the updates'
    // latency and hold connections, noise for a benchmark of the service's CPU.
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
    int redisPort;
    try (ServerSocket s = new ServerSocket(0)) {
      redisPort = s.getLocalPort();
    }
    RedisServer redis =
        RedisServer.newRedisServer()
            .port(redisPort)
            .bind("127.0.0.1")
            .setting("maxmemory " + redisMaxMemory)
            .setting("maxmemory-policy allkeys-lru")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    redis.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, redis)));
    System.out.println("postgres=" + postgres.getPort() + " redis=" + redisPort);
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the harness closes our standard input
    }
    System.exit(0);
  }

  private static void stop(EmbeddedPostgres postgres, RedisServer redis) {
    try {
      redis.stop();
    } catch (IOException ignored) {
      // stopping anyway
    }
    try {
      postgres.close();
    } catch (IOException ignored) {
      // stopping anyway
    }
  }
}
