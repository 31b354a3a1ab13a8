package dev.cachedb.it.pool;

import dev.cachedb.it.servers.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pool library version against a real MariaDB server. */
class PoolMariaDbIT {
  private static MariaDbServer server;
  private static String url;

  @BeforeAll
  static void startServer() throws Exception {
    server = MariaDbServer.start();
    url = server.jdbcUrl("pools");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("dev.cachedb.it.pool.PoolLibraries#all")
  void exactGaugesHistogramsErrorsAndCleanup(String kind, String folder) throws Exception {
    new PoolScenario(kind, folder).run(url, server.user(), server.password());
  }
}
