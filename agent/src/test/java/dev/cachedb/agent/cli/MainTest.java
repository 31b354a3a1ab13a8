package dev.cachedb.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... argv) {
    return Main.run(argv, new PrintStream(out, true), new PrintStream(err, true));
  }

  @Test
  void noArgumentsPrintsUsageAndSucceeds() {
    assertThat(run()).isEqualTo(0);
    assertThat(out.toString()).contains("Usage:").contains("attach <pid>");
  }

  @Test
  void unknownCommandPrintsUsageToStderrAndFails() {
    assertThat(run("detach", "12")).isEqualTo(2);
    assertThat(err.toString()).contains("Usage:");
  }

  @Test
  void nonNumericPidIsRefused() {
    assertThat(run("attach", "abc")).isEqualTo(2);
    assertThat(err.toString()).contains("'abc' is not a process id");
  }
}
