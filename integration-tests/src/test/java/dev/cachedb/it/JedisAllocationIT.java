package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.JedisAllocationApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.WithRedis;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hot path allocates nothing per command in steady state: 100,000 GETs on one thread allocate
 * the same with the agent as without it (the figure is printed for the record).
 */
class JedisAllocationIT {
  private static final Pattern ALLOCATED = Pattern.compile("allocated (\\d+) for (\\d+) commands");
  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  @ParameterizedTest(name = "jedis {0}")
  @ValueSource(strings = {"2.9.0", "8.0.2"})
  void agentAddsNoAllocationPerCommand(String version) throws Exception {
    long without = measure(version, false);
    long with = measure(version, true);
    double perCommand = (with - without) / 100_000.0;
    System.out.printf(
        "jedis %s on JDK %s: %d B without agent, %d B with agent, %.3f B per command added%n",
        version, System.getProperty("it.jdk"), without, with, perCommand);
    assertThat(perCommand).isLessThan(0.05); // measured: 0 B/command
  }

  private static long measure(String version, boolean agent) throws Exception {
    AppProcess.Builder b =
        AppProcess.testMain(JedisAllocationApp.class, "jedis-" + version)
            .args(redis.server().host(), Integer.toString(redis.server().port()));
    if (agent) {
      b.agent("port=0,redis.memory.enabled=false");
    }
    try (AppProcess app = b.start()) {
      app.awaitStdout(" commands");
      Matcher m = ALLOCATED.matcher(app.stdout());
      assertThat(m.find()).as(app.dump()).isTrue();
      if (agent) {
        Scrape s = app.scrape();
        assertThat(s.value("cache_operations_total", "operation", "get", "result", "hit"))
            .isEqualTo(75_000.0);
      }
      return Long.parseLong(m.group(1));
    }
  }
}
