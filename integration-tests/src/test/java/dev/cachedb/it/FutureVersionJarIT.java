package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library version the agent has never seen: a hand-made "Jedis 9" jar, compiled here, carries
 * every landmark class of the Jedis 4.0+ module and a {@code Connection} whose methods have the
 * names the advice looks for but whose {@code socket} field (which the advice reads) is renamed,
 * and states no version. The reference check finds the field missing before anything is woven:
 * the application's output is the same with and without the agent, nothing is recorded, no class
 * fails to transform, and one WARN line names the module and the missing field.
 */
class FutureVersionJarIT {
  private static final Map<String, String> SOURCES =
      Map.of(
          "redis/clients/jedis/CommandArguments.java",
          """
          package redis.clients.jedis;
          public class CommandArguments {
            final String[] args;
            public CommandArguments(String... args) { this.args = args; }
          }
          """,
          "redis/clients/jedis/ConnectionFactory.java",
          """
          package redis.clients.jedis;
          public class ConnectionFactory {
            public Connection makeObject(String host) { return new Connection(host); }
          }
          """,
          "redis/clients/jedis/Connection.java",
          """
          package redis.clients.jedis;
          /** "9.0": the socket field became a transport, sendCommand returns a reply. */
          public class Connection {
            private final StringBuilder transport = new StringBuilder();
            private final String host;
            public Connection(String host) { this.host = host; }
            public void connect() { transport.append("connect(" + host + ");"); }
            public String sendCommand(CommandArguments a) {
              transport.append(String.join(" ", a.args)).append(';');
              return "queued:" + a.args[0];
            }
            public void flush() { transport.append("flush;"); }
            public Object readProtocolWithCheckingBroken() { return "reply#" + transport.length(); }
            public void disconnect() { transport.append("disconnect;"); }
            public String transport() { return transport.toString(); }
          }
          """,
          "future/FutureJedisApp.java",
          """
          package future;
          import redis.clients.jedis.*;
          public class FutureJedisApp {
            public static void main(String[] args) throws Exception {
              Connection c = new ConnectionFactory().makeObject("cache.internal");
              c.connect();
              System.out.println("send " + c.sendCommand(new CommandArguments("GET", "k1")));
              System.out.println("send " + c.sendCommand(new CommandArguments("SET", "k1", "v")));
              c.flush();
              System.out.println("read " + c.readProtocolWithCheckingBroken());
              c.disconnect();
              System.out.println("transport " + c.transport());
              System.out.println("done");
              Thread.sleep(Long.MAX_VALUE);
            }
          }
          """);

  @TempDir static Path work;
  private static Path jar;

  @BeforeAll
  static void buildJar() throws IOException {
    Path src = work.resolve("src");
    Path classes = work.resolve("classes");
    List<String> compilerArgs = new ArrayList<>(List.of("--release", "8", "-d", classes.toString()));
    for (Map.Entry<String, String> e : SOURCES.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      compilerArgs.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, compilerArgs.toArray(new String[0]))).isZero();
    jar = work.resolve("jedis-9.0.0-future.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  @Test
  void futureJedisLackingTheAdvicesFieldIsRefusedBeforeWeaving() throws Exception {
    String withoutAgent;
    try (AppProcess app = app().start()) {
      app.awaitStdout("done");
      withoutAgent = app.stdout();
    }
    assertThat(withoutAgent)
        .isEqualTo(
            "send queued:GET\nsend queued:SET\nread reply#46\n"
                + "transport connect(cache.internal);GET k1;SET k1 v;flush;disconnect;\ndone\n");

    // At the default log level: the refusal, once; no transformation was even tried.
    try (AppProcess app = app().agent("port=0,host=127.0.0.1").start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      assertThat(app.stdout()).as(app.dump()).isEqualTo(withoutAgent);
      List<String> lines = agentLines(app);
      assertThat(lines).as(app.dump()).hasSize(2);
      assertThat(lines.get(0)).contains("WARN jedis-4.0 refused for a version that states none: "
          + "the library lacks field redis.clients.jedis.Connection.socket");
      assertThat(lines.get(1)).contains("serving metrics");
      assertThat(app.stderr()).doesNotContain("VerifyError").doesNotContain("Exception");
      assertThat(s.value("cachedb_agent_transform_errors_total")).isZero();
      assertThat(s.value("cachedb_agent_instrumentation_info",
          "module", "jedis-4.0", "state", "refused", "version", "unknown")).isEqualTo(1.0);
      assertThat(s.keysStartingWith("cache_operations_total")).isEmpty();
      assertThat(s.keysStartingWith("cache_memory_usage_bytes")).isEmpty();
    }

    // Asked to log transform errors: there are none to log.
    try (AppProcess app = app().agent("port=0,host=127.0.0.1,log.transform_errors=true").start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      assertThat(app.stdout()).isEqualTo(withoutAgent);
      assertThat(agentLines(app)).as(app.dump()).noneMatch(l -> l.contains("could not instrument"));
      assertThat(s.value("cachedb_agent_transform_errors_total")).isZero();
    }
  }

  private static AppProcess.Builder app() {
    return AppProcess.testMain(FutureVersionJarIT.class).classpath(jar).mainClass("future.FutureJedisApp");
  }

  private static List<String> agentLines(AppProcess app) {
    return app.stderr().lines().filter(l -> l.startsWith("[cachedb-agent]")).toList();
  }
}
