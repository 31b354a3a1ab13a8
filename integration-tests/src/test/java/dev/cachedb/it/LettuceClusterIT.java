package dev.cachedb.it;

import dev.cachedb.it.servers.RedisTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lettuce's cluster client against a real three-master Redis cluster: the same workload and
 * figures as standalone, through the cluster connection's sync, async and reactive APIs. The
 * cluster stays up, so the workload's last GET is a hit instead of an error.
 *
 * <p>The cluster is {@link RedisTestCluster}, not embedded-redis's own sharded cluster: that one
 * is ready once one GET of one key goes through, and a CI run saw the workload's first SET
 * answered {@code CLUSTERDOWN}. RedisTestCluster waits until every node says
 * {@code cluster_state:ok} and knows the other two.
 */
class LettuceClusterIT {
  private static RedisTestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisTestCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
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
    LettuceIT.run(version, mode, cluster.host(), cluster.port(0), "-", null, "cluster");
  }
}
