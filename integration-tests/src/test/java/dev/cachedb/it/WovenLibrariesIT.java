package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.LinkEveryClassApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Artifacts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class the agent weaves, in every library version the tests hold, passes the JVM's
 * verifier, and none needs Byte Buddy's weaving: the agent's own ASM weaver handles all of our
 * advice. One JVM links every class of the instrumented packages, a class loader per library
 * folder, with and without the agent; the classes that fail to link (optional dependencies the
 * folders leave out) must be the same in both runs.
 */
class WovenLibrariesIT {

  @Test
  void everyWovenClassOfEveryLibraryVersionVerifies() throws Exception {
    String[] folders = folders();
    String without;
    try (AppProcess app = app(folders).start()) {
      app.awaitStdout("done");
      without = app.stdout();
    }
    try (AppProcess app = app(folders).agent("port=0,host=127.0.0.1,log.level=debug").start()) {
      app.awaitStdout("done");
      assertThat(failures(app.stdout())).as(app.dump()).isEqualTo(failures(without));
      assertThat(linked(app.stdout())).isEqualTo(linked(without));

      List<String> woven = app.stderr().lines()
          .filter(l -> l.contains("] DEBUG woven "))
          .map(l -> l.substring(l.indexOf("] DEBUG woven ") + 14))
          .collect(Collectors.toList());
      assertThat(woven).as(app.dump()).contains(
          "io/lettuce/core/protocol/Command",
          "io/lettuce/core/RedisChannelHandler",
          "io/lettuce/core/RedisClient",
          "io/lettuce/core/output/ValueOutput",
          "redis/clients/jedis/Connection",
          "redis/clients/jedis/BinaryClient",
          "com/zaxxer/hikari/pool/HikariPool",
          "org/h2/jdbc/JdbcStatement",
          "org/h2/jdbc/JdbcPreparedStatement",
          "org/h2/jdbc/JdbcConnection",
          "org/postgresql/jdbc/PgStatement",
          "org/apache/commons/dbcp2/BasicDataSource",
          "org/apache/commons/dbcp/BasicDataSource",
          "com/mchange/v2/c3p0/impl/AbstractPoolBackedDataSource",
          "org/apache/tomcat/jdbc/pool/ConnectionPool");
      assertThat(app.stderr()).as(app.dump())
          .doesNotContain("woven by Byte Buddy")
          .doesNotContain("could not instrument");
    }
  }

  private static AppProcess.Builder app(String[] folders) {
    String[] args = new String[folders.length];
    for (int i = 0; i < folders.length; i++) {
      args[i] = folders[i] + "=" + Artifacts.libs(folders[i]).stream()
          .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
    return AppProcess.testMain(LinkEveryClassApp.class).args(args);
  }

  /** Every library folder but the OpenTelemetry agent's and the agent's own libraries. */
  private static String[] folders() throws IOException {
    try (Stream<Path> dirs = Files.list(Paths.get(System.getProperty("it.libs.dir")))) {
      return dirs.map(d -> d.getFileName().toString())
          .filter(n -> !n.equals("otel-javaagent") && !n.equals("own-libs"))
          .sorted()
          .toArray(String[]::new);
    }
  }

  private static List<String> failures(String stdout) {
    return stdout.lines().filter(l -> l.startsWith("fails ")).collect(Collectors.toList());
  }

  private static List<String> linked(String stdout) {
    return stdout.lines().filter(l -> l.startsWith("linked ")).collect(Collectors.toList());
  }
}
