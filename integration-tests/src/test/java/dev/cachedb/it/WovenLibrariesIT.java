package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.LinkEveryClassApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Scrape;
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
 * verifier, whether woven as it is defined ({@code -javaagent:}) or retransformed after an
 * attach, and the weaver declines none. One JVM links every class of the instrumented packages, a
 * class loader per library folder, with and without the agent; the classes that fail to link
 * (optional dependencies the folders leave out) must be the same in both runs. After an attach to
 * such a JVM the same classes are woven again, now from the class files the JVM hands back, and
 * the JVM verifies each retransformed class.
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

      List<String> woven = woven(app.stderr());
      assertThat(woven).as(app.dump()).contains(WOVEN_EVERYWHERE);
      assertThat(app.stderr()).as(app.dump()).doesNotContain("could not instrument");
    }
  }

  @Test
  void everyClassWovenAtStartIsWovenAndVerifiedAfterAnAttach() throws Exception {
    String[] folders = folders();
    List<String> atStart;
    try (AppProcess app = app(folders).agent("port=0,host=127.0.0.1,log.level=debug").start()) {
      app.awaitStdout("done");
      atStart = woven(app.stderr());
    }
    Path hold = Files.createTempFile("woven-libraries", ".go");
    Files.delete(hold);
    String[] args = new String[folders.length + 1];
    args[0] = "--hold=" + hold;
    System.arraycopy(appArgs(folders), 0, args, 1, folders.length);
    try (AppProcess app = AppProcess.testMain(LinkEveryClassApp.class)
        .jvmOption("-XX:+EnableDynamicAgentLoading").args(args).start()) {
      app.awaitStdout("ready");
      AttachIT.attach(app, "port=0,host=127.0.0.1,log.level=debug");
      app.awaitStderr("] DEBUG retransformed ");
      List<String> afterAttach = woven(app.stderr());
      Scrape s = app.scrape();
      Files.createFile(hold);
      app.awaitStdout("done");

      assertThat(app.stderr()).as(app.dump()).doesNotContain("could not instrument");
      assertThat(s.value("cachedb_agent_transform_errors_total")).as(app.dump()).isEqualTo(0.0);
      assertThat(afterAttach).as(app.dump()).contains(WOVEN_EVERYWHERE);
      // The same classes, in the same loaders (a name once per library folder that holds it).
      assertThat(afterAttach).as(app.dump()).containsExactlyInAnyOrderElementsOf(atStart);
    }
  }

  /** The classes every run must weave: one or more of each module. */
  private static final String[] WOVEN_EVERYWHERE = {
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
          "org/apache/tomcat/jdbc/pool/ConnectionPool",
          "org/apache/tomcat/dbcp/dbcp2/BasicDataSource",
          "org/apache/tomcat/dbcp/dbcp2/PoolingDataSource$PoolGuardConnectionWrapper",
          "org/apache/tomcat/dbcp/dbcp/BasicDataSource",
          "org/apache/tomcat/dbcp/dbcp/PoolingDataSource$PoolGuardConnectionWrapper",
          "com/alibaba/druid/pool/DruidDataSource",
          "org/vibur/dbcp/ViburDBCPDataSource",
          "org/vibur/dbcp/pool/PoolOperations",
          "io/agroal/pool/ConnectionPool",
          // Jedis's own pools; Lettuce's need commons-pool2, which its folders leave out
          // (RedisPoolIT and the sweep run them woven)
          "redis/clients/util/Pool",
          "redis/clients/jedis/util/Pool",
          "redis/clients/jedis/JedisPool",
          "redis/clients/jedis/ConnectionPool",
          "oracle/ucp/jdbc/PoolDataSourceImpl",
          "oracle/ucp/common/UniversalConnectionPoolBase",
          "oracle/ucp/common/UniversalConnectionPoolImpl"};

  private static List<String> woven(String stderr) {
    return stderr.lines()
        .filter(l -> l.contains("] DEBUG woven "))
        .map(l -> l.substring(l.indexOf("] DEBUG woven ") + 14))
        .collect(Collectors.toList());
  }

  private static AppProcess.Builder app(String[] folders) {
    return AppProcess.testMain(LinkEveryClassApp.class).args(appArgs(folders));
  }

  private static String[] appArgs(String[] folders) {
    String[] args = new String[folders.length];
    for (int i = 0; i < folders.length; i++) {
      args[i] = folders[i] + "=" + Artifacts.libs(folders[i]).stream()
          .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
    return args;
  }

  /** Every library folder but the OpenTelemetry agent's and the agent's own libraries. */
  private static String[] folders() throws IOException {
    try (Stream<Path> dirs = Files.list(Paths.get(System.getProperty("it.libs.dir")))) {
      return dirs.map(d -> d.getFileName().toString())
          // sweep/ holds the version sweep's folders, one level down: it checks its own counts
          .filter(n -> !n.equals("otel-javaagent") && !n.equals("own-libs") && !n.equals("sweep")
              // java8/ holds the Java 8 builds that libs() gives JDK 8 in place of newer ones
              && !n.equals("java8")
              // tomcat-dist/ holds Tomcat distribution zips for TomcatIT, no classpath jars
              && !n.equals("tomcat-dist"))
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
