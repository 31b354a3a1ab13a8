package dev.cachedb.it.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scrapes /metrics in a tight loop over one keep-alive HTTP/1.1 connection, on a thread of its
 * own, and checks every scrape against the one before: a counter or histogram series (bucket,
 * count, sum) that went down or vanished is a violation. Reads the Prometheus text format's
 * {@code # TYPE} lines to know which samples are counters.
 */
public final class ScrapeLoop implements AutoCloseable {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpRequest request;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final Map<String, Double> last = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private volatile int scrapes;
  private volatile int failures;
  private volatile String lastFailure;

  private ScrapeLoop(int port) {
    request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    thread = new Thread(this::loop, "scrape-loop");
    thread.setDaemon(true);
  }

  public static ScrapeLoop start(int port) {
    ScrapeLoop s = new ScrapeLoop(port);
    s.thread.start();
    return s;
  }

  private void loop() {
    while (running.get()) {
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + r.statusCode());
        }
        check(r.body());
        scrapes++;
      } catch (Exception e) {
        failures++;
        lastFailure = e.toString();
      }
    }
  }

  private void check(String text) {
    Map<String, Double> now = monotonicSamples(text);
    synchronized (violations) {
      for (Map.Entry<String, Double> e : last.entrySet()) {
        Double v = now.get(e.getKey());
        if (v == null) {
          violations.add("vanished after scrape " + scrapes + ": " + e.getKey());
        } else if (v < e.getValue()) {
          violations.add("fell in scrape " + scrapes + ": " + e.getKey() + " " + e.getValue()
              + " -> " + v);
        }
      }
      last.clear();
      last.putAll(now);
    }
  }

  /** Samples of counter and histogram families: name with labels to value. */
  static Map<String, Double> monotonicSamples(String text) {
    Map<String, Double> out = new HashMap<>();
    boolean monotonic = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String type = line.substring(line.lastIndexOf(' ') + 1);
        monotonic = type.equals("counter") || type.equals("histogram");
      } else if (monotonic && !line.isEmpty() && !line.startsWith("#")) {
        int sp = line.lastIndexOf(' ');
        out.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
      }
    }
    return out;
  }

  /** Stops after the scrape in progress. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(15_000);
  }

  public int scrapes() {
    return scrapes;
  }

  public int failures() {
    return failures;
  }

  public String lastFailure() {
    return lastFailure;
  }

  /** Monotonic series seen in the last scrape. */
  public int seriesChecked() {
    synchronized (violations) {
      return last.size();
    }
  }

  public List<String> violations() {
    synchronized (violations) {
      return new ArrayList<>(violations);
    }
  }
}
