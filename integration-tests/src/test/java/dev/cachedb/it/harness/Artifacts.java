package dev.cachedb.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the build put what the tests run: the agent jar, test-app, and library version folders. */
public final class Artifacts {

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

  /** Every jar in {@code target/libs/<name>}, e.g. {@code jedis-2.9.0}. */
  public static List<Path> libs(String name) {
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
