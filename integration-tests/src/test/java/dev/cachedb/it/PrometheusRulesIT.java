package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules under deploy/prometheus pass promtool's checks and their unit tests. Needs
 * Debian's prometheus package (.ci/run installs it); without promtool the test fails.
 */
class PrometheusRulesIT {
  private static final File DIR = new File(System.getProperty("it.deploy.dir"), "prometheus");

  @Test
  void rulesAreValid() throws Exception {
    assertThat(promtool("check", "rules", "cachedb-rules.yml"))
        .contains("SUCCESS: 11 rules found");
    assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
  }

  @Test
  void ruleUnitTestsPass() throws Exception {
    assertThat(promtool("test", "rules", "cachedb-rules.test.yml")).contains("SUCCESS");
  }

  private static String promtool(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "promtool";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(DIR).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(0);
    return out;
  }
}
