package dev.cachedb.it.sweep;

import dev.cachedb.it.harness.Scrape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one phase of a sweep app must add to the scrape: these {@code cache_operations_total}
 * series by exactly these amounts and no other series at all, and one duration per command
 * (reads of several keys count per key but are one command); and of the client's pools it names,
 * exactly so many borrows, each timed and returned.
 */
final class PhaseFigures {
  private static final String OPS = "cache_operations_total";
  private static final String DURATIONS = "cache_operation_duration_seconds_count";
  private static final String ACQUIRES = "db_connection_acquire_duration_seconds_count";
  private static final String USAGES = "db_connection_usage_duration_seconds_count";

  final String name;
  private final Map<String, Double> counts = new LinkedHashMap<>();
  private final Map<String, Double> commands = new LinkedHashMap<>();
  private final Set<String> unchecked = new TreeSet<>();
  private final Map<String, Double> borrows = new LinkedHashMap<>();

  PhaseFigures(String name) {
    this.name = name;
  }

  /** {@code op} counted with these results: pairs of result and count. */
  PhaseFigures op(String op, Object... resultsAndCounts) {
    for (int i = 0; i < resultsAndCounts.length; i += 2) {
      counts.merge(op + "|" + resultsAndCounts[i], ((Integer) resultsAndCounts[i + 1]) * 1.0,
          Double::sum);
    }
    return this;
  }

  /** A read of several keys: {@code n} commands, whatever it counted per key. */
  PhaseFigures commands(String op, int n) {
    commands.put(op, n * 1.0);
    return this;
  }

  /** {@code n} borrows from {@code pool}, each returned: acquires and usages, both +n. */
  PhaseFigures borrows(String pool, int n) {
    borrows.put(pool, n * 1.0);
    return this;
  }

  /**
   * Operations whose counts this phase does not pin: commands the client sends by itself, as many
   * as its version likes. Say why at each use.
   */
  PhaseFigures unchecked(String... ops) {
    unchecked.addAll(Arrays.asList(ops));
    return this;
  }

  /** The phase's name, and the operations it leaves unpinned. */
  String describe() {
    return unchecked.isEmpty() ? name : name + " (not pinned: " + String.join(", ", unchecked) + ")";
  }

  /** Every difference between what the phase added and its figures; empty when exact. */
  List<String> mismatches(Scrape before, Scrape after) {
    List<String> wrong = new ArrayList<>();
    TreeSet<String> series = new TreeSet<>(counts.keySet());
    for (Scrape s : new Scrape[] {before, after}) {
      for (String key : s.keysStartingWith(OPS + "{")) {
        if (!unchecked.contains(label(key, "operation"))) {
          series.add(label(key, "operation") + "|" + label(key, "result"));
        }
      }
    }
    Map<String, Double> perOp = new LinkedHashMap<>();
    for (String k : series) {
      String[] opResult = k.split("\\|");
      double added = delta(before, after, OPS, "operation", opResult[0], "result", opResult[1]);
      double want = counts.getOrDefault(k, 0.0);
      if (added != want) {
        wrong.add(opResult[0] + " " + opResult[1] + " +" + fmt(added) + " (want +" + fmt(want)
            + ")");
      }
      perOp.merge(opResult[0], want, Double::sum);
    }
    for (Map.Entry<String, Double> e : perOp.entrySet()) {
      double want = commands.getOrDefault(e.getKey(), e.getValue());
      double added = delta(before, after, DURATIONS, "operation", e.getKey());
      if (added != want) {
        wrong.add(e.getKey() + " durations +" + fmt(added) + " (want +" + fmt(want) + ")");
      }
    }
    for (Map.Entry<String, Double> e : borrows.entrySet()) {
      for (String count : new String[] {ACQUIRES, USAGES}) {
        double added = delta(before, after, count, "pool", e.getKey());
        if (added != e.getValue()) {
          wrong.add(count + "{pool=" + e.getKey() + "} +" + fmt(added) + " (want +"
              + fmt(e.getValue()) + ")");
        }
      }
    }
    return wrong;
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return value(after, name, labels) - value(before, name, labels);
  }

  private static double value(Scrape s, String name, String... labels) {
    Double v = s.value(name, labels);
    return v == null ? 0 : v;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String label(String key, String name) {
    int i = key.indexOf(name + "=\"") + name.length() + 2;
    return key.substring(i, key.indexOf('"', i));
  }
}
