package dev.cachedb.it.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK the child JVMs of this test run use, chosen by the {@code it.jdk} system property (the
 * Failsafe execution sets 8, 11, 17, 21 or 25). JDKs other than the one running Maven are found
 * under /usr/lib/jvm by the JAVA_VERSION of their {@code release} file ({@code .ci/jdks} puts the
 * Debian builds of 8, 11 and 21 there). A JDK that cannot be found fails the test: the suite
 * promises to have run on each, so it never quietly runs on another.
 */
public final class Jdk {
  // JDK 8 writes its version the old way, "1.8.0_504"; JDK 9 and later start with the feature.
  private static final Pattern RELEASE_VERSION =
      Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)");

  private Jdk() {}

  public static int feature() {
    return Integer.parseInt(System.getProperty("it.jdk", "17"));
  }

  /** The {@code java} launcher of the selected JDK. */
  public static Path java() {
    return home().resolve("bin").resolve("java");
  }

  public static Path home() {
    int wanted = feature();
    Path current = Paths.get(System.getProperty("java.home"));
    if (Runtime.version().feature() == wanted) {
      return current;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Paths.get("/usr/lib/jvm"))) {
      for (Path dir : dirs) {
        if (!Files.isSymbolicLink(dir) && releaseFeature(dir) == wanted
            && Files.isExecutable(dir.resolve("bin/java"))) {
          return dir;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /usr/lib/jvm", e);
    }
    throw new IllegalStateException(
        "no JDK " + wanted + " found (current is " + current + "; looked in /usr/lib/jvm)");
  }

  private static int releaseFeature(Path dir) {
    try {
      Matcher m = RELEASE_VERSION.matcher(new String(Files.readAllBytes(dir.resolve("release"))));
      return m.find() ? Integer.parseInt(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
