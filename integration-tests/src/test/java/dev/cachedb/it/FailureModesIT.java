package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent never stops the application: each failure is one line on stderr, and the app runs on. */
class FailureModesIT {

  @Test
  void portTakenGivesOneLineAndTheApplicationRunsOn() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        AppProcess app =
            AppProcess.testApp()
                .agent("host=127.0.0.1,port=" + taken.getLocalPort())
                .args("--rounds=5", "--interval-ms=10")
                .start()) {
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(app.stdout()).contains("test-app: done after 5 rounds");
      assertThat(agentLines(app.stderr()))
          .singleElement()
          .asString()
          .contains("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort())
          .contains("the application runs on");
      assertThat(app.stderr()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }
  }

  @Test
  void malformedValueNamesKeyValueAndWhatIsAllowed() throws Exception {
    try (AppProcess app =
        AppProcess.testApp().agent("port=abc").args("--rounds=3", "--interval-ms=10").start()) {
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(app.stdout()).contains("test-app: done after 3 rounds");
      assertThat(agentLines(app.stderr()))
          .singleElement()
          .asString()
          .contains("'port'")
          .contains("'abc'")
          .contains("an integer from 0 to 65535")
          .contains("The agent is off");
    }
  }

  @Test
  void unknownKeyIsNamedAndTheAgentStaysOff() throws Exception {
    try (AppProcess app =
        AppProcess.testApp().agent("prot=9999").args("--rounds=3", "--interval-ms=10").start()) {
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(agentLines(app.stderr()))
          .singleElement()
          .asString()
          .contains("unknown key 'prot'")
          .contains("allowed keys: enabled, port, host");
      assertThat(app.stderr()).doesNotContain("serving metrics");
    }
  }

  @Test // Linux: mkfifo. Before, premain opened the FIFO and the application never started.
  void configNamingAFifoIsRefusedAndTheApplicationStartsPromptly(@TempDir Path dir)
      throws Exception {
    Path fifo = dir.resolve("agent.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    long start = System.nanoTime();
    assertThat(onlyAgentLineOfARun("port=0,config=" + fifo))
        .contains("key 'config'")
        .contains("not a regular file")
        .contains("The agent is off");
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(30));
  }

  @Test
  void secretTheArgumentChannelAltersIsRefusedWithWhereToPutIt() throws Exception {
    assertThat(onlyAgentLineOfARun("port=0,auth.user=prom,auth.password=Zq7pw\uD83D\uDE00x"))
        .contains("'auth.password'")
        .contains("system property cachedb.auth.password")
        .contains("environment variable CACHEDB_AUTH_PASSWORD")
        .doesNotContain("Zq7");
  }

  @Test
  void numberPastItsMaximumNamesTheKey() throws Exception {
    assertThat(onlyAgentLineOfARun("port=0,jdbc.statement_cache_size=2147483647"))
        .contains("'jdbc.statement_cache_size'")
        .contains("an integer from 1 to 10000");
  }

  /** Runs the test app with {@code agentArgs}; it must finish its rounds and the agent say one line. */
  private static String onlyAgentLineOfARun(String agentArgs) throws Exception {
    try (AppProcess app =
        AppProcess.testApp().agent(agentArgs).args("--rounds=3", "--interval-ms=10").start()) {
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(app.stdout()).contains("test-app: done after 3 rounds");
      List<String> lines = agentLines(app.stderr());
      assertThat(lines).as(app.dump()).hasSize(1);
      return lines.get(0);
    }
  }

  @Test
  void masterSwitchOffServesNothing() throws Exception {
    try (AppProcess app =
        AppProcess.testApp().agent("enabled=false,port=0").args("--rounds=3", "--interval-ms=10").start()) {
      assertThat(app.awaitExit(60)).as(app.dump()).isEqualTo(0);
      assertThat(app.stderr()).doesNotContain("serving metrics");
    }
  }

  private static java.util.List<String> agentLines(String stderr) {
    return stderr.lines().filter(l -> l.startsWith("[cachedb-agent]")).toList();
  }
}
