package dev.cachedb.it.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Jdk;
import dev.cachedb.it.pool.PoolScenario;
import dev.cachedb.it.servers.RedisTestCluster;
import dev.cachedb.it.servers.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The version sweep: one release of every minor line of every supported library ({@code
 * versions.csv}), each in a fresh child JVM with the agent, each checked with exact figures on
 * every API the version has. The other ITs test each line's oldest and newest release; Lettuce
 * 6.5 to 6.7 broke between those and nobody saw it. A row passes when the version works, or when
 * the table expects a refusal and the agent refused it out loud.
 *
 * <p>Writes {@code target/version-sweep.md} (docs/version-sweep.md is a committed copy) and one
 * summary line. Runs in the JDK 17 Failsafe execution only: once per build is the point.
 */
class VersionSweepIT {
  private static final String H2 = "jdbc:h2:mem:sweep;DB_CLOSE_DELAY=-1";

  @Test
  void everyMinorLineWorksWithExactFigures() throws Exception {
    long start = System.nanoTime();
    List<SweepRow> rows = SweepRow.table();
    SweepLibs.resolve(rows);
    List<SweepResult> results = new ArrayList<>();
    try (RedisTestServer redis = RedisTestServer.start();
        RedisTestCluster cluster = RedisTestCluster.start()) {
      RedisSweep redisSweep = new RedisSweep(redis, cluster);
      for (SweepRow row : rows) {
        SweepResult r = row.library() == Library.SPRINGCONTEXT ? CacheSweep.run(row)
            : row.library().poolKind == null ? redisSweep.run(row) : pool(row);
        System.out.println("sweep: " + row.folder() + " " + r.cell());
        results.add(r);
      }
    }
    List<SweepResult> failed = results.stream().filter(r -> !r.passed())
        .collect(Collectors.toList());
    String summary = "version sweep: " + results.size() + " versions, "
        + (results.size() - failed.size()) + " passed, " + failed.size() + " failed";
    Path table = Paths.get(System.getProperty("it.libs.dir")).getParent()
        .resolve("version-sweep.md");
    Files.writeString(table, markdown(results, summary), StandardCharsets.UTF_8);
    System.out.println(summary + " (" + (System.nanoTime() - start) / 1_000_000_000 + " s)");
    assertThat(failed).as(summary + "\n" + failed.stream()
        .map(r -> r.row().folder() + " " + r.outcome() + ": " + r.detail()).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  /** PoolScenario's steps over H2 in the child JVM: gauges, both histograms, a timeout, close. */
  private static SweepResult pool(SweepRow row) {
    String checked = "gauges, acquire and usage histograms, acquire timeout, close (H2)";
    try {
      new PoolScenario(row.library().poolKind, "sweep/" + row.folder()).run(H2, "sa", "");
      return new SweepResult(row, checked, SweepRow.Outcome.WORKS, "");
    } catch (Exception | AssertionError e) {
      return new SweepResult(row, checked, SweepRow.Outcome.FAILED, String.valueOf(e));
    }
  }

  private static String markdown(List<SweepResult> results, String summary) {
    StringBuilder md = new StringBuilder()
        .append("# Version sweep\n\n")
        .append("Written by `VersionSweepIT` (integration-tests, `dev.cachedb.it.sweep`) from ")
        .append("`versions.csv`: one release of every minor line, each in a fresh JDK ")
        .append(Jdk.feature()).append(" JVM with the agent, each phase checked with exact ")
        .append("`cache_operations_total` counts and one duration per command (Redis: Redis 6.2, ")
        .append("standalone and a three-master cluster), or the pool steps of `PoolScenario` ")
        .append("(H2 in memory). \"Not pinned\": operations the client sends by itself in that ")
        .append("phase, as many as its version likes, which the agent counts too. `mvn verify` ")
        .append("writes this table again as `integration-tests/target/version-sweep.md`.\n\n")
        .append("| library | version | checked | result |\n|---|---|---|---|\n");
    for (SweepResult r : results) {
      md.append("| ").append(r.row().library().artifactId).append(" | ")
          .append(r.row().version()).append(" | ").append(r.checked()).append(" | ")
          .append(r.cell().replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    return md.append("\n").append(summary).append("\n").toString();
  }
}
