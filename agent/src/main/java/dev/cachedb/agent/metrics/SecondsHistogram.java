package dev.cachedb.agent.metrics;

import io.prometheus.metrics.model.registry.Collector;

/**
 * A histogram of durations in seconds with fixed labels, as every timed metric of the agent is.
 * Made by {@link Histograms#seconds}, which picks the kind: {@link ClassicHistogram} by default,
 * whose observations allocate nothing, or client_java's classic-plus-native histogram when
 * {@code histograms.native=true}.
 */
public interface SecondsHistogram extends Collector {

  /** The data point of one label-value combination; resolve once and keep it. */
  Point labelValues(String... values);

  /** Drops the data point of one label-value combination (a pool that closed). */
  void remove(String... values);

  /** One data point. */
  interface Point {
    /**
     * Records one duration, in nanoseconds as {@link System#nanoTime()} differences come:
     * converting to seconds is left to the scrape, off the application's thread.
     */
    void observeNanos(long nanos);

    /** Observations so far. */
    long count();
  }
}
