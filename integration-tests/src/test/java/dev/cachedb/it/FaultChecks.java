package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Scrape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what a fault app printed (TALLY, EXC, FRAMES lines; see apps/Captured) and waiting on a metric. */
final class FaultChecks {
  private static final Pattern TALLY = Pattern.compile("^TALLY (.+) (\\d+)$", Pattern.MULTILINE);

  private FaultChecks() {}

  /** The EXC and FRAMES lines. */
  static String caught(String stdout) {
    StringBuilder sb = new StringBuilder();
    stdout.lines().filter(l -> l.startsWith("EXC ") || l.startsWith("FRAMES "))
        .forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  /** Every exception class in every chain the app caught belongs to one of these packages. */
  static void assertLibraryExceptionsOnly(String stdout, String... packages) {
    Pattern cls = Pattern.compile("(?:^EXC \\S+ |<- )([\\w.$]+):", Pattern.MULTILINE);
    Matcher m = cls.matcher(stdout);
    while (m.find()) {
      String c = m.group(1);
      assertThat(Arrays.stream(packages).anyMatch(c::startsWith))
          .as("exception class " + c).isTrue();
    }
  }

  static List<String> agentLines(String stderr) {
    return stderr.lines().filter(l -> l.startsWith("[cachedb-agent]")).toList();
  }

  static String exceptions(String stdout) {
    StringBuilder sb = new StringBuilder();
    stdout.lines().filter(l -> l.startsWith("EXC ")).forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  static Map<String, Integer> tallies(String stdout) {
    Map<String, Integer> m = new TreeMap<>();
    Matcher matcher = TALLY.matcher(stdout);
    while (matcher.find()) {
      m.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
    return m;
  }

  static double awaitMetric(int port, String name, Predicate<Double> ok, String... labels)
      throws Exception {
    Predicate<Double> good = v -> v != null && ok.test(v);
    Double v = Scrape.until(port, s -> good.test(s.value(name, labels)), 30_000).value(name, labels);
    if (!good.test(v)) {
      throw new AssertionError(name + " never as expected; last " + v);
    }
    return v;
  }
}
