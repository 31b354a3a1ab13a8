package dev.cachedb.it.tomcat;

import dev.cachedb.it.harness.Jdk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Tomcat unpacked by {@link TomcatDistribution}, started with {@code bin/catalina.sh run} on the
 * JDK under test, and driven over HTTP: the manager's text interface deploys and undeploys, so
 * each returns once Tomcat has finished (its pools started or closed).
 *
 * <pre>
 * try (StandaloneTomcat tomcat = TomcatDistribution.forJdk(17).unpack(dir)) {
 *   tomcat.setenv("CATALINA_OPTS=\"$CATALINA_OPTS -javaagent:...\"").start();
 *   tomcat.deploy(war, "/shop");
 *   tomcat.get("/shop/order?id=1");
 * }
 * </pre>
 */
final class StandaloneTomcat implements AutoCloseable {
  /** The manager-script user {@link TomcatDistribution} adds to conf/tomcat-users.xml. */
  static final String MANAGER_USER = "it-deployer";
  static final String MANAGER_PASSWORD = "it-deployer-password";
  private static final long START_TIMEOUT_MS = 120_000;

  private final Path home;
  private final int httpPort;
  private Process process;

  StandaloneTomcat(Path home, int httpPort) {
    this.home = home;
    this.httpPort = httpPort;
  }

  Path home() {
    return home;
  }

  /** Writes {@code bin/setenv.sh}, which {@code catalina.sh} sources, with these lines. */
  StandaloneTomcat setenv(String... lines) throws IOException {
    Path setenv = home.resolve("bin/setenv.sh");
    Files.write(setenv, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    setenv.toFile().setExecutable(true);
    return this;
  }

  /** {@code bin/catalina.sh run} with JAVA_HOME the JDK under test; returns once Tomcat is up. */
  StandaloneTomcat start() throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(home.resolve("bin/catalina.sh").toString(), "run")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(consolePath().toFile());
    Map<String, String> env = pb.environment();
    for (String inherited :
        new String[] {"CATALINA_BASE", "CATALINA_OPTS", "JAVA_OPTS", "JRE_HOME",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
      env.remove(inherited);
    }
    env.put("JAVA_HOME", Jdk.home().toString());
    env.put("CATALINA_HOME", home.toString());
    process = pb.start();
    awaitConsole("Server startup in");
    return this;
  }

  /**
   * The process id of Tomcat's JVM: {@code catalina.sh run} replaces its shell with the JVM
   * ({@code exec}), so it is the id of the process this class started.
   */
  long pid() {
    return process.pid();
  }

  private Path consolePath() {
    return home.resolve("logs/it-console.log");
  }

  /** Waits until the console shows {@code needle}; fails with the console if it never does. */
  void awaitConsole(String needle) throws InterruptedException {
    long end = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (!consoleText().contains(needle)) {
      if (System.currentTimeMillis() > end || !process.isAlive()) {
        throw new AssertionError("no '" + needle + "' from Tomcat:\n" + consoleText());
      }
      Thread.sleep(100);
    }
  }

  /** Everything Tomcat and the agent wrote to stdout and stderr so far. */
  String consoleText() {
    try {
      return Files.exists(consolePath())
          ? new String(Files.readAllBytes(consolePath()), StandardCharsets.UTF_8)
          : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deploys {@code war} at {@code path} through the manager; returns once it is started. */
  void deploy(Path war, String path) throws IOException {
    manager("PUT", "/deploy?path=" + path, Files.readAllBytes(war));
  }

  /** Undeploys {@code path}; returns once its context is stopped and its resources closed. */
  void undeploy(String path) throws IOException {
    manager("GET", "/undeploy?path=" + path, null);
  }

  private void manager(String method, String command, byte[] body) throws IOException {
    HttpURLConnection c = open("/manager/text" + command);
    c.setRequestMethod(method);
    byte[] credentials = (MANAGER_USER + ":" + MANAGER_PASSWORD).getBytes(StandardCharsets.UTF_8);
    c.setRequestProperty(
        "Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials));
    if (body != null) {
      c.setDoOutput(true);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
    }
    String reply = read(c);
    if (!reply.startsWith("OK")) {
      throw new IllegalStateException(command + " failed: " + reply + "\n" + consoleText());
    }
  }

  /** GET {@code pathAndQuery} on Tomcat's HTTP port; fails unless the reply is 200. */
  String get(String pathAndQuery) throws IOException {
    try {
      return read(open(pathAndQuery));
    } catch (IOException e) {
      // Tomcat's error page leaves out the root cause; its console has the stack trace.
      String console = consoleText();
      throw new IOException(
          e.getMessage() + "\n--- console ---\n"
              + console.substring(Math.max(0, console.length() - 6000)), e);
    }
  }

  private HttpURLConnection open(String pathAndQuery) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort + pathAndQuery).openConnection();
    c.setConnectTimeout(5000);
    c.setReadTimeout(60_000);
    return c;
  }

  private static String read(HttpURLConnection c) throws IOException {
    try {
      int status = c.getResponseCode();
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (in != null) {
        try (InputStream body = in) {
          body.transferTo(out);
        }
      }
      String text = out.toString(StandardCharsets.UTF_8);
      if (status != 200) {
        throw new IOException("HTTP " + status + " from " + c.getURL() + ": " + text);
      }
      return text;
    } finally {
      c.disconnect();
    }
  }

  /** Stops Tomcat by SIGTERM (its shutdown hook stops the applications) and waits. */
  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
