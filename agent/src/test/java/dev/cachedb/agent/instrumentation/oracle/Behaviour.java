package dev.cachedb.agent.instrumentation.oracle;

/**
 * What the sample targets do, shared by both woven copies of a sample (this class is loaded once,
 * by the test's loader): return the value they are given, or throw.
 */
public final class Behaviour {
  public static volatile boolean targetThrows;

  private Behaviour() {}

  public static <T> T result(T value) {
    if (targetThrows) {
      throw new IllegalStateException("the target failed");
    }
    return value;
  }
}
