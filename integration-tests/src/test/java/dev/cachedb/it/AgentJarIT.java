package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Artifacts;
import java.io.DataInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shipped jar: self-contained under our package, Java 8 bytecode, a complete manifest. */
class AgentJarIT {

  @Test
  void everyClassIsUnderTheAgentPackageAndIsJava8Bytecode() throws Exception {
    List<String> outside = new ArrayList<>();
    List<String> tooNew = new ArrayList<>();
    int classes = 0;
    try (JarFile jar = new JarFile(Artifacts.agentJar().toFile())) {
      for (JarEntry e : Collections.list(jar.entries())) {
        if (!e.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        if (!e.getName().startsWith("dev/cachedb/agent/")) {
          outside.add(e.getName());
        }
        try (InputStream in = jar.getInputStream(e)) {
          DataInputStream d = new DataInputStream(in);
          d.readInt(); // magic
          d.readUnsignedShort(); // minor
          if (d.readUnsignedShort() > 52) {
            tooNew.add(e.getName());
          }
        }
      }
    }
    assertThat(classes).isGreaterThan(1000);
    assertThat(outside).isEmpty();
    assertThat(tooNew).isEmpty();
  }

  @Test
  void manifestDeclaresEveryEntryPoint() throws Exception {
    try (JarFile jar = new JarFile(Artifacts.agentJar().toFile())) {
      Attributes a = jar.getManifest().getMainAttributes();
      assertThat(a.getValue("Premain-Class")).isEqualTo("dev.cachedb.agent.Agent");
      assertThat(a.getValue("Agent-Class")).isEqualTo("dev.cachedb.agent.Agent");
      assertThat(a.getValue("Main-Class")).isEqualTo("dev.cachedb.agent.cli.Main");
      assertThat(a.getValue("Can-Retransform-Classes")).isEqualTo("true");
    }
  }
}
