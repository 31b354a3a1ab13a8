package dev.cachedb.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapJarTest {

  @Test
  void copiesExactlyTheBootstrapPackage(@TempDir Path dir) throws Exception {
    File source = dir.resolve("agent.jar").toFile();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(source.toPath()))) {
      for (String name :
          new String[] {
            "dev/cachedb/agent/bootstrap/CallDepth.class",
            "dev/cachedb/agent/bootstrap/CallDepth$1.class",
            "dev/cachedb/agent/Agent.class",
            "dev/cachedb/agent/shaded/net/bytebuddy/ByteBuddy.class",
            "dev/cachedb/agent/bootstrap/readme.txt"
          }) {
        out.putNextEntry(new JarEntry(name));
        out.write(new byte[] {1, 2, 3});
        out.closeEntry();
      }
    }
    File target = dir.resolve("bootstrap.jar").toFile();

    assertThat(BootstrapJar.copyBootstrapClasses(source, target)).isEqualTo(2);
    List<String> names = new ArrayList<>();
    try (JarFile jar = new JarFile(target)) {
      for (JarEntry e : Collections.list(jar.entries())) {
        names.add(e.getName());
      }
    }
    assertThat(names)
        .containsExactly(
            "dev/cachedb/agent/bootstrap/CallDepth.class",
            "dev/cachedb/agent/bootstrap/CallDepth$1.class");
  }
}
