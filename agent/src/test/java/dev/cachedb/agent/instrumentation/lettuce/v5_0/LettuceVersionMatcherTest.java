package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version lines told apart from jars built here with the landmarks and version files only. */
class LettuceVersionMatcherTest {
  @TempDir Path dir;

  @Test
  void acceptsTheKnownMajorLines() throws Exception {
    assertThat(matches(jar("a", "version=5.0.0.RELEASE", null, false))).isTrue();
    assertThat(matches(jar("b", "version=6.8.2.RELEASE", null, true))).isTrue();
    assertThat(matches(jar("c", "version=7.7.0.RELEASE", null, true))).isTrue();
  }

  @Test
  void leavesAnUnknownNewerMajorUntouched() throws Exception {
    assertThat(matches(jar("d", "version=8.0.0.RELEASE", null, true))).isFalse();
    assertThat(matches(jar("e", null, "Specification-Version: 8.1", true))).isFalse();
  }

  @Test
  void withoutVersionFilesOnly5xIsRecognised() throws Exception {
    assertThat(matches(jar("f", null, null, false))).isTrue();
    assertThat(matches(jar("g", null, null, true))).isFalse();
  }

  @Test
  void manifestVersionServesWhenThePomPropertiesAreGone() throws Exception {
    assertThat(matches(jar("h", null, "Specification-Version: 6.0", true))).isTrue();
  }

  @Test
  void ignoresLoadersWithoutLettuce() throws Exception {
    assertThat(new LettuceVersionMatcher().matches(null)).isFalse();
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThat(new LettuceVersionMatcher().matches(empty)).isFalse();
    }
  }

  private boolean matches(Path jar) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      return new LettuceVersionMatcher().matches(loader);
    }
  }

  private Path jar(String name, String pom, String manifest, boolean has60) throws IOException {
    Path jar = dir.resolve(name + ".jar");
    try (OutputStream f = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(f)) {
      entry(out, LettuceVersionMatcher.LANDMARK_5_0, "x");
      if (has60) {
        entry(out, LettuceVersionMatcher.LANDMARK_6_0, "x");
      }
      if (pom != null) {
        entry(out, "META-INF/maven/io.lettuce/lettuce-core/pom.properties", pom + "\n");
      }
      if (manifest != null) {
        entry(out, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n" + manifest + "\n");
      }
    }
    return jar;
  }

  private static void entry(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
