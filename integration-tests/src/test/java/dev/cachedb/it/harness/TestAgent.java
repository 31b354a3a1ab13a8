package dev.cachedb.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The jar of the test agent ({@code src/test/testagent}: {@code FailingSinksAgent} and the sinks
 * it installs), for {@link AppProcess.Builder#laterAgent}. Its sinks extend the agent's bootstrap
 * {@code Sink} classes, which this module never has on its classpath (the tests use the agent jar
 * by path), so it is compiled here, once per test JVM, against the agent jar itself: a change of a
 * sink's methods fails here, loudly, rather than leaving an override that no longer overrides.
 * Java 8 bytecode, as the agent's: it runs in child JVMs on every JDK down to 8.
 */
public final class TestAgent {
  private static final String PREMAIN = "dev.cachedb.it.testagent.FailingSinksAgent";
  private static Path jar;

  private TestAgent() {}

  public static synchronized Path jar() throws IOException {
    if (jar == null) {
      jar = build(Artifacts.testClasses().getParent());
    }
    return jar;
  }

  private static Path build(Path target) throws IOException {
    Path sources = target.getParent().resolve("src/test/testagent");
    // Test JVMs running in parallel each build their own, then move the jar in place whole.
    Path classes = Files.createTempDirectory(target, "test-agent-classes");
    List<String> args = new ArrayList<>(Arrays.asList("--release", "8",
        "-classpath", Artifacts.agentJar().toString(), "-d", classes.toString()));
    try (Stream<Path> s = Files.walk(sources)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    if (ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(new String[0]))
        != 0) {
      throw new IllegalStateException("cannot compile the test agent:\n" + errors);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", PREMAIN);
    Path tmp = classes.resolveSibling(classes.getFileName() + ".jar");
    List<Path> files;
    try (Stream<Path> s = Files.walk(classes)) {
      files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    try (OutputStream file = Files.newOutputStream(tmp);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Path f : files) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return Files.move(tmp, target.resolve("cachedb-test-agent.jar"),
        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
