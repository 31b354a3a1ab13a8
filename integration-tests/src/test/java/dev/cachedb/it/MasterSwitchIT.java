package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enabled=false} loads nothing: with the JVM logging every class it loads, the agent's
 * only classes are its entry point, configuration and log line; no Byte Buddy, no Prometheus, no
 * recorder, no bootstrap-path jar written, no endpoint, no thread. (FailureModesIT checks that
 * nothing is served.)
 */
class MasterSwitchIT {
  @TempDir Path tmp;

  @Test
  void disabledAgentLoadsOnlyWhatItNeedsToReadItsConfiguration() throws Exception {
    Path classLog = tmp.resolve("classes.log");
    Path appTmp = Files.createDirectory(tmp.resolve("app-tmp"));
    // JDK 8 has no -Xlog (unified logging is JDK 9's): its -verbose:class lines go to stdout.
    boolean jdk8 = Jdk.feature() == 8;
    List<String> loaded;
    try (AppProcess app =
        AppProcess.testApp()
            .agent("enabled=false,port=0")
            .jvmOption(jdk8 ? "-verbose:class" : "-Xlog:class+load=info:file=" + classLog)
            .jvmOption("-Djava.io.tmpdir=" + appTmp)
            .args("--rounds=5", "--interval-ms=10", "--redis-clients=jedis")
            .start()) {
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(app.stdout()).contains("test-app: done after 5 rounds");
      assertThat(app.stderr())
          .contains("[cachedb-agent] INFO disabled by configuration (enabled=false)")
          .doesNotContain("serving metrics")
          .doesNotContain("bootstrap classpath has been appended");
      loaded = jdk8
          ? app.stdout().lines()
              .filter(l -> l.startsWith("[Loaded "))
              .map(l -> l.substring("[Loaded ".length()).split(" ", 2)[0])
              .collect(Collectors.toList())
          : Files.readAllLines(classLog).stream()
              .map(l -> l.replaceAll("^.*\\] ", "").replaceAll(" source:.*$", ""))
              .collect(Collectors.toList());
    }
    List<String> agentClasses = loaded.stream()
        .filter(c -> c.startsWith("dev.cachedb.agent."))
        .sorted()
        .collect(Collectors.toList());
    assertThat(agentClasses).isNotEmpty()
        .allMatch(c -> c.matches("dev\\.cachedb\\.agent\\.(Agent|AgentStarter|AgentVersion|config\\..*|log\\..*)"),
            "only the entry point, configuration and log");
    try (Stream<Path> files = Files.list(appTmp)) {
      assertThat(files.map(Path::getFileName).map(Path::toString))
          .noneMatch(n -> n.startsWith("cachedb-agent"));
    }
  }
}
