package dev.cachedb.it.pool;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pool library version against H2 in memory, inside the child JVM. */
class PoolH2IT {

  @ParameterizedTest(name = "{1}")
  @MethodSource("dev.cachedb.it.pool.PoolLibraries#all")
  void exactGaugesHistogramsErrorsAndCleanup(String kind, String folder) throws Exception {
    new PoolScenario(kind, folder).run("jdbc:h2:mem:pools;DB_CLOSE_DELAY=-1", "sa", "");
  }
}
