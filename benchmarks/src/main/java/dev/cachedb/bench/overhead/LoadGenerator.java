package dev.cachedb.bench.overhead;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The petclinic service's load, in a process of its own: a fixed number of keep-alive connections,
 * each sending its next request as soon as the last one is answered (closed loop). After the
 * warm-up it reads the service's /internal/stats, measures for the given time, reads them again,
 * and prints one JSON object: request count, errors, latency mean and percentiles of the requests
 * that completed inside the window, and both stats readings.
 *
 * <p>Arguments: port connections warmupSeconds seconds owners updatePercent seed. Each run gets
 * its own seed: a run repeating the last run's owner sequence would find the cache holding
 * exactly what it asks for first, or, once Redis evicts, exactly not.
 */
public final class LoadGenerator {
  private final int port;
  private final int owners;
  private final int updatePercent;
  private final long seed;
  private final LongAdder errors = new LongAdder();
  private final LongAdder updates = new LongAdder();
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private volatile boolean running = true;

  private LoadGenerator(int port, int owners, int updatePercent, long seed) {
    this.port = port;
    this.owners = owners;
    this.updatePercent = updatePercent;
    this.seed = seed;
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    double warmupSeconds = Double.parseDouble(args[2]);
    double seconds = Double.parseDouble(args[3]);
    LoadGenerator load =
        new LoadGenerator(
            port, Integer.parseInt(args[4]), Integer.parseInt(args[5]), Long.parseLong(args[6]));
    System.out.println(load.run(connections, warmupSeconds, seconds));
  }

  private String run(int connections, double warmupSeconds, double seconds) throws Exception {
    List<Latencies> perConnection = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Latencies latencies = new Latencies();
      perConnection.add(latencies);
      SplittableRandom random = new SplittableRandom(seed * 1000 + i);
      Thread worker = new Thread(() -> drive(random, latencies), "load-" + i);
      worker.start();
      workers.add(worker);
    }
    String before;
    String after;
    long start;
    long end;
    try {
      Thread.sleep((long) (warmupSeconds * 1000));
      before = stats();
      start = System.nanoTime();
      windowStart = start;
      Thread.sleep((long) (seconds * 1000));
      end = System.nanoTime();
      windowEnd = end;
      after = stats();
    } finally {
      // whatever failed, the workers stop, so the process ends and reports
      running = false;
      for (Thread worker : workers) {
        worker.join();
      }
    }
    long[] sorted = Latencies.sortedUnion(perConnection);
    return "{\"requests\":" + sorted.length
        + ",\"seconds\":" + (end - start) / 1e9
        + ",\"errors\":" + errors.sum()
        + ",\"updates\":" + updates.sum()
        + ",\"connections\":" + connections
        + ",\"meanMicros\":" + Latencies.mean(sorted) / 1e3
        + ",\"p50Micros\":" + Latencies.percentile(sorted, 0.50) / 1e3
        + ",\"p99Micros\":" + Latencies.percentile(sorted, 0.99) / 1e3
        + ",\"maxMicros\":" + Latencies.percentile(sorted, 1.0) / 1e3
        + ",\"before\":" + before
        + ",\"after\":" + after + "}";
  }

  /**
   * The service's /internal/stats, on a connection of its own: one kept open across a long window
   * (WARMUP=150) outlived the service's keep-alive timeout, the second reading failed, and the
   * workers went on loading the service forever.
   */
  private String stats() throws Exception {
    try (HttpConnection stats = new HttpConnection("127.0.0.1", port)) {
      return stats.send("GET", "/internal/stats").body();
    }
  }

  private void drive(SplittableRandom random, Latencies latencies) {
    try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
      while (running) {
        int owner = 1 + random.nextInt(owners);
        boolean update = random.nextInt(100) < updatePercent;
        long sent = System.nanoTime();
        int status;
        try {
          status =
              update
                  ? connection
                      .send("POST", "/owners/" + owner + "/telephone?number=555-"
                          + random.nextInt(10_000))
                      .status()
                  : connection.send("GET", "/owners/" + owner).status();
        } catch (Exception e) {
          connection.close();
          status = -1;
        }
        long answered = System.nanoTime();
        if (answered >= windowStart && answered < windowEnd) {
          latencies.add(answered - sent);
          if (status != 200) {
            errors.increment();
          }
          if (update) {
            updates.increment();
          }
        }
      }
    }
  }
}
