package dev.cachedb.bench.calibration;

/** The calibration agent's platform MBean ({@value #NAME}). */
public final class Calibration implements CalibrationMBean {
  static final String NAME = "dev.cachedb.bench:type=Calibration";

  @Override
  public long getCalls() {
    return Burner.calls();
  }

  @Override
  public long getBurnedNanos() {
    return Burner.burned();
  }

  @Override
  public long getBurnNanos() {
    return Burner.burnNanos;
  }
}
