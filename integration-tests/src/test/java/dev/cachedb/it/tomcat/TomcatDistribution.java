package dev.cachedb.it.tomcat;

import dev.cachedb.it.harness.Artifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Tomcat distribution zip as published ({@code target/libs/tomcat-dist}), chosen by the JDK
 * under test, and unpacked the way an administrator sets one up for an application with JNDI
 * pools: the JDBC driver goes into {@code lib/}.
 */
final class TomcatDistribution {
  private final Path zip;

  private TomcatDistribution(Path zip) {
    this.zip = zip;
  }

  /**
   * The Tomcat line each JDK runs. Tomcat 9.0 (javax.servlet) runs on Java 8, 10.1 (jakarta)
   * needs 11, 11.0 needs 17: JDK 8 and 17 run 9.0, the line most legacy applications are on;
   * 11 and 21 run 10.1; 25 runs 11.0. So the suite's JDK 17 and 25 runs cover javax and jakarta.
   */
  static String lineFor(int jdk) {
    switch (jdk) {
      case 8:
      case 17:
        return "9.0";
      case 11:
      case 21:
        return "10.1";
      default:
        return "11.0";
    }
  }

  static TomcatDistribution forJdk(int jdk) throws IOException {
    Path folder = Paths.get(System.getProperty("it.libs.dir"), "tomcat-dist");
    String prefix = "tomcat-" + lineFor(jdk) + ".";
    try (DirectoryStream<Path> zips = Files.newDirectoryStream(folder, prefix + "*.zip")) {
      for (Path zip : zips) {
        return new TomcatDistribution(zip);
      }
    }
    throw new IllegalStateException("no " + prefix + "*.zip in " + folder);
  }

  /** The version, e.g. 9.0.117. */
  String version() {
    String name = zip.getFileName().toString();
    return name.substring("tomcat-".length(), name.length() - ".zip".length());
  }

  /**
   * Unpacks the zip under {@code dir} and puts the MariaDB driver in its lib/, as a JNDI pool
   * needs. Keeps only the manager application (fewer to start), moves the HTTP connector to a
   * free port, closes the shutdown port (the test stops Tomcat by signal) and adds a
   * manager-script user for the deployments.
   */
  StandaloneTomcat unpack(Path dir) throws IOException {
    Path home = unzip(Files.createDirectories(dir));
    try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
      scripts
          .filter(p -> p.toString().endsWith(".sh"))
          .forEach(p -> p.toFile().setExecutable(true));
    }
    try (Stream<Path> apps = Files.list(home.resolve("webapps"))) {
      for (Path app : (Iterable<Path>) apps::iterator) {
        if (!app.getFileName().toString().equals("manager")) {
          deleteTree(app);
        }
      }
    }
    for (Path jar : Artifacts.libs("tomcat-lib")) {
      Files.copy(jar, home.resolve("lib").resolve(jar.getFileName()));
    }
    int httpPort = StandaloneTomcat.freePort();
    Path serverXml = home.resolve("conf/server.xml");
    String server = new String(Files.readAllBytes(serverXml), StandardCharsets.UTF_8);
    server =
        server.replace("port=\"8005\"", "port=\"-1\"")
            .replace("port=\"8080\"", "port=\"" + httpPort + "\"");
    Files.write(serverXml, server.getBytes(StandardCharsets.UTF_8));
    Files.write(
        home.resolve("conf/tomcat-users.xml"),
        ("<tomcat-users>\n  <role rolename=\"manager-script\"/>\n  <user username=\""
                + StandaloneTomcat.MANAGER_USER + "\" password=\""
                + StandaloneTomcat.MANAGER_PASSWORD + "\" roles=\"manager-script\"/>\n"
                + "</tomcat-users>\n")
            .getBytes(StandardCharsets.UTF_8));
    return new StandaloneTomcat(home, httpPort);
  }

  /** Unzips into {@code dir}; returns the distribution's top folder (apache-tomcat-x.y.z). */
  private Path unzip(Path dir) throws IOException {
    Path home = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("zip entry outside the target: " + e.getName());
        }
        if (home == null) {
          home = dir.resolve(e.getName().substring(0, e.getName().indexOf('/')));
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return home;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
