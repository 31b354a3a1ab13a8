package dev.cachedb.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BootstrapJarTest {

  /** The jar the build makes holds every class of the bootstrap package and nothing else. */
  @Test
  void theBuiltBootstrapJarHoldsExactlyTheBootstrapPackage() throws Exception {
    Path classes = new File(
        BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toPath();
    List<String> expected;
    try (Stream<Path> files = Files.list(classes.resolve("dev/cachedb/agent/bootstrap"))) {
      expected = files.map(f -> "dev/cachedb/agent/bootstrap/" + f.getFileName())
          .filter(n -> n.endsWith(".class"))
          .collect(Collectors.toList());
    }
    List<String> names = new ArrayList<>();
    try (InputStream in = BootstrapJar.class.getClassLoader()
            .getResourceAsStream(BootstrapJar.RESOURCE);
        JarInputStream jar = new JarInputStream(in)) {
      for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    assertThat(expected).contains("dev/cachedb/agent/bootstrap/LettuceCalls.class");
    assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
  }
}
