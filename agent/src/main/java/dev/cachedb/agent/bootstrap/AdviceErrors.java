package dev.cachedb.agent.bootstrap;

/**
 * What woven code calls with a throwable that advice ({@code suppress = Throwable.class}) threw
 * and the weaving then swallowed, so that a failing advice is counted and reported instead of
 * silently recording nothing (a Lettuce version whose completion throws {@code NoSuchMethodError}
 * in every call). The agent installs its recorder in {@link #sink} at start.
 *
 * <p>{@code site} names the module and the advice class ({@code lettuce-5.0/...$CompleteAdvice}),
 * a constant in the woven class. The call sits in the suppression handler, outside the guarded
 * advice: it must never throw, so everything the sink throws stops here. This class is on the
 * bootstrap path before any class is woven, so the call always links.
 */
public final class AdviceErrors {

  /** The recorder; replaced once at agent start. */
  public static volatile Sink sink = new Sink();

  private AdviceErrors() {}

  /** Called by the woven suppression handler; the application's call then goes on. */
  public static void suppressed(String site, Throwable thrown) {
    try {
      sink.suppressed(site, thrown);
    } catch (Throwable ignored) {
      // the recorder failed too: the application's call must not see it
    }
  }

  /** Receives suppressed throwables. The base class ignores them. */
  public static class Sink {
    public void suppressed(String site, Throwable thrown) {}
  }
}
