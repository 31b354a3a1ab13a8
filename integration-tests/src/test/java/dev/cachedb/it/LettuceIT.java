package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.LettuceRetentionApp;
import dev.cachedb.it.apps.LettuceWorkloadApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.harness.TestAgent;
import dev.cachedb.it.servers.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lettuce 5.x, 6.x and 7.x (oldest and newest release of each line), through the sync, async and
 * reactive APIs, against a real Redis: one child JVM per version and API runs
 * {@link LettuceWorkloadApp}, and the scrape must show its exact figures. And the agent keeps no
 * reply alive, even when its completion path fails.
 */
class LettuceIT {
  static final String[] VERSIONS = {
    "5.0.0.RELEASE", "5.3.7.RELEASE", "6.0.0.RELEASE", "6.8.2.RELEASE", "7.0.0.RELEASE",
    "7.7.0.RELEASE"
  };
  private static final String PASSWORD = "pw-s3cr3t-" + UUID.randomUUID();
  private static final Pattern HEAP_USED = Pattern.compile("heap-used-after-gc=(\\d+)");

  private static RedisTestServer open;
  private static RedisTestServer secured;

  @TempDir Path tmp;

  @BeforeAll
  static void startServers() throws Exception {
    open = RedisTestServer.start();
    secured = RedisTestServer.start(PASSWORD);
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (open != null) {
      open.close();
    }
    if (secured != null) {
      secured.close();
    }
  }

