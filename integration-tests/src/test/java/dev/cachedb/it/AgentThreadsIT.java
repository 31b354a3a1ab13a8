package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Jdk;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent adds one thread to an application: its loop, which serves /metrics and polls Redis
 * memory. Compared by thread name with the same test-app run without the agent, after the
 * workload (Jedis, Lettuce, JDBC) has run and a scrape has been served.
 */
class AgentThreadsIT {
  /** Java threads in a thread dump: {@code "name" #id ...} (JVM-internal ones have no #id). */
  private static final Pattern JAVA_THREAD = Pattern.compile("^\"(.+)\" #\\d+", Pattern.MULTILINE);

  @Test
  void theAgentAddsOnlyItsLoopThread() throws Exception {
    Set<String> without;
    try (AppProcess app =
        AppProcess.testApp().args("--rounds=5", "--interval-ms=0", "--linger").start()) {
      app.awaitStdout("test-app: lingering");
      without = threadNames(app.pid());
    }
    try (AppProcess app =
        AppProcess.testApp().agent("port=0,host=127.0.0.1,redis.memory.interval=200ms")
            .args("--rounds=5", "--interval-ms=0", "--linger").start()) {
      app.awaitStdout("test-app: lingering");
      Thread.sleep(1000); // the Redis memory poll has run
      assertThat(app.scrape().keysStartingWith("cache_memory_usage_bytes")).isNotEmpty();
      Set<String> added = threadNames(app.pid());
      added.removeAll(without);
      // Before: HTTP-Dispatcher, idle-timeout-task, req-rsp-timeout-task (the JDK HTTP server's)
      // and cachedb-agent-redis-memory.
      assertThat(added).as(app.dump()).containsExactly("cachedb-agent");
    }
  }

  private static Set<String> threadNames(long pid) throws Exception {
    Process p = new ProcessBuilder(
        Jdk.home().resolve("bin/jcmd").toString(), Long.toString(pid), "Thread.print")
        .redirectErrorStream(true).start();
    String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Set<String> names = new TreeSet<>();
    Matcher m = JAVA_THREAD.matcher(dump);
    while (m.find()) {
      // The JVM starts and stops compiler threads as it likes; they are not the agent's.
      if (!m.group(1).contains("CompilerThread")) {
        // The process reaper of test-app's embedded Redis is named after that process's pid.
        names.add(m.group(1).replaceAll("\\(pid \\d+\\)", "(pid)"));
      }
    }
    assertThat(names).as(dump).contains("main");
    return names;
  }
}
