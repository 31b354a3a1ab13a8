package dev.cachedb.agent.instrumentation.weave;

/** The class {@link ClassWeaverTest} weaves: method shapes the library methods we advise have. */
public class WovenTarget {
  public final String name;

  public WovenTarget(String name) {
    this.name = name;
  }

  public int add(int a, int b) {
    return a + b;
  }

  public long twice(long x) {
    return 2 * x;
  }

  public double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  public String fail(String message) {
    throw new IllegalStateException(message);
  }

  public void nothing() {}

  /** Reassigns its argument: exit advice sees the value it was called with. */
  public String trim(String s) {
    s = s.trim();
    return s;
  }

  /** Catches its own exception: the advice's handler must not take it. */
  public int recover(String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static int twiceStatic(int x) {
    return 2 * x;
  }
}
