package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.PlainRedisApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.WithRedis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library version that lacks what the advice references, or states a major newer than the agent
 * supports, is refused: nothing of it is woven, one WARN line says which module, which version
 * and why, {@code cachedb_agent_instrumentation_info} says {@code refused}, and the application
 * answers exactly as without the agent. The versions are real jars doctored here: Jedis 8.0.2 whose
 * {@code Connection.socket} field (read by the advice) is renamed throughout the jar, and Lettuce
 * 7.7.0 whose Maven metadata says 8.0.0.
 */
class RefusedVersionIT {
  private static final String ANSWERS = "OK\nv\nnull\ndone\n";
  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  @TempDir static Path work;

  @Test
  void jedisWithoutTheFieldTheAdviceReadsIsRefusedWhole() throws Exception {
    List<Path> doctored = doctor("jedis-8.0.2", "jedis-8.0.2.jar", (name, bytes) ->
        name.endsWith(".class") ? renameField(bytes, "redis/clients/jedis/Connection", "socket",
            "transport") : bytes);
    assertRefused(app("jedis", doctored),
        "jedis-4.0 refused for version 8.0.2: the library lacks field "
            + "redis.clients.jedis.Connection.socket",
        "jedis-4.0", "8.0.2");
    assertActive(app("jedis", Artifacts.libs("jedis-8.0.2")), "jedis-4.0", "8.0.2");
  }

  @Test
  void lettuceStatingAnUnknownMajorIsRefusedWhole() throws Exception {
    String pom = "META-INF/maven/io.lettuce/lettuce-core/pom.properties";
    List<Path> doctored = doctor("lettuce-7.7.0.RELEASE", "lettuce-core-7.7.0.RELEASE.jar",
        (name, bytes) -> name.equals(pom)
            ? new String(bytes, StandardCharsets.ISO_8859_1)
                .replace("version=7.7.0.RELEASE", "version=8.0.0.RELEASE")
                .getBytes(StandardCharsets.ISO_8859_1)
            : bytes);
    assertRefused(app("lettuce", doctored),
        "lettuce-5.0 refused for version 8.0.0.RELEASE: the library is newer than the newest "
            + "supported, 7.x",
        "lettuce-5.0", "8.0.0.RELEASE");
    assertActive(app("lettuce", Artifacts.libs("lettuce-7.7.0.RELEASE")), "lettuce-5.0",
        "7.7.0.RELEASE");
  }

  private static void assertRefused(AppProcess.Builder app, String warning, String module,
      String version) throws Exception {
    try (AppProcess plain = app.start()) {
      plain.awaitStdout("done");
      assertThat(plain.stdout()).isEqualTo(ANSWERS);
    }
    try (AppProcess p = app.agent("port=0,host=127.0.0.1").start()) {
      p.awaitStdout("done");
      Scrape s = p.scrape();
      assertThat(p.stdout()).as(p.dump()).isEqualTo(ANSWERS);
      List<String> warnings =
          p.stderr().lines().filter(l -> l.startsWith("[cachedb-agent] WARN")).toList();
      assertThat(warnings).as(p.dump()).singleElement().asString().contains(warning);
      assertThat(s.value("cachedb_agent_instrumentation_info",
          "module", module, "state", "refused", "version", version)).isEqualTo(1.0);
      assertThat(s.keysStartingWith("cachedb_agent_instrumentation_info{module=\"" + module))
          .hasSize(1);
      assertThat(s.keysStartingWith("cache_operations_total")).isEmpty();
      assertThat(s.value("cachedb_agent_transform_errors_total")).isZero();
    }
  }

  private static void assertActive(AppProcess.Builder app, String module, String version)
      throws Exception {
    try (AppProcess p = app.agent("port=0,host=127.0.0.1").start()) {
      p.awaitStdout("done");
      Scrape s = Scrape.until(p.metricsPort(),
          x -> x.has("cache_operations_total", "operation", "get", "result", "miss"), 10_000);
      assertThat(p.stdout()).isEqualTo(ANSWERS);
      assertThat(p.stderr()).doesNotContain("WARN");
      assertThat(s.value("cachedb_agent_instrumentation_info",
          "module", module, "state", "active", "version", version)).isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "get", "result", "hit"))
          .isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "get", "result", "miss"))
          .isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "set", "result", "success"))
          .isEqualTo(1.0);
    }
  }

  private static AppProcess.Builder app(String client, List<Path> jars) {
    AppProcess.Builder b = AppProcess.testMain(PlainRedisApp.class)
        .args(client, redis.server().host(), String.valueOf(redis.server().port()));
    for (Path jar : jars) {
      b.classpath(jar);
    }
    return b;
  }

  /** The folder's jars, with {@code jarName} rewritten entry by entry. */
  private static List<Path> doctor(String folder, String jarName,
      BiFunction<String, byte[], byte[]> rewrite) throws IOException {
    List<Path> out = new ArrayList<>();
    Path dir = Files.createDirectories(work.resolve(folder));
    for (Path jar : Artifacts.libs(folder)) {
      if (!jar.getFileName().toString().equals(jarName)) {
        out.add(jar);
        continue;
      }
      Path copy = dir.resolve(jarName);
      try (JarFile in = new JarFile(jar.toFile());
          JarOutputStream o = new JarOutputStream(Files.newOutputStream(copy))) {
        for (JarEntry e : (Iterable<JarEntry>) in.stream()::iterator) {
          byte[] bytes;
          try (InputStream s = in.getInputStream(e)) {
            bytes = s.readAllBytes();
          }
          o.putNextEntry(new JarEntry(e.getName()));
          o.write(e.isDirectory() ? bytes : rewrite.apply(e.getName(), bytes));
          o.closeEntry();
        }
      }
      out.add(copy);
    }
    assertThat(out).contains(dir.resolve(jarName));
    return out;
  }

  private static byte[] renameField(byte[] bytes, String owner, String from, String to) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassRemapper(writer, new SimpleRemapper(Map.of(owner + "." + from, to))),
        0);
    return writer.toByteArray();
  }
}
