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
   * Library folders whose jars are Java 11 or later bytecode, each with the folder of the newest
   * build of the same library for Java 8, which JDK 8 runs instead: a test runs there with the
   * older version rather than being skipped. The pom copies both.
   */
  public static final Map<String, String> ON_JAVA_8 = Map.of(
      "jdbc-h2", "java8/jdbc-h2-2.1.214", // H2 2.2 and later: Java 11
      "jdbc-hikaricp", "java8/jdbc-hikaricp-4.0.3", // HikariCP 5 and later: Java 11
      "jdbc-mariadb", "java8/jdbc-mariadb-3.5.11", // MariaDB Connector/J 4: Java 17
      "pool-drivers", "java8/pool-drivers", // H2 and MariaDB as above
      "pool-hikari-7.1.0", "java8/pool-hikari-4.0.3",
      "pool-tomcat-jdbc-11.0.27", "java8/pool-tomcat-jdbc-9.0.98"); // Tomcat 10 and later: 11+

  private Artifacts() {}

  public static Path agentJar() {
    return existing(System.getProperty("it.agent.jar"));
  }

  public static Path testAppJar() {
    return existing(System.getProperty("it.testapp.jar"));
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
   * JDK 8, the folder of the newest Java 8 build in place of a folder whose library is built for
   * a later Java (see {@link #ON_JAVA_8}).
   */
  public static List<Path> libs(String name) {
    if (Jdk.feature() == 8) {
      name = ON_JAVA_8.getOrDefault(name, name);
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
