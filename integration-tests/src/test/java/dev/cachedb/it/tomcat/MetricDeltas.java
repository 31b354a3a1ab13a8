package dev.cachedb.it.tomcat;

import dev.cachedb.it.harness.Scrape;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What moved in the agent's counters between two scrapes, keyed by label values in the order
 * the exporter writes them ("SELECT orders", "get hit"), so that a whole family is compared with
 * one expected map and nothing unexpected can hide.
 */
final class MetricDeltas {
  private static final Pattern SAMPLE =
      Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
  private static final Pattern LABEL_VALUE = Pattern.compile("\\w+=\"([^\"]*)\"");
  private static final Pattern POOL_LABEL =
      Pattern.compile("^db_connection_pool_size\\{pool=\"([^\"]*)\"\\}", Pattern.MULTILINE);

  private MetricDeltas() {}

  /** The {@code pool} label values the scrape shows. */
  static Set<String> poolLabels(Scrape s) {
    Set<String> pools = new TreeSet<>();
    Matcher m = POOL_LABEL.matcher(s.text());
    while (m.find()) {
      pools.add(m.group(1));
    }
    return pools;
  }

  /**
   * The samples of {@code name} that moved between two scrapes, keyed by their label values
   * ("SELECT orders", "get hit").
   */
  static Map<String, Double> delta(Scrape before, Scrape after, String name) {
    Map<String, Double> start = samples(before, name);
    Map<String, Double> moved = new HashMap<>();
    samples(after, name)
        .forEach(
            (k, v) -> {
              double d = v - start.getOrDefault(k, 0.0);
              if (d != 0) {
                moved.put(k, d);
              }
            });
    return moved;
  }

  private static Map<String, Double> samples(Scrape s, String name) {
    Map<String, Double> out = new HashMap<>();
    Matcher m = SAMPLE.matcher(s.text());
    while (m.find()) {
      if (m.group(1).equals(name)) {
        StringBuilder key = new StringBuilder();
        Matcher label = LABEL_VALUE.matcher(m.group(2));
        while (label.find()) {
          key.append(key.length() == 0 ? "" : " ").append(label.group(1));
        }
        out.put(key.toString(), Double.parseDouble(m.group(3)));
      }
    }
    return out;
  }

  /** The sum of the entries of one query type ("SELECT ..."). */
  static double sumByType(Map<String, Double> queries, String type) {
    return queries.entrySet().stream()
        .filter(e -> e.getKey().startsWith(type + " "))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** The sum of the entries of one result ("... hit"). */
  static double sumByResult(Map<String, Double> ops, String result) {
    return ops.entrySet().stream()
        .filter(e -> e.getKey().endsWith(" " + result))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }
}
