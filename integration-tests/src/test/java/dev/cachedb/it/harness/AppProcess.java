package dev.cachedb.it.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A child JVM running an application, optionally with the agent, on the JDK {@link Jdk} selects.
 * Tests choose the classpath (for example test-app plus one Jedis version's folder of jars), so a
 * version matrix is a loop over folder names.
 *
 * <pre>
 * try (AppProcess app = AppProcess.testApp().agent("port=0").args("--rounds=10").start()) {
 *   Scrape s = app.scrape();
 * }
 * </pre>
 */
public final class AppProcess implements AutoCloseable {
  private static final Pattern SERVING =
      Pattern.compile("serving metrics on https?://([^:/]+|\\[[^\\]]+\\]):(\\d+)/metrics");
  // Generous: a slow wait only costs time when something is already wrong, and the longest
  // waits (PoolLeakIT's 2,003 pools, JedisAllocationIT's C1-only child) take 15-20 s unloaded.
  private static final long START_TIMEOUT_MS = 180_000;

  private final Process process;
  private final OutputBuffer stdout;
  private final OutputBuffer stderr;

  private AppProcess(Process process) {
    this.process = process;
    this.stdout = new OutputBuffer(process.getInputStream(), "stdout-" + process.pid());
    this.stderr = new OutputBuffer(process.getErrorStream(), "stderr-" + process.pid());
  }

  /** test-app's jar, on the classpath. */
  public static Builder testApp() {
    return new Builder().classpath(Artifacts.testAppJar()).mainClass("dev.cachedb.testapp.TestApp");
  }

  /** An executable jar, started as {@code java -jar <jar>} (a Spring Boot fat jar). */
  public static Builder executableJar(Path jar) {
    return new Builder().jar(jar);
  }

  /** A main class from this module's apps, with the given library folders. */
  public static Builder testMain(Class<?> mainClass, String... libFolders) {
    Builder b = new Builder().classpath(Artifacts.appClasses()).mainClass(mainClass.getName());
    for (String folder : libFolders) {
      b.classpath(Artifacts.libs(folder));
    }
    return b;
  }

  public long pid() {
    return process.pid();
  }

  public String stdout() {
    return stdout.text();
  }

  public String stderr() {
    return stderr.text();
  }

  /** Waits for a line on stdout; fails the test with both streams if it never comes. */
  public AppProcess awaitStdout(String needle) throws InterruptedException {
    if (!stdout.await(needle, START_TIMEOUT_MS)) {
      threadDump();
      throw new AssertionError("no '" + needle + "' on stdout.\n" + dump());
    }
    return this;
  }

  public AppProcess awaitStderr(String needle) throws InterruptedException {
    if (!stderr.await(needle, START_TIMEOUT_MS)) {
      threadDump();
      throw new AssertionError("no '" + needle + "' on stderr.\n" + dump());
    }
    return this;
  }

  /** The port the agent said it serves on. */
  public int metricsPort() throws InterruptedException {
    awaitStderr("serving metrics on");
    Matcher m = SERVING.matcher(stderr());
    if (!m.find()) {
      throw new AssertionError("cannot read the metrics port.\n" + dump());
    }
    return Integer.parseInt(m.group(2));
  }

  public Scrape scrape() throws IOException, InterruptedException {
    return Scrape.of("127.0.0.1", metricsPort());
  }

  /** Waits for the process to end by itself and returns its exit code. */
  public int awaitExit(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new AssertionError("process did not exit within " + timeoutSeconds + " s.\n" + dump());
    }
    stdout.awaitEnd(5000);
    stderr.awaitEnd(5000);
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Has a JVM that never printed what a test waited for print its threads (SIGQUIT: the dump goes
   * to its stdout, which {@link #dump} shows), so that a hang says where it hung.
   */
  private void threadDump() {
    try {
      if (process.isAlive()) {
        new ProcessBuilder("kill", "-3", String.valueOf(process.pid())).start()
            .waitFor(5, TimeUnit.SECONDS);
        Thread.sleep(1000);
      }
    } catch (IOException | RuntimeException e) {
      // best effort: the failure is reported either way
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String dump() {
    return "--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr();
  }

  @Override
  public void close() {
    // SIGTERM first: test-app's shutdown hook stops the embedded redis-server it started, which
    // SIGKILL would leave running.
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Options of the child JVM. */
  public static final class Builder {
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private String mainClass;
    private Path jar;
    private String agentArgs;
    private final List<String> laterAgents = new ArrayList<>();

    public Builder classpath(Path entry) {
      classpath.add(entry);
      return this;
    }

    public Builder classpath(List<Path> entries) {
      classpath.addAll(entries);
      return this;
    }

    public Builder mainClass(String name) {
      mainClass = name;
      return this;
    }

    /** Runs {@code java -jar <jar>}, as a fat jar is started, instead of a class path and main. */
    public Builder jar(Path executableJar) {
      jar = executableJar;
      return this;
    }

    /** Runs with {@code -javaagent:<agent jar>=<args>}. */
    public Builder agent(String arguments) {
      agentArgs = arguments;
      return this;
    }

    /** Adds {@code -javaagent:<jar>=<args>}, loaded after the agent of {@link #agent}. */
    public Builder laterAgent(Path jar, String arguments) {
      laterAgents.add("-javaagent:" + jar + "=" + arguments);
      return this;
    }

    public Builder jvmOption(String option) {
      // JDK 8 loads agents into a running JVM without being asked, and fails to start on this
      // flag, which JDK 21 introduced and 11 and 17 updates accept.
      if (Jdk.feature() == 8 && option.equals("-XX:+EnableDynamicAgentLoading")) {
        return this;
      }
      jvmOptions.add(option);
      return this;
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder args(String... arguments) {
      args.addAll(Arrays.asList(arguments));
      return this;
    }

    public AppProcess start() throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Jdk.java().toString());
      cmd.add("-Xmx256m");
      cmd.add("-XX:TieredStopAtLevel=1");
      if (agentArgs != null) {
        cmd.add("-javaagent:" + Artifacts.agentJar() + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
      }
      cmd.addAll(laterAgents);
      cmd.addAll(jvmOptions);
      if (jar != null) {
        cmd.add("-jar");
        cmd.add(jar.toString());
      } else {
        cmd.add("-cp");
        cmd.add(
            classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.add(mainClass);
      }
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd);
      // The child must not inherit agent settings from whoever runs the build.
      pb.environment().keySet().removeIf(k -> k.startsWith("CACHEDB_") || k.equals("JAVA_TOOL_OPTIONS"));
      pb.environment().putAll(env);
      return new AppProcess(pb.start());
    }
  }
}
