package dev.cachedb.it.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fills {@code target/libs/sweep/<library>-<version>} with each row's jar and its runtime
 * dependencies, as its own pom asks for them. Hand-listed folders (the pom's {@code libs-*}
 * executions) do not scale to sixty versions; instead one generated aggregator, one tiny module
 * per missing folder, runs {@code dependency:copy-dependencies} in a single Maven run with the
 * build's own Maven and local repository. A folder counts once its {@code .resolved} marker is
 * written after a good run, so a second run resolves nothing and an interrupted one is redone.
 */
final class SweepLibs {
  private static final long MAVEN_TIMEOUT_MINUTES = 15;
  private static final String RESOLVED = ".resolved";

  private SweepLibs() {}

  static Path root() {
    return Paths.get(System.getProperty("it.libs.dir")).resolve("sweep");
  }

  /** Resolves every row whose folder is missing or empty; fails naming Maven's output. */
  static void resolve(List<SweepRow> rows) throws IOException, InterruptedException {
    List<SweepRow> missing = new ArrayList<>();
    for (SweepRow row : rows) {
      if (!Files.exists(root().resolve(row.folder()).resolve(RESOLVED))) {
        missing.add(row);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Path project = root().getParent().getParent().resolve("sweep-resolve");
    writeProject(project, missing);
    List<String> cmd = new ArrayList<>();
    cmd.add(maven());
    cmd.add("-B");
    cmd.add("-q");
    cmd.add("-f");
    cmd.add(project.resolve("pom.xml").toString());
    String repo = System.getProperty("it.maven.repo.local", "");
    if (!repo.isEmpty()) {
      cmd.add("-Dmaven.repo.local=" + repo);
    }
    cmd.add("validate");
    Path log = project.resolve("maven.log");
    Process mvn = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    boolean ended = mvn.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!ended) {
      mvn.destroyForcibly();
    }
    for (SweepRow row : missing) {
      Path folder = root().resolve(row.folder());
      if (!ended || mvn.exitValue() != 0 || !Files.isDirectory(folder)) {
        throw new IllegalStateException("could not resolve " + row.folder() + " with "
            + String.join(" ", cmd) + ":\n" + Files.readString(log));
      }
      Files.createFile(folder.resolve(RESOLVED));
    }
  }

  /** The mvn of the Maven running this build, so the sweep needs nothing else on PATH. */
  private static String maven() {
    String home = System.getProperty("it.maven.home", "");
    Path mvn = Paths.get(home, "bin", "mvn");
    return !home.isEmpty() && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
  }

  private static void writeProject(Path dir, List<SweepRow> rows) throws IOException {
    StringBuilder modules = new StringBuilder();
    for (SweepRow row : rows) {
      modules.append("    <module>").append(row.folder()).append("</module>\n");
      Files.createDirectories(dir.resolve(row.folder()));
      write(dir.resolve(row.folder()).resolve("pom.xml"), "<project>\n"
          + "  <modelVersion>4.0.0</modelVersion>\n"
          + "  <parent><groupId>sweep</groupId><artifactId>sweep</artifactId>"
          + "<version>0</version></parent>\n"
          + "  <artifactId>" + row.folder() + "</artifactId>\n"
          + "  <packaging>pom</packaging>\n"
          + "  <properties><sweep.folder>" + row.folder() + "</sweep.folder></properties>\n"
          + "  <dependencies><dependency><groupId>" + row.library().groupId + "</groupId>"
          + "<artifactId>" + row.library().artifactId + "</artifactId>"
          + "<version>" + row.version() + "</version></dependency>" + companion(row)
          + "</dependencies>\n"
          + "</project>\n");
    }
    // The aggregator has no dependencies, so its own copy-dependencies copies nothing.
    write(dir.resolve("pom.xml"), "<project>\n"
        + "  <modelVersion>4.0.0</modelVersion>\n"
        + "  <groupId>sweep</groupId><artifactId>sweep</artifactId><version>0</version>\n"
        + "  <packaging>pom</packaging>\n"
        + "  <modules>\n" + modules + "  </modules>\n"
        + "  <build><plugins><plugin>\n"
        + "    <groupId>org.apache.maven.plugins</groupId>\n"
        + "    <artifactId>maven-dependency-plugin</artifactId>\n"
        + "    <version>" + System.getProperty("it.dependency-plugin.version") + "</version>\n"
        + "    <executions><execution>\n"
        + "      <id>sweep-libs</id><phase>validate</phase><goals><goal>copy-dependencies</goal>"
        + "</goals>\n"
        + "      <configuration>\n"
        + "        <includeScope>runtime</includeScope>\n"
        + "        <outputDirectory>" + root() + File.separator + "${sweep.folder}"
        + "</outputDirectory>\n"
        + "      </configuration>\n"
        + "    </execution></executions>\n"
        + "  </plugin></plugins></build>\n"
        + "</project>\n");
  }

  private static String companion(SweepRow row) {
    String artifact = row.library().companion(row.version());
    return artifact == null ? "" : "<dependency><groupId>" + row.library().groupId
        + "</groupId><artifactId>" + artifact + "</artifactId><version>" + row.version()
        + "</version></dependency>";
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
