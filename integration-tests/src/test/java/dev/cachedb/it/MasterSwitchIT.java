package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
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
    try (AppProcess app =
        AppProcess.testApp()
            .agent("enabled=false,port=0")
            .jvmOption("-Xlog:class+load=info:file=" + classLog)
            .jvmOption("-Djava.io.tmpdir=" + appTmp)
            .args("--rounds=5", "--interval-ms=10", "--redis-clients=jedis")
            .start()) {
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(app.stdout()).contains("test-app: done after 5 rounds");
      assertThat(app.stderr())
          .contains("[cachedb-agent] INFO disabled by configuration (enabled=false)")
          .doesNotContain("serving metrics")
          .doesNotContain("bootstrap classpath has been appended");
    }
    List<String> agentClasses;
    try (Stream<String> lines = Files.lines(classLog)) {
      agentClasses =
          lines.map(l -> l.replaceAll("^.*\\] ", "").replaceAll(" source:.*$", ""))
              .filter(c -> c.startsWith("dev.cachedb.agent."))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(agentClasses).isNotEmpty()
        .allMatch(c -> c.matches("dev\\.cachedb\\.agent\\.(Agent|AgentStarter|AgentVersion|config\\..*|log\\..*)"),
            "only the entry point, configuration and log");
    try (Stream<Path> files = Files.list(appTmp)) {
      assertThat(files.map(Path::getFileName).map(Path::toString))
          .noneMatch(n -> n.startsWith("cachedb-agent"));
    }
  }
}
