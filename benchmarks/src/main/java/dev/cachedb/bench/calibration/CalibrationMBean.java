package dev.cachedb.bench.calibration;

/** What the petclinic service's stats endpoint reads: the burning calls so far and their cost. */
public interface CalibrationMBean {
  long getCalls();

  long getBurnNanos();
}
