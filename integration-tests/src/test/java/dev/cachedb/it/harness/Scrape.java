package dev.cachedb.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of /metrics in the Prometheus text format, parsed into samples. Lookups name the
 * sample and all its labels, so an assertion means exactly one series.
 */
public final class Scrape {
  private final String text;
  private final Map<String, Double> samples = new LinkedHashMap<>();

  private Scrape(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int sp = line.lastIndexOf(' ');
      samples.put(line.substring(0, sp), parseValue(line.substring(sp + 1)));
    }
  }

  public static Scrape of(String host, int port) throws IOException {
    return parse(get("http://" + host + ":" + port + "/metrics"));
  }

  /**
   * Scrapes every 100 ms until {@code settled} holds, for at most {@code timeoutMillis}, and
   * returns the last scrape either way: some counts land a moment after the app's marker.
   */
  public static Scrape until(int port, Predicate<Scrape> settled, long timeoutMillis)
      throws IOException, InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      Scrape s = of("127.0.0.1", port);
      if (settled.test(s) || System.currentTimeMillis() > end) {
        return s;
      }
      Thread.sleep(100);
    }
  }

  public static Scrape parse(String text) {
    return new Scrape(text);
  }

  /** The raw exposition text. */
  public String text() {
    return text;
  }

  /**
   * The value of the sample {@code name} with exactly these labels, given as name, value pairs in
   * the order the exporter writes them (client_java sorts label names). Null if absent.
   */
  public Double value(String name, String... labelPairs) {
    return samples.get(key(name, labelPairs));
  }

  public boolean has(String name, String... labelPairs) {
    return samples.containsKey(key(name, labelPairs));
  }

  /** Every sample key (name plus labels) that starts with {@code prefix}. */
  public List<String> keysStartingWith(String prefix) {
    List<String> keys = new ArrayList<>();
    for (String k : samples.keySet()) {
      if (k.startsWith(prefix)) {
        keys.add(k);
      }
    }
    return Collections.unmodifiableList(keys);
  }

  private static String key(String name, String... labelPairs) {
    if (labelPairs.length == 0) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('{');
    for (int i = 0; i < labelPairs.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append(labelPairs[i]).append("=\"").append(labelPairs[i + 1])
          .append('"');
    }
    return sb.append('}').toString();
  }

  private static double parseValue(String v) {
    switch (v) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(v);
    }
  }

  static String get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setConnectTimeout(5000);
    c.setReadTimeout(10000);
    try (InputStream in = c.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      c.disconnect();
    }
  }
}
