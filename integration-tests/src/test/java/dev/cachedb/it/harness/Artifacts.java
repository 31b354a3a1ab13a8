package dev.cachedb.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the build put what the tests run: the agent jar, test-app, and library version folders. */
public final class Artifacts {
  /**
   * Library folders whose jars need a later Java than some JDK the suite runs on, each with the
   * Java it needs and the folder of the newest Java 8 build of the same library, which an older
   * JDK runs instead: a test runs there with the older version rather than being skipped. The
   * pom copies both.
   */
  private static final Map<String, Substitute> FOR_OLDER_JDKS = Map.ofEntries(
      Map.entry("jdbc-h2", new Substitute(11, "java8/jdbc-h2-2.1.214")), // H2 2.2 and later
      Map.entry("jdbc-hikaricp", new Substitute(11, "java8/jdbc-hikaricp-4.0.3")), // HikariCP 5 and later
      Map.entry("jdbc-mariadb", new Substitute(17, "java8/jdbc-mariadb-3.5.11")), // Connector/J 4
      Map.entry("pool-drivers", new Substitute(17, "java8/pool-drivers")), // H2 and Connector/J as above
      Map.entry("pool-hikari-7.1.0", new Substitute(11, "java8/pool-hikari-4.0.3")),
      Map.entry("pool-tomcat-jdbc-11.0.27", new Substitute(17, "java8/pool-tomcat-jdbc-9.0.98")), // 11.0
      Map.entry("pool-tomcat-dbcp-11.0.18", new Substitute(17, "java8/pool-tomcat-dbcp-9.0.117")), // 11.0
      Map.entry("pool-vibur-26.0", new Substitute(10, "java8/pool-vibur-25.0")), // Vibur 26
      Map.entry("pool-agroal-2.8", new Substitute(11, "java8/pool-agroal-1.17")), // Agroal 2.0 and later
      Map.entry("jcache-ehcache-3.12.0", new Substitute(17, "java8/jcache-ehcache-3.10.8")), // 3.12 is Java 17
      Map.entry("pool-ucp-23.26", new Substitute(11, "java8/pool-ucp-23.9"))); // ucp11 with ojdbc11

  private record Substitute(int needsJava, String folder) {}

  private Artifacts() {}

  public static Path agentJar() {
    return existing(System.getProperty("it.agent.jar"));
  }

  public static Path testAppJar() {
    return existing(System.getProperty("it.testapp.jar"));
  }

  /** The Spring Boot 3.5 fat jar of stacks/spring-boot-3. */
  public static Path springBoot3Jar() {
    return existing(System.getProperty("it.boot3.jar"));
  }

  /** The Spring Boot 2.7 fat jar (Java 8 bytecode) of stacks/spring-boot-2. */
  public static Path springBoot2Jar() {
    return existing(System.getProperty("it.boot2.jar"));
  }

  public static Path testClasses() {
    return existing(System.getProperty("it.test.classes"));
  }

  /** The apps that child JVMs run, compiled as Java 8 bytecode (the tests are Java 17). */
  public static Path appClasses() {
    return existing(System.getProperty("it.app.classes"));
  }

  /**
   * Every jar in {@code target/libs/<name>}, e.g. {@code jedis-2.9.0}; when the child JVMs run on
   * a JDK older than the folder's library needs, the folder of its newest Java 8 build (see
   * {@link #FOR_OLDER_JDKS}).
   */
  public static List<Path> libs(String name) {
    Substitute older = FOR_OLDER_JDKS.get(name);
    if (older != null && Jdk.feature() < older.needsJava()) {
      name = older.folder();
    }
    Path dir = existing(System.getProperty("it.libs.dir")).resolve(name);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> jars =
          files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
      if (jars.isEmpty()) {
        throw new IllegalStateException("no jars in " + dir);
      }
      return jars;
    } catch (IOException e) {
      throw new IllegalStateException("no library folder " + dir, e);
    }
  }

  private static Path existing(String path) {
    if (path == null || !Files.exists(Paths.get(path))) {
      throw new IllegalStateException("missing build output: " + path + " (run mvn verify)");
    }
    return Paths.get(path);
  }
}