  static Stream<Arguments> versionsAndApis() {
    List<Arguments> all = new ArrayList<>();
    for (String v : VERSIONS) {
      for (String mode : new String[] {"sync", "async", "reactive"}) {
        all.add(Arguments.of(v, mode));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "lettuce {0} {1}")
  @MethodSource("versionsAndApis")
  void countsEveryCommandOnceWithExactHitsMissesAndErrors(String version, String mode)
      throws Exception {
    run(version, mode, open, "-");
  }

  @ParameterizedTest(name = "lettuce {0} sync, requirepass")
  @MethodSource("oldestAndNewest")
  void sameFiguresWithAPasswordWhichNeverLeaks(String version) throws Exception {
    run(version, "sync", secured, PASSWORD);
  }

  static Stream<String> oldestAndNewest() {
    return Stream.of(VERSIONS[0], VERSIONS[VERSIONS.length - 1]);
  }

  /**
   * A Lettuce that calls itself 8.0 (7.7.0's classes, its version files rewritten): the agent does
   * not know that line, so it must leave it untouched, and the application must run as usual.
   */
  @Test
  void leavesAnUnknownMajorVersionUntouched() throws Exception {
    List<Path> jars = new ArrayList<>();
    for (Path jar : Artifacts.libs("lettuce-7.7.0.RELEASE")) {
      jars.add(jar.getFileName().toString().startsWith("lettuce-core")
          ? relabel(jar, tmp.resolve("lettuce-core-8.0.0.RELEASE.jar"))
          : jar);
    }
    Path flag = tmp.resolve("stopped-unknown");
    try (AppProcess app =
        AppProcess.testMain(LettuceWorkloadApp.class)
            .classpath(jars)
            .agent("port=0,host=127.0.0.1")
            .args("sync", open.host(), String.valueOf(open.port()), "-",
                "lk-" + UUID.randomUUID() + "-", flag.toString())
            .start()) {
      app.awaitStdout("waiting-for-stop");
      Scrape s = app.scrape();
      assertThat(s.keysStartingWith("cache_operations_total")).as(app.dump()).isEmpty();
      assertThat(app.stderr()).doesNotContain("could not instrument");
    }
  }

  /**
   * 10,000 GETs of a 64 KiB value while the completion hook fails before it frees the command's
   * in-flight entry (the test agent's {@code failLettuceCompletion}: the cache sink throws first),
   * as the advice did on Lettuce 6.5 to 6.7: heap in use after GC must stay within 5 MB of the
   * same run without the agent (1237ae9's agent on 6.6.0 kept 510 MiB there, against 4.8 MiB).
   */
  @ParameterizedTest(name = "lettuce {0}: failed completions retain no reply")
  @ValueSource(strings = {"6.8.2.RELEASE", "7.7.0.RELEASE"})
  void failedCompletionsRetainNoReply(String version) throws Exception {
    long without = heapUsedAfterGc(version, false);
    long with = heapUsedAfterGc(version, true);
    System.out.printf(
        "lettuce %s on JDK %s, 10000 GETs of 64 KiB, completion failing: heap in use after GC"
            + " %.1f MiB without agent, %.1f MiB with agent%n",
        version, System.getProperty("it.jdk"), without / 1048576.0, with / 1048576.0);
    assertThat(with - without).as("heap retained by the agent").isLessThan(5_000_000L);
  }

  private static long heapUsedAfterGc(String version, boolean agent) throws Exception {
    AppProcess.Builder b =
        AppProcess.testMain(LettuceRetentionApp.class, "lettuce-" + version)
            // Room for what a leak would keep (8192 slots of 64 KiB), so it shows as a figure.
            .jvmOption("-Xmx1g")
            .args(open.host(), String.valueOf(open.port()), "10000", String.valueOf(64 * 1024));
    if (agent) {
      b.agent("port=0,host=127.0.0.1,redis.memory.enabled=false")
          .laterAgent(TestAgent.jar(), "failLettuceCompletion");
    }
    try (AppProcess app = b.start()) {
      app.awaitStdout("heap-used-after-gc=");
      Matcher m = HEAP_USED.matcher(app.stdout());
      assertThat(m.find()).as(app.dump()).isTrue();
      if (agent) { // the test agent took effect: no command got through completion to be recorded
        assertThat(app.scrape().keysStartingWith("cache_operations_total")).as(app.dump())
            .isEmpty();
      }
      return Long.parseLong(m.group(1));
    }
  }

  private static Path relabel(Path source, Path target) throws Exception {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("META-INF/maven/io.lettuce/lettuce-core/pom.properties")) {
          out.write("groupId=io.lettuce\nartifactId=lettuce-core\nversion=8.0.0.RELEASE\n"
              .getBytes(StandardCharsets.UTF_8));
        } else if (e.getName().equals("META-INF/MANIFEST.MF")) {
          out.write("Manifest-Version: 1.0\nSpecification-Version: 8.0\n"
              .getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return target;
  }

  private void run(String version, String mode, RedisTestServer server, String password)
      throws Exception {
    run(version, mode, server.host(), server.port(), password, server, "standalone");
  }

  /**
   * Runs the workload and checks its figures. With a {@code server} to stop, the last GET goes
   * to a stopped server (an error); without one (the cluster), it reads a present key (a hit).
   */
  static void run(String version, String mode, String host, int port, String password,
      RedisTestServer server, String topology) throws Exception {
    String prefix = "lk-s3cr3t-" + UUID.randomUUID() + "-";
    Path flag = Files.createTempFile("lettuce-stopped", ".flag");
    Files.delete(flag);
    try (AppProcess app =
        AppProcess.testMain(LettuceWorkloadApp.class, "lettuce-" + version)
            .agent("port=0,host=127.0.0.1")
            .args(mode, host, String.valueOf(port), password, prefix, flag.toString(), topology)
            .start()) {
      try {
        app.awaitStdout("waiting-for-stop");
        if (server != null && PASSWORD.equals(password)) {
          awaitMemoryGauge(app, server);
        }
        if (server != null) {
          server.stop();
        }
        Files.createFile(flag);
        app.awaitStdout("done");
      } finally {
        Files.deleteIfExists(flag);
        if (server != null) {
          server.restart();
        }
      }
      Scrape s = app.scrape();
      String why = app.dump() + "\n--- scrape ---\n" + s.text();

      boolean stopped = server != null;
      assertOps(s, why, "get", "hit", stopped ? 70 : 71, "miss", 30, "error", stopped ? 2 : 1);
      assertOps(s, why, "mget", "hit", 2, "miss", 1);
      assertOps(s, why, "exists", "hit", 5, "miss", 2);
      assertOps(s, why, "hget", "hit", 1, "miss", 1);
      assertOps(s, why, "hgetall", "hit", 1, "miss", 1);
      assertOps(s, why, "lrange", "hit", 1, "miss", 1);
      for (String read : new String[] {"smembers", "zrange", "zscore", "lindex"}) {
        assertOps(s, why, read, "hit", 1);
      }
      assertOps(s, why, "set", "success", 70);
      assertOps(s, why, "del", "success", 5);
      for (String write : new String[] {"lpush", "hset", "sadd", "zadd"}) {
        assertOps(s, why, write, "success", 1);
      }
      assertThat(s.value("cache_hit_rate")).as(why)
          .isEqualTo(stopped ? 70.0 : 100.0 * 85 / (85 + 36));
      assertHistogramCountsEqualCommandCounts(s, why);
      assertThat(s.text()).as(why).doesNotContain(prefix).doesNotContain(PASSWORD);
      assertThat(app.stderr() + app.stdout()).as(why).doesNotContain(prefix)
          .doesNotContain(PASSWORD);
    }
  }

  /** The counters of one operation: these results with these values, and no other result. */
  /**
   * The memory poller logs in with the credentials Lettuce connected with (a password in 5.x and
   * 6.x, a credentials provider in 7.x) and reports the secured server's used_memory.
   */
  private static void awaitMemoryGauge(AppProcess app, RedisTestServer server) throws Exception {
    String serverLabel = server.host() + ":" + server.port();
    long deadline = System.currentTimeMillis() + 20_000;
    Double bytes = null;
    while (bytes == null && System.currentTimeMillis() < deadline) {
      bytes = app.scrape().value("cache_memory_usage_bytes", "server", serverLabel);
      if (bytes == null) {
        Thread.sleep(200);
      }
    }
    assertThat(bytes).as("cache_memory_usage_bytes for " + serverLabel + "\n" + app.dump())
        .isNotNull().isGreaterThan(100_000.0);
  }

  private static void assertOps(Scrape s, String why, String op, Object... resultsAndCounts) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < resultsAndCounts.length; i += 2) {
      String result = (String) resultsAndCounts[i];
      double count = ((Integer) resultsAndCounts[i + 1]).doubleValue();
      assertThat(s.value("cache_operations_total", "operation", op, "result", result))
          .as(op + " " + result + "\n" + why)
          .isEqualTo(count);
      expected.add(result);
    }
    for (String result : new String[] {"hit", "miss", "success", "error"}) {
      if (!expected.contains(result)) {
        Double v = s.value("cache_operations_total", "operation", op, "result", result);
        assertThat(v == null ? 0.0 : v).as(op + " " + result + "\n" + why).isEqualTo(0.0);
      }
    }
  }

  /**
   * One duration per command: the histogram count equals the command count, except for the reads
   * counted per key ({@code mget}, {@code exists}), which observe one duration for many counts.
   */
  private static void assertHistogramCountsEqualCommandCounts(Scrape s, String why) {
    for (String op : new String[] {
      "get", "set", "del", "hget", "hgetall", "lrange", "smembers", "zrange", "zscore", "lindex",
      "lpush", "hset", "sadd", "zadd"
    }) {
      double commands = 0;
      for (String result : new String[] {"hit", "miss", "success", "error"}) {
        Double v = s.value("cache_operations_total", "operation", op, "result", result);
        commands += v == null ? 0 : v;
      }
      assertThat(s.value("cache_operation_duration_seconds_count", "operation", op))
          .as("histogram count of " + op + "\n" + why)
          .isEqualTo(commands);
    }
    assertThat(s.value("cache_operation_duration_seconds_count", "operation", "mget"))
        .as(why).isEqualTo(1.0);
    assertThat(s.value("cache_operation_duration_seconds_count", "operation", "exists"))
        .as(why).isEqualTo(1.0);
  }
}
