package dev.cachedb.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.embedded.RedisShardedCluster;

/**
 * Lettuce's cluster client against a real three-master Redis cluster (embedded-redis assigns the
 * slots and joins the nodes): the same workload and figures as standalone, through the cluster
 * connection's sync, async and reactive APIs. The cluster stays up, so the workload's last GET
 * is a hit instead of an error.
 */
class LettuceClusterIT {
  private static RedisShardedCluster cluster;
  private static List<Integer> ports;

  @BeforeAll
  static void startCluster() throws Exception {
    ports = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ports.add(freePort());
    }
    cluster =
        RedisShardedCluster.newRedisCluster()
            .serverPorts(ports)
            .shard("master1", 0)
            .shard("master2", 0)
            .shard("master3", 0)
            .initializationTimeout(Duration.ofSeconds(20))
            .build();
    cluster.start();
    ports = new ArrayList<>(cluster.serverPorts());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.stop();
    }
  }

  @ParameterizedTest(name = "lettuce {0} cluster {1}")
  @CsvSource({
    "5.0.0.RELEASE, sync",
    "7.7.0.RELEASE, sync",
    "7.7.0.RELEASE, async",
    "7.7.0.RELEASE, reactive"
  })
  void clusterCommandsCountOnceWithExactFigures(String version, String mode) throws Exception {
    LettuceIT.run(version, mode, "127.0.0.1", ports.get(0), "-", null, "cluster");
  }

  /** A free port p whose cluster-bus port p + 10000 is free too (so below 55536). */
  private static int freePort() throws IOException {
    int start = 20000 + new Random().nextInt(9000);
    for (int p = start; p < 30000; p++) {
      if (!ports.contains(p) && free(p) && free(p + 10000)) {
        return p;
      }
    }
    throw new IOException("no free port pair");
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
