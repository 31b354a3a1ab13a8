package dev.cachedb.bench.calibration;

/** What the petclinic service's stats endpoint reads: the burning calls so far and their cost. */
public interface CalibrationMBean {
  long getCalls();

  long getBurnNanos();

  /** CPU nanoseconds burned in all calls so far, as the calling threads' clocks read it. */
  long getBurnedNanos();
}
